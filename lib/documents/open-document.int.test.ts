import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PatientAccess } from '../access/patient-access';
import type { DoctorContext } from '../auth/guard';
import { toClinicalFacts } from '../clinical/facts';
import type { DocumentFact } from '../clinical/types';
import type { Database } from '../db';
import { auditLog } from '../db/schema';
import { createExchangeClient } from '../exchange/client';
import { TEST_TOKENS } from '../testing/global-setup';
import { createTestDatabase, DATABASE_KINDS } from '../testing/databases';
import { openSealedRecord } from '../timeline/sealed';
import { openDocument } from './open-document';
import type { DocumentParams } from './types';

const sandboxUrl = inject('sandboxUrl');
const SOMSRI = '3100400123456';
const BOONCHAI = '3100400234568';
const exchange = createExchangeClient({ baseUrl: sandboxUrl, token: TEST_TOKENS.exchange });
const ctx = { requestId: 'int-docs', purpose: 'TREAT' as const, practitioner: '12345', organization: '11535' };
const doctor: DoctorContext = {
  kind: 'doctor',
  sessionId: 's-1',
  licence: '12345',
  displayName: 'Dr Test',
  hospitalCode: '11535',
  role: 'doctor',
  request: { clientIp: '10.0.0.1', userAgent: 'int', requestId: 'req-docs' },
};
const accessFor = (cid: string, id: string): PatientAccess => ({
  kind: 'consent',
  id,
  cid,
  purpose: 'TREAT',
  startedAt: new Date(),
  expiresAt: new Date(Date.now() + 3_600_000),
});

/** The patient's documents at one hospital, as the record read lists them (through the exchange adapter). */
async function documentsAt(hcode: string, cid: string): Promise<DocumentFact[]> {
  const r = await exchange.fetchHospitalRecords(hcode, cid, ctx);
  expect(r.error ?? r.status).toBe('answered');
  return toClinicalFacts(r.resources, hcode).filter((f): f is DocumentFact => f.kind === 'document');
}

const paramsOf = (f: DocumentFact, accessId: string): DocumentParams => ({
  accessId,
  hcode: f.hospitalCode,
  type: f.resourceType as DocumentParams['type'],
  id: f.resourceId,
});

describe('the exchange adapter reads documents', () => {
  it('reads DocumentReference and Composition in the same batch as every other type, patient-checked', async () => {
    const r = await exchange.fetchHospitalRecords('10661', SOMSRI, ctx);
    expect(r.counts.DocumentReference).toBeGreaterThanOrEqual(1);
    expect(r.counts.Composition).toBeGreaterThanOrEqual(1);
    expect(r.droppedWrongPatient).toBe(0);
    const docs = await documentsAt('11536', BOONCHAI);
    expect(docs.map((d) => d.problem).sort()).toEqual(['missing', 'oversized', 'unreachable', 'wrong-type']);
  });
});

// Both databases are made before any exchange call: a set-up of several seconds between two calls can
// outlast the sandbox's keep-alive, and the next request would meet a socket the server has just closed.
const databases = new Map<string, Database>();
beforeAll(async () => {
  for (const kind of DATABASE_KINDS) databases.set(kind, await createTestDatabase(kind));
});
afterAll(async () => {
  for (const d of databases.values()) await d.close();
});

describe.each(DATABASE_KINDS)('opening a document on %s', (kind) => {
  let database: Database;
  beforeAll(() => {
    database = databases.get(kind)!;
  });
  const deps = () => ({ db: database.db, exchange });
  const auditRows = async (accessId: string) =>
    database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.accessRef, accessId), eq(auditLog.action, 'document-open')));

  it('opens a discharge summary as sections of sanitised text, with one audit row', async () => {
    const access = accessFor(SOMSRI, crypto.randomUUID());
    const summary = (await documentsAt('10661', SOMSRI)).find((d) => d.resourceType === 'Composition')!;
    const opened = await openDocument(doctor, access, paramsOf(summary, access.id), deps());
    expect(opened.ok && opened.body.kind).toBe('sections');
    if (opened.ok && opened.body.kind === 'sections')
      expect(opened.body.sections.map((s) => s.title)).toContain('การรักษาในโรงพยาบาล / Hospital course');
    const rows = await auditRows(access.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: 'success', patientCid: SOMSRI });
    expect(JSON.stringify(rows[0]!.details)).not.toContain('Ceftriaxone'); // no clinical content in the audit row
  });

  it('serves the PDF bytes fetched from the exchange Binary, and sanitises an HTML letter', async () => {
    const access = accessFor(SOMSRI, crypto.randomUUID());
    const pdf = (await documentsAt('10661', SOMSRI)).find((d) => d.contentKind === 'pdf')!;
    const file = await openDocument(doctor, access, paramsOf(pdf, access.id), deps());
    expect(file.ok && file.body.kind === 'file' && new TextDecoder().decode(file.body.bytes.subarray(0, 5))).toBe('%PDF-');
    const html = (await documentsAt('24001', SOMSRI)).find((d) => d.contentKind === 'html')!;
    const letter = await openDocument(doctor, access, paramsOf(html, access.id), deps());
    expect(letter.ok && letter.body.kind).toBe('html');
    const text = JSON.stringify(letter.ok ? letter.body : null);
    expect(text).toContain('H. pylori');
    expect(text).not.toMatch(/alert|script|onerror|javascript|href|style/);
    expect(await auditRows(access.id)).toHaveLength(2);
  });

  it('keeps a sealed document sealed until this access gives a reason', async () => {
    const access = accessFor(BOONCHAI, crypto.randomUUID());
    const sealed = (await documentsAt('13781', BOONCHAI)).find((d) => d.sealed !== undefined)!;
    expect(await openDocument(doctor, access, paramsOf(sealed, access.id), deps())).toEqual({ ok: false, reason: 'sealed' });
    expect((await auditRows(access.id))[0]).toMatchObject({ outcome: 'denied' });
    await openSealedRecord(doctor, access, sealed.id, 'Assessing suicide risk before prescribing', { db: database.db });
    const opened = await openDocument(doctor, access, paramsOf(sealed, access.id), deps());
    expect(opened.ok && opened.body.kind === 'text' && opened.body.text).toContain('sertraline');
  });

  it('refuses each broken attachment with its own reason', async () => {
    const access = accessFor(BOONCHAI, crypto.randomUUID());
    for (const d of await documentsAt('11536', BOONCHAI)) {
      expect(await openDocument(doctor, access, paramsOf(d, access.id), deps())).toEqual({ ok: false, reason: d.problem });
    }
  });

  it("never opens another patient's document under this access", async () => {
    const somsriAccess = accessFor(SOMSRI, crypto.randomUUID());
    const boonchaiDoc = (await documentsAt('10702', BOONCHAI)).find((d) => d.contentKind === 'pdf')!;
    // Somsri does not share 10702: the exchange refuses; and the patient check would drop it anyway.
    expect(await openDocument(doctor, somsriAccess, paramsOf(boonchaiDoc, somsriAccess.id), deps())).toEqual({
      ok: false,
      reason: 'not-found',
    });
    const somsriDoc = (await documentsAt('13781', BOONCHAI)).find((d) => d.sealed !== undefined)!;
    const atShared = { ...paramsOf(somsriDoc, somsriAccess.id) };
    expect(await openDocument(doctor, somsriAccess, atShared, deps())).toEqual({ ok: false, reason: 'not-found' });
  });
});
