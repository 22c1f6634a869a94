import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashAuditRecord, verifyChain, createChainVerifier, type AuditRecord } from './chain';

function chain(n: number): (AuditRecord & { hash: string })[] {
  const rows: (AuditRecord & { hash: string })[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const rec: AuditRecord = {
      seq: i,
      id: `id-${i}`,
      at: new Date(Date.UTC(2026, 10, 1, 0, 0, i)).toISOString(),
      actorType: 'doctor',
      actorId: '12345',
      actorRole: 'doctor',
      hospitalCode: '11535',
      action: 'clinical-read',
      outcome: 'success',
      patientCid: null,
      purpose: 'TREAT',
      accessRef: null,
      clientIp: null,
      userAgent: null,
      requestId: null,
      details: { b: 1, a: [1, 2] },
      prevHash: prev,
    };
    const hash = hashAuditRecord(rec);
    rows.push({ ...rec, hash });
    prev = hash;
  }
  return rows;
}

describe('audit hash chain', () => {
  it('hashes independently of key order and of the stored hash field', () => {
    const [row] = chain(1);
    const { details: _d, ...rest } = row!;
    expect(hashAuditRecord({ ...rest, details: { a: [1, 2], b: 1 } })).toBe(row!.hash);
    expect(hashAuditRecord({ ...row!, hash: 'anything' } as AuditRecord)).toBe(row!.hash);
  });

  it.each([
    ['intact', (r: ReturnType<typeof chain>) => r, { ok: true, rows: 5 }],
    [
      'edited',
      (r: ReturnType<typeof chain>) => r.map((x) => (x.seq === 3 ? { ...x, outcome: 'denied' } : x)),
      { ok: false, seq: 3, problem: 'hash' },
    ],
    ['deleted', (r: ReturnType<typeof chain>) => r.filter((x) => x.seq !== 2), { ok: false, seq: 3, problem: 'gap' }],
    [
      'reordered',
      (r: ReturnType<typeof chain>) => [r[0]!, { ...r[2]!, seq: 2 }, { ...r[1]!, seq: 3 }, r[3]!, r[4]!],
      { ok: false, seq: 2, problem: 'prev-hash' },
    ],
    ['out of order', (r: ReturnType<typeof chain>) => [r[0]!, r[2]!, r[1]!], { ok: false, seq: 3, problem: 'gap' }],
  ])('%s', (_name, mutate, expected) => {
    expect(verifyChain(mutate(chain(5)))).toMatchObject(expected);
  });

  it('the streaming verifier keeps reporting the first break', () => {
    const rows = chain(4);
    const v = createChainVerifier();
    expect(v.push(rows[0]!)).toBeNull();
    expect(v.push({ ...rows[1]!, actorId: '99999' })).toMatchObject({ seq: 2, problem: 'hash' });
    expect(v.push(rows[2]!)).toMatchObject({ seq: 2 });
    expect(v.result()).toMatchObject({ ok: false, seq: 2 });
  });
});
