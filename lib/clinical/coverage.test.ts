import { describe, expect, it } from 'vitest';
import { computePanelCoverage, hospitalAnswers, type AnswerState, type GapReason, type HospitalAnswer } from './coverage';
import type { SealedFactStub } from './types';

function answer(hospitalCode: string, state: AnswerState, extra: Partial<HospitalAnswer> = {}): HospitalAnswer {
  return { hospitalCode, state, dropped: 0, sealed: {}, ...extra };
}

describe('computePanelCoverage', () => {
  it.each<[AnswerState, GapReason | null]>([
    ['answered', null],
    ['no-data', null],
    ['waiting', 'waiting'],
    ['error', 'failed'],
    ['timeout', 'timed-out'],
    ['malformed', 'malformed'],
    ['circuit-open', 'paused'],
    ['not-shared', 'not-shared'],
  ])('a hospital that is %s → %s', (state, reason) => {
    const c = computePanelCoverage([answer('A', 'answered'), answer('B', state)], ['allergy']);
    expect(c.gaps).toEqual(reason === null ? [] : [{ hospitalCode: 'B', reason }]);
    expect(c.complete).toBe(reason === null);
    expect(c.included).toEqual(reason === null ? ['A', 'B'] : ['A']);
  });

  it('names dropped records of an answering hospital on every panel', () => {
    const answers = [answer('A', 'answered', { dropped: 3 })];
    for (const kinds of [['allergy'], ['medication'], []] as const) {
      expect(computePanelCoverage(answers, kinds)).toEqual({
        total: 1,
        included: ['A'],
        gaps: [{ hospitalCode: 'A', reason: 'dropped', count: 3 }],
        complete: false,
      });
    }
  });

  it('names sealed records only on the panels of their kind', () => {
    const answers = [answer('A', 'answered', { sealed: { condition: 2, medication: 1 } })];
    expect(computePanelCoverage(answers, ['allergy']).complete).toBe(true);
    expect(computePanelCoverage(answers, ['condition']).gaps).toEqual([{ hospitalCode: 'A', reason: 'sealed', count: 2 }]);
    expect(computePanelCoverage(answers, ['allergy', 'medication', 'condition']).gaps).toEqual([
      { hospitalCode: 'A', reason: 'sealed', count: 3 },
    ]);
  });

  it('keeps the hospitals in the order given, each gap once', () => {
    const answers = [answer('C', 'timeout'), answer('A', 'answered', { dropped: 1, sealed: { allergy: 1 } }), answer('B', 'waiting')];
    expect(computePanelCoverage(answers, ['allergy']).gaps.map((g) => `${g.hospitalCode}:${g.reason}`)).toEqual([
      'C:timed-out',
      'A:dropped',
      'A:sealed',
      'B:waiting',
    ]);
  });

  it('is complete with no sharing hospitals at all only vacuously; callers show the ledger', () => {
    expect(computePanelCoverage([], ['allergy'])).toEqual({ total: 0, included: [], gaps: [], complete: true });
  });
});

describe('hospitalAnswers', () => {
  const stub = (kind: SealedFactStub['kind']): SealedFactStub => ({
    id: `x-${kind}`,
    hospitalCode: 'A',
    kind,
    date: null,
    labels: ['PSY'],
  });
  it('reads waiting, failed requests and views in the order of the sharing hospitals', () => {
    const got = hospitalAnswers(['B', 'A', 'C'], (h) =>
      h === 'A'
        ? {
            hcode: 'A',
            status: 'answered',
            facts: [stub('condition'), stub('condition'), stub('lab')],
            droppedWrongPatient: 1,
            droppedUnverifiable: 2,
          }
        : h === 'B'
          ? 'waiting'
          : 'failed',
    );
    expect(got).toEqual([
      { hospitalCode: 'B', state: 'waiting', dropped: 0, sealed: {} },
      { hospitalCode: 'A', state: 'answered', dropped: 3, sealed: { condition: 2, lab: 1 } },
      { hospitalCode: 'C', state: 'error', dropped: 0, sealed: {} },
    ]);
  });
});

describe('describeCoverageGaps', () => {
  it('writes one line per hospital with every reason, in Thai and English', async () => {
    const { describeCoverageGaps, gapHospitalNames } = await import('./coverage-text');
    const c = computePanelCoverage(
      [answer('A', 'timeout'), answer('B', 'answered', { dropped: 2, sealed: { allergy: 1 } }), answer('C', 'answered')],
      ['allergy'],
    );
    const nameOf = (h: string) => `H-${h}`;
    expect(describeCoverageGaps(c, 'th', nameOf)).toEqual([
      'H-A (หมดเวลารอ)',
      'H-B (ตัดออก 2 รายการที่ไม่ใช่ของผู้ป่วยรายนี้หรือตรวจสอบไม่ได้; ข้อมูลปกปิด 1 รายการที่ยังไม่ได้เปิดดู)',
    ]);
    expect(describeCoverageGaps(c, 'en', nameOf)).toEqual([
      'H-A (timed out)',
      'H-B (2 record(s) dropped: another patient’s or unverifiable; 1 sealed record(s) not opened)',
    ]);
    expect(gapHospitalNames(c, nameOf)).toBe('H-A, H-B');
  });
});
