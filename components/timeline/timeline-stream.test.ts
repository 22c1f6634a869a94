import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HospitalView } from '@/lib/timeline/types';
import { viewLines } from '@/lib/timeline/stream-lines';
import { timelineStream } from './timeline-stream';

const view = (hcode: string) => ({ hcode, status: 'answered', facts: [] }) as unknown as HospitalView;

/** A response that sends `chunks` one by one (lines may be split across chunks, as on a real network). */
function streamed(chunks: string[]): Response {
  const encoder = new TextEncoder();
  return new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const c of chunks) controller.enqueue(encoder.encode(c));
        controller.close();
      },
    }),
    { headers: { 'content-type': 'application/x-ndjson' } },
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('reading hospitals through one streamed request', () => {
  it('asks once for the hospitals taken together and settles each from its own line', async () => {
    const a = JSON.stringify({ hcode: '11111', view: view('11111') });
    const fetchMock = vi.fn(() =>
      Promise.resolve(
        streamed([a.slice(0, 10), `${a.slice(10)}\n{"hcode":"22222","error":{"status":503,"message":{"th":"ก","en":"audit down"}}}\n`]),
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    const single = vi.fn((hcode: string) => Promise.resolve(view(`${hcode}-single`)));
    const stream = timelineStream('acc', single, (e) => new Error(`${e.status} ${e.message?.en ?? ''}`));

    const first = stream.take('11111');
    const second = stream.take('22222');
    const third = stream.take('33333'); // no line for it: the stream ends without this hospital
    await expect(first).resolves.toEqual(view('11111'));
    await expect(second).rejects.toThrow('503 audit down');
    await expect(third).resolves.toEqual(view('33333-single'));

    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]).toEqual(['/api/access/acc/timeline?h=11111,22222,33333', { cache: 'no-store' }]);
    expect(single.mock.calls).toEqual([['33333']]);
    // Once the request is on its way, a hospital asked again (a retry) goes on its own.
    expect(stream.take('11111')).toBeUndefined();
  });

  it('puts a large answer sent in several lines back together, and asks again when the stream breaks inside one', async () => {
    const big = { ...view('11111'), facts: Array.from({ length: 5 }, (_, i) => ({ id: `f${i}` })) } as unknown as HospitalView;
    const lines = viewLines('11111', big, 2).map((l) => `${JSON.stringify(l)}\n`);
    expect(lines).toHaveLength(3);
    const partOfOther = `${JSON.stringify({ hcode: '22222', facts: [{ id: 'g0' }] })}\n`;
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(streamed([lines[0]!, partOfOther, lines[1]!, lines[2]!]))),
    );
    const single = vi.fn((hcode: string) => Promise.resolve(view(`${hcode}-single`)));
    const stream = timelineStream('acc', single, () => new Error('x'));
    const [a, b] = await Promise.all([stream.take('11111'), stream.take('22222')]);
    expect(a).toEqual(big);
    // 22222 sent only a part before the stream ended: its part is dropped and it is asked on its own.
    expect(b).toEqual(view('22222-single'));
    expect(single.mock.calls).toEqual([['22222']]);
  });

  it('falls back to one request per hospital when the stream is refused or breaks', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response('{"error":"internal"}', { status: 500 }))),
    );
    const single = vi.fn((hcode: string) => Promise.resolve(view(hcode)));
    const stream = timelineStream('acc', single, () => new Error('x'));
    const answers = await Promise.all([stream.take('11111'), stream.take('22222')]);
    expect(answers).toEqual([view('11111'), view('22222')]);
    expect(single.mock.calls).toEqual([['11111'], ['22222']]);

    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(streamed(['{"hcode":"11111","view":', 'not json\n']))),
    );
    const broken = timelineStream('acc', single, () => new Error('x'));
    await expect(broken.take('11111')).resolves.toEqual(view('11111'));
  });

  it('does not ask each hospital again when the session or consent has ended', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(Response.json({ message: { th: 'ก', en: 'consent ended' } }, { status: 403 }))),
    );
    const single = vi.fn((hcode: string) => Promise.resolve(view(hcode)));
    const stream = timelineStream('acc', single, (e) => new Error(`${e.status} ${e.message?.en ?? ''}`));
    const answers = await Promise.allSettled([stream.take('11111'), stream.take('22222')]);
    expect(answers.map((a) => (a.status === 'rejected' ? String(a.reason) : 'resolved'))).toEqual([
      'Error: 403 consent ended',
      'Error: 403 consent ended',
    ]);
    expect(single).not.toHaveBeenCalled();
  });
});
