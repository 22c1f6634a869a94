import { describe, expect, it } from 'vitest';
import { ACTION_BODY_LIMIT, ACTION_MAX_NESTING, nestingDepth, screenActionBody, screenActionRequest } from './action-screen';

const action = (extra: Record<string, string>) => ({ 'next-action': '7f00', host: 'viewer.example', ...extra });

describe('screenActionRequest', () => {
  it.each([
    ['a same-site action', 'POST', action({ origin: 'https://viewer.example' }), null],
    ['an action without Origin (Next decides)', 'POST', action({}), null],
    ['an action from another site', 'POST', action({ origin: 'https://evil.example' }), { status: 403, reason: 'foreign-origin' }],
    ['an action from an opaque origin', 'POST', action({ origin: 'null' }), { status: 403, reason: 'foreign-origin' }],
    ['an unparsable Origin', 'POST', action({ origin: '::::' }), { status: 403, reason: 'foreign-origin' }],
    [
      'a body over the limit',
      'POST',
      action({ origin: 'https://viewer.example', 'content-length': String(ACTION_BODY_LIMIT + 1) }),
      { status: 413, reason: 'body-too-large' },
    ],
    ['a plain POST that is not an action', 'POST', { origin: 'https://evil.example', host: 'viewer.example' }, null],
    ['a GET', 'GET', action({ origin: 'https://evil.example' }), null],
  ])('%s', (_what, method, headers, expected) => {
    expect(screenActionRequest(method, headers)).toEqual(expected);
  });

  it('compares with the forwarded host when a proxy set one', () => {
    expect(screenActionRequest('POST', action({ origin: 'https://public.example', 'x-forwarded-host': 'public.example' }))).toBeNull();
  });
});

const bytes = (s: string) => new TextEncoder().encode(s);

describe('nestingDepth', () => {
  it.each([
    ['[]', 1],
    ['[{"a":[1,{"b":2}]}]', 4],
    ['["[[[[", {"x":"]]"}]', 2], // brackets inside strings do not count
    ['["a\\"[[["]', 1], // an escaped backslash closes nothing early
    ['"unclosed\n[[[', 3], // a newline ends a string
    ['', 0],
  ])('%s → %i', (body, depth) => {
    expect(nestingDepth(bytes(body))).toBe(depth);
  });

  it('stops counting once past the limit', () => {
    expect(nestingDepth(bytes('['.repeat(5000)), 10)).toBe(11);
  });
});

describe('screenActionBody', () => {
  const text = 'text/plain;charset=UTF-8';
  it.each([
    ["React's JSON reply", text, '[{"accessId":"00000000-0000-4000-8000-000000000000"},"$K1"]', null],
    ['nesting at the limit', text, `${'['.repeat(ACTION_MAX_NESTING)}${']'.repeat(ACTION_MAX_NESTING)}`, null],
    ['5,000-level nested arrays', text, `${'['.repeat(5000)}${']'.repeat(5000)}`, { status: 400, reason: 'too-deeply-nested' }],
    ['a text body that is not JSON', text, '[{"a":', { status: 400, reason: 'undecodable-body' }],
    [
      'nested arrays inside a multipart part',
      'multipart/form-data; boundary=x',
      `--x\r\nContent-Disposition: form-data; name="1"\r\n\r\n${'['.repeat(100)}\r\n--x--`,
      { status: 400, reason: 'too-deeply-nested' },
    ],
    ['a multipart form with a stray quote', 'multipart/form-data; boundary=x', '--x\r\n\r\nsaid "hi\r\n--x\r\n\r\n[["ok"]]\r\n--x--', null],
  ])('%s', (_what, type, body, expected) => {
    expect(screenActionBody(type, bytes(body))).toEqual(expected);
  });

  it('refuses bytes that are not UTF-8 in a text body', () => {
    expect(screenActionBody(text, new Uint8Array([0x5b, 0xff, 0x5d]))).toEqual({ status: 400, reason: 'undecodable-body' });
  });
});
