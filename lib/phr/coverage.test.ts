import { describe, expect, it } from 'vitest';
import { computePanelCoverage, PANEL_KINDS } from '../clinical/coverage';
import type { HospitalView } from '../timeline/types';
import type { PhrClientAnswer } from './answer';
import { phrCoverageAnswers } from './coverage';

const view = (hcode: string, extra: Partial<HospitalView> = {}): HospitalView => ({
  hcode,
  status: 'answered',
  facts: [],
  records: 0,
  counts: {},
  newestDate: null,
  droppedWrongPatient: 0,
  droppedUnverifiable: 0,
  fetchedAt: '2026-12-06T03:00:00Z',
  elapsedMs: 120,
  ...extra,
});
const granted = (
  status: 'answered' | 'timeout' | 'sharing-off' | 'not-found' | 'code-refused',
  views: HospitalView[],
): PhrClientAnswer => ({
  state: 'granted',
  expiresAt: '2026-12-06T04:00:00Z',
  status,
  views,
  facilities: views.map((v) => ({ code: v.hcode, hcode: v.hcode.slice(4) || null, name: v.hcode })),
});

describe('phrCoverageAnswers', () => {
  it.each([
    ['no answer yet', undefined],
    ['Mor Prom not configured', { state: 'unavailable' } as const],
    ['no code asked for', { state: 'none' } as const],
    ['a code asked for, not yet given', { state: 'requested', expiresAt: '2026-12-06T04:00:00Z' } as const],
  ])('adds nothing before the patient gives a code (%s)', (_what, answer) => {
    expect(phrCoverageAnswers(answer)).toEqual([]);
  });

  it('counts each facility Mor Prom answered for, with its dropped records', () => {
    const answers = phrCoverageAnswers(granted('answered', [view('phr:99801'), view('phr:10661', { droppedWrongPatient: 2 })]));
    expect(answers.map((a) => [a.hospitalCode, a.state, a.dropped])).toEqual([
      ['phr:99801', 'answered', 0],
      ['phr:10661', 'answered', 2],
    ]);
    expect(computePanelCoverage(answers, PANEL_KINDS.allergies).gaps).toEqual([{ hospitalCode: 'phr:10661', reason: 'dropped', count: 2 }]);
  });

  it.each([
    ['timeout', 'timed-out'],
    ['code-refused', 'failed'],
    ['sharing-off', 'not-shared'],
  ] as const)('names Mor Prom as missing from every summary when its read ends %s', (status, reason) => {
    const answers = phrCoverageAnswers(granted(status, []));
    expect(computePanelCoverage(answers, PANEL_KINDS.medications).gaps).toEqual([{ hospitalCode: 'phr', reason }]);
  });

  it('adds nothing when Mor Prom found no record of the patient', () => {
    expect(phrCoverageAnswers(granted('not-found', []))).toEqual([]);
  });
});
