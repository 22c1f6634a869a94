import { describe, expect, it } from 'vitest';
import {
  findUnusualAccess,
  MANY_PATIENTS_ALERT,
  MAX_RECORD_OPENS_PER_DOCTOR_HOUR,
  recordOpenVerdict,
  REPEATED_EMERGENCY_ALERT,
  type RecordOpen,
} from './rules';

const NOW = new Date('2026-12-06T10:00:00Z');
const MIN = 60_000;

/** n opens of distinct patients, one a minute, the newest `endMinutesAgo` before NOW. */
function opens(
  n: number,
  opts: { endMinutesAgo?: number; purpose?: 'TREAT' | 'ETREAT'; firstSeq?: number; stepMin?: number } = {},
): RecordOpen[] {
  const { endMinutesAgo = 0, purpose = 'TREAT', firstSeq = 1, stepMin = 1 } = opts;
  return Array.from({ length: n }, (_, i) => ({
    seq: firstSeq + i,
    at: new Date(NOW.getTime() - (endMinutesAgo + (n - 1 - i) * stepMin) * MIN),
    patientCid: `p${firstSeq + i}`,
    purpose,
    accessRef: `a${firstSeq + i}`,
  }));
}

describe('recordOpenVerdict', () => {
  const full = opens(MAX_RECORD_OPENS_PER_DOCTOR_HOUR, { stepMin: 1 });
  it.each([
    { name: 'no opens yet', recent: [], cid: 'x', expected: { ok: true, reopen: false } },
    { name: 'one below the limit', recent: full.slice(1), cid: 'x', expected: { ok: true, reopen: false } },
    { name: 'at the limit, a new patient', recent: full, cid: 'x', expected: { ok: false } },
    { name: 'at the limit, a patient already open', recent: full, cid: 'p5', expected: { ok: true, reopen: true } },
    {
      name: 'opens older than an hour do not count',
      recent: opens(MAX_RECORD_OPENS_PER_DOCTOR_HOUR, { endMinutesAgo: 61 }),
      cid: 'x',
      expected: { ok: true, reopen: false },
    },
    {
      name: 'the same patient opened many times counts once',
      recent: Array.from({ length: 50 }, (_, i) => ({
        seq: i,
        at: new Date(NOW.getTime() - i * MIN),
        patientCid: 'same',
        purpose: 'TREAT' as const,
        accessRef: 'a',
      })),
      cid: 'x',
      expected: { ok: true, reopen: false },
    },
  ])('$name', ({ recent, cid, expected }) => {
    expect(recordOpenVerdict(recent, cid, NOW)).toMatchObject(expected);
  });

  it('says when the oldest counted patient leaves the hour', () => {
    const verdict = recordOpenVerdict(full, 'x', NOW);
    // The oldest of the 30 was opened 29 minutes ago: a new patient may be opened 31 minutes from now.
    expect(verdict).toEqual({ ok: false, retryAt: new Date(NOW.getTime() + 31 * MIN) });
  });
});

describe('findUnusualAccess', () => {
  const many = MANY_PATIENTS_ALERT.patients;
  const repeated = REPEATED_EMERGENCY_ALERT.accesses;
  it.each([
    { name: 'a normal clinic: fewer patients than the threshold', events: opens(many - 1), reviewed: {}, rules: [] },
    { name: 'many patients in half an hour', events: opens(many), reviewed: {}, rules: ['many-patients'] },
    { name: 'the same number spread over more than the window', events: opens(many, { stepMin: 10 }), reviewed: {}, rules: [] },
    {
      name: 'reopening one patient is not many patients',
      events: opens(1).flatMap((o) => [o, { ...o, seq: 2 }, { ...o, seq: 3 }, { ...o, seq: 4 }, { ...o, seq: 5 }]),
      reviewed: {},
      rules: [],
    },
    {
      name: 'a burst already reviewed is not raised again',
      events: opens(many),
      reviewed: { 'many-patients': new Date(NOW.getTime() - 1) },
      rules: [],
    },
    {
      name: 'emergency accesses within a day',
      events: opens(repeated, { purpose: 'ETREAT', stepMin: 120 }),
      reviewed: {},
      rules: ['repeated-emergency'],
    },
    {
      name: 'fewer emergency accesses than the threshold',
      events: opens(repeated - 1, { purpose: 'ETREAT', stepMin: 120 }),
      reviewed: {},
      rules: [],
    },
    {
      name: 'emergency accesses more than a day apart',
      events: opens(repeated, { purpose: 'ETREAT', stepMin: 13 * 60 }),
      reviewed: {},
      rules: [],
    },
    {
      name: 'both at once',
      events: opens(Math.max(many, repeated), { purpose: 'ETREAT' }),
      reviewed: {},
      rules: ['many-patients', 'repeated-emergency'],
    },
  ])('$name', ({ events, reviewed, rules }) => {
    expect(findUnusualAccess(events, NOW, reviewed).map((f) => f.rule)).toEqual(rules);
  });

  it('gives the audit rows and counts as evidence, one row per patient', () => {
    const events = [...opens(many), { ...opens(1)[0]!, seq: 99 }];
    const [finding] = findUnusualAccess(events, NOW);
    expect(finding).toEqual({ rule: 'many-patients', auditSeqs: [1, 2, 3, 4, 5], count: many, windowMinutes: 30 });
  });
});
