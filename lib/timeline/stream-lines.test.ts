import { describe, expect, it } from 'vitest';
import { FACTS_PER_LINE, lineAssembler, viewLines, type TimelineLine } from './stream-lines';
import type { HospitalView } from './types';

const view = (hcode: string, n: number): HospitalView =>
  ({
    hcode,
    status: 'answered',
    facts: Array.from({ length: n }, (_, i) => ({ id: `${hcode}/Observation/${i}` })),
    records: n,
    counts: {},
    newestDate: null,
    droppedWrongPatient: 0,
    droppedUnverifiable: 0,
    fetchedAt: '2026-11-22T00:00:00Z',
    elapsedMs: 5,
  }) as unknown as HospitalView;

describe('cutting a hospital answer into lines and putting it back together', () => {
  it('sends a small answer as one view line, unchanged', () => {
    const v = view('11111', FACTS_PER_LINE);
    expect(viewLines('11111', v)).toEqual([{ hcode: '11111', view: v }]);
  });

  it('cuts a large answer into fact lines then the view line, and reassembles it in order', () => {
    const v = view('11111', 2 * FACTS_PER_LINE + 7);
    const lines = viewLines('11111', v);
    expect(lines.map((l) => ('facts' in l ? `facts ${l.facts.length}` : 'view' in l ? `view ${l.view.facts.length}` : 'error'))).toEqual([
      `facts ${FACTS_PER_LINE}`,
      `facts ${FACTS_PER_LINE}`,
      'view 7',
    ]);
    const assembler = lineAssembler();
    const out = lines.map((l) => assembler.add(JSON.parse(JSON.stringify(l)) as TimelineLine));
    expect(out.slice(0, 2)).toEqual([undefined, undefined]);
    expect(out[2]).toEqual({ hcode: '11111', view: v });
  });

  it('keeps hospitals apart when their lines interleave', () => {
    const a = view('11111', 5);
    const b = view('22222', 4);
    const la = viewLines('11111', a, 2);
    const lb = viewLines('22222', b, 2);
    const assembler = lineAssembler();
    expect([la.length, lb.length]).toEqual([3, 2]);
    const done = [la[0]!, lb[0]!, la[1]!, lb[1]!, la[2]!].map((l) => assembler.add(l)).filter((x) => x !== undefined);
    expect(done).toEqual([
      { hcode: '22222', view: b },
      { hcode: '11111', view: a },
    ]);
  });

  it('drops the parts of a hospital that ends in an error, or whose stream broke', () => {
    const assembler = lineAssembler();
    const [part] = viewLines('11111', view('11111', 5), 2);
    assembler.add(part!);
    expect(assembler.add({ hcode: '11111', error: { status: 503 } })).toEqual({ hcode: '11111', error: { status: 503 } });
    // A later answer for the same hospital does not pick up the dropped part.
    const fresh = view('11111', 1);
    expect(assembler.add({ hcode: '11111', view: fresh })).toEqual({ hcode: '11111', view: fresh });

    assembler.add(part!);
    assembler.drop('11111');
    expect(assembler.add({ hcode: '11111', view: fresh })).toEqual({ hcode: '11111', view: fresh });
  });
});
