import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { readBoundedJson } from './bounded-body';

const post = (body: BodyInit, headers: Record<string, string> = {}) => new Request('http://localhost/x', { method: 'POST', body, headers });
const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? e.code : 'other'),
  );

describe('readBoundedJson', () => {
  it('reads JSON within the limit', async () => {
    expect(await readBoundedJson(post('{"a":[1,2]}'), 64)).toEqual({ a: [1, 2] });
  });

  it('refuses a body over the limit, declared or streamed, with 413', async () => {
    expect(await codeOf(readBoundedJson(post('x'.repeat(10), { 'content-length': '100000' }), 64))).toBe('too-large');
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 10; i++) c.enqueue(new TextEncoder().encode('['.repeat(10)));
        c.close();
      },
    });
    expect(
      await codeOf(readBoundedJson(new Request('http://localhost/x', { method: 'POST', body: stream, duplex: 'half' } as RequestInit), 64)),
    ).toBe('too-large');
  });

  it('refuses what is not JSON or not UTF-8 with 400', async () => {
    expect(await codeOf(readBoundedJson(post('{oops'), 64))).toBe('bad-request');
    expect(await codeOf(readBoundedJson(post(new Uint8Array([0xff, 0xfe, 0x7b])), 64))).toBe('bad-request');
  });
});
