import { describe, expect, it } from 'vitest';
import { createSmsGateway } from './sms-gateway';

function gatewayAnswering(status: number, body: unknown, calls: { body: unknown }[] = []) {
  const fetchImpl: typeof fetch = (_input, init) => {
    calls.push({ body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined });
    return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  };
  return createSmsGateway({ baseUrl: 'http://sms.test', token: 't', fetchImpl });
}

describe('SMS gateway decisions', () => {
  it('sends the normalised number and returns the id', async () => {
    const calls: { body: unknown }[] = [];
    expect(await gatewayAnswering(202, { id: 'sms-1' }, calls).send('+66 81 234 5678', 'hello')).toEqual({ ok: true, id: 'sms-1' });
    expect(calls[0]?.body).toEqual({ to: '0812345678', text: 'hello' });
  });

  it.each([
    [400, 'rejected'],
    [422, 'rejected'],
    [401, 'unavailable'],
    [403, 'unavailable'],
    [429, 'unavailable'],
    [500, 'unavailable'],
    [503, 'unavailable'],
  ] as const)('HTTP %d → %s', async (status, reason) => {
    expect(await gatewayAnswering(status, { error: 'x' }).send('0812345678', 'hello')).toEqual({ ok: false, reason });
  });

  it('an accepted answer without an id is unavailable (we cannot prove it was queued)', async () => {
    expect(await gatewayAnswering(202, { status: 'queued' }).send('0812345678', 'hello')).toEqual({ ok: false, reason: 'unavailable' });
  });

  it('refuses over-long text without sending', async () => {
    const calls: { body: unknown }[] = [];
    expect(await gatewayAnswering(202, { id: 'x' }, calls).send('0812345678', 'x'.repeat(601))).toEqual({ ok: false, reason: 'rejected' });
    expect(calls).toHaveLength(0);
  });
});
