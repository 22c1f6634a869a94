import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { TEST_TOKENS } from '../testing/global-setup';
import { sandboxControl } from '../testing/sandbox-control';
import { createSmsGateway } from './sms-gateway';

const sandboxUrl = inject('sandboxUrl');

const control = (path: string, body?: unknown): Promise<void> => sandboxControl(sandboxUrl, path, body);

async function inbox(to: string): Promise<{ id: string; to: string; text: string; sentAt: string }[]> {
  const res = await fetch(`${sandboxUrl}/sms/messages?to=${to}`, { headers: { Authorization: `Bearer ${TEST_TOKENS.sms}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { messages: { id: string; to: string; text: string; sentAt: string }[] }).messages;
}

afterEach(async () => {
  await control('reset');
});

const gateway = (token: string = TEST_TOKENS.sms, timeoutMs = 5000) => createSmsGateway({ baseUrl: sandboxUrl, token, timeoutMs });

describe('SMS gateway', () => {
  it('sends a message that then appears newest-first in the outbox', async () => {
    const text = `รหัสยืนยัน test ${randomUUID()}`;
    const r = await gateway().send('081-234-5678', text);
    if (!r.ok) throw new Error(`send failed: ${r.reason}`);
    const messages = await inbox('0812345678');
    expect(messages[0]).toMatchObject({ id: r.id, to: '0812345678', text });
  });

  it('rejects a number that is not a Thai mobile without calling the gateway', async () => {
    expect(await gateway().send('021234567', 'x')).toEqual({ ok: false, reason: 'rejected' });
    expect(await gateway().send('0812345678', '')).toEqual({ ok: false, reason: 'rejected' });
  });

  it('is unavailable when the gateway fails or hangs, and with a wrong token', async () => {
    await control('faults', { sms: { errorRate: 1 } });
    expect(await gateway().send('0812345678', 'x')).toEqual({ ok: false, reason: 'unavailable' });
    await control('faults', { sms: { errorRate: 0, timeoutRate: 1 } });
    expect(await gateway(TEST_TOKENS.sms, 300).send('0812345678', 'x')).toEqual({ ok: false, reason: 'unavailable' });
    await control('reset');
    expect(await gateway('wrong-token').send('0812345678', 'x')).toEqual({ ok: false, reason: 'unavailable' });
    expect(await inbox('0812345678')).toEqual([]);
  });
});
