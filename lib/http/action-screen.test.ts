import { describe, expect, it } from 'vitest';
import { ACTION_BODY_LIMIT, screenActionRequest } from './action-screen';

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
