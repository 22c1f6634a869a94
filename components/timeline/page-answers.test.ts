import { describe, expect, it, vi } from 'vitest';
import type { HospitalView } from '@/lib/timeline/types';
import { viewLines } from '@/lib/timeline/stream-lines';
import { wireEncoder } from '@/lib/timeline/wire';
import { pageAnswers } from './page-answers';

const view = (hcode: string) => ({ hcode, status: 'answered', facts: [] }) as unknown as HospitalView;
/** The lines of one answer as the server sends them: in the compact wire form, one encoder per answer. */
function lines(hcode: string, v: HospitalView, perLine?: number): string[] {
  const wire = wireEncoder();
  return viewLines(hcode, v, perLine).map((l) => JSON.stringify(wire.encode(l)));
}
const errorLine = (hcode: string, status: number, en: string) =>
  JSON.stringify(wireEncoder().encode({ hcode, error: { status, message: { th: 'ก', en } } }));

describe("taking each hospital's answer from the page's response", () => {
  it('settles each hospital from its own answer, an error line as an error, and only the first time', async () => {
    const single = vi.fn((hcode: string) => Promise.resolve(view(`${hcode}-single`)));
    const answers = pageAnswers(
      {
        '11111': Promise.resolve(lines('11111', view('11111'))),
        '22222': Promise.resolve([errorLine('22222', 503, 'audit down')]),
      },
      single,
      (e) => new Error(`${e.status} ${e.message?.en ?? ''}`),
    );
    await expect(answers.take('11111')).resolves.toEqual(view('11111'));
    await expect(answers.take('22222')).rejects.toThrow('503 audit down');
    // A retry, or a hospital the page did not ask, goes to the one-hospital route.
    expect(answers.take('11111')).toBeUndefined();
    expect(answers.take('33333')).toBeUndefined();
    expect(single).not.toHaveBeenCalled();
  });

  it('puts a large answer sent in several lines back together', async () => {
    const big = { ...view('11111'), facts: Array.from({ length: 5 }, (_, i) => ({ id: `f${i}` })) } as unknown as HospitalView;
    const parts = lines('11111', big, 2);
    expect(parts).toHaveLength(3);
    const answers = pageAnswers({ '11111': Promise.resolve(parts) }, vi.fn(), () => new Error('x'));
    await expect(answers.take('11111')).resolves.toEqual(big);
  });

  it("asks the hospital on its own when the page's response broke or its answer is incomplete or another hospital's", async () => {
    const single = vi.fn((hcode: string) => Promise.resolve(view(`${hcode}-single`)));
    const big = { ...view('11111'), facts: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] } as unknown as HospitalView;
    const answers = pageAnswers(
      {
        '11111': Promise.resolve(lines('11111', big, 1).slice(0, 2)),
        '22222': Promise.reject(new Error('Connection closed.')),
        '33333': Promise.resolve(lines('44444', view('44444'))),
      },
      single,
      () => new Error('x'),
    );
    await expect(answers.take('11111')).resolves.toEqual(view('11111-single'));
    await expect(answers.take('22222')).resolves.toEqual(view('22222-single'));
    await expect(answers.take('33333')).resolves.toEqual(view('33333-single'));
    expect(single.mock.calls).toEqual([['11111'], ['22222'], ['33333']]);
  });
});
