import { describe, expect, it } from 'vitest';
import { jsonLines } from './json-lines';

function body(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(c);
      controller.close();
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const line of jsonLines(stream)) out.push(line);
  return out;
}

describe('jsonLines', () => {
  it('yields whole lines even when a line, or a Thai character, is split between chunks', async () => {
    const bytes = new TextEncoder().encode('{"name":"สมศรี"}\n{"n":2}\n');
    const cut = 11; // inside the three bytes of the first Thai character
    expect(await collect(body([bytes.slice(0, cut), bytes.slice(cut)]))).toEqual([{ name: 'สมศรี' }, { n: 2 }]);
  });

  it('joins a line sent one byte at a time, and splits several lines sent in one chunk', async () => {
    const bytes = new TextEncoder().encode('{"a":[1,2,3],"t":"ไทย"}\n');
    const oneByOne = Array.from(bytes, (b) => Uint8Array.of(b));
    expect(await collect(body(oneByOne))).toEqual([{ a: [1, 2, 3], t: 'ไทย' }]);
    expect(await collect(body([new TextEncoder().encode('{"n":1}\n{"n":2}\n{"n":3}\n{"n":')]))).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it('throws on a line that is not JSON', async () => {
    await expect(collect(body([new TextEncoder().encode('{"n":1}\nnot json\n')]))).rejects.toThrow(SyntaxError);
  });
});
