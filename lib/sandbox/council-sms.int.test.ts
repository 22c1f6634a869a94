import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DOCTORS } from './demo-catalog';
import { TOKENS, startTestSandbox, type TestSandbox } from './test-helpers';

let sb: TestSandbox;

beforeAll(async () => {
  sb = await startTestSandbox();
});
afterAll(async () => {
  await sb.dispose();
});

async function verify(
  licenseNumber: string,
  pin: string,
): Promise<{ valid: boolean; practitioner?: { licenseNumber: string; status: string; statusReason?: string } }> {
  const res = await sb.post('/council/verify', { licenseNumber, pin }, TOKENS.council);
  expect(res.status).toBe(200);
  return (await res.json()) as { valid: boolean; practitioner?: { licenseNumber: string; status: string; statusReason?: string } };
}

describe('council registry', () => {
  it('requires the council token', async () => {
    expect((await sb.post('/council/verify', { licenseNumber: '12345', pin: '246810' }, TOKENS.exchange)).status).toBe(401);
  });

  it('verifies every demo doctor with the right PIN, including suspended and revoked', async () => {
    for (const d of DEMO_DOCTORS) {
      const r = await verify(d.licenseNumber, d.pin);
      expect(r.valid).toBe(true);
      expect(r.practitioner?.status).toBe(d.status);
    }
    expect((await verify('45678', '445566')).practitioner?.statusReason).toContain('suspended');
    expect((await verify('56789', '778899')).practitioner?.status).toBe('revoked');
  });

  it('gives the same answer for a wrong PIN and an unknown licence', async () => {
    expect(await verify('12345', '000000')).toEqual({ valid: false });
    expect(await verify('11111', '246810')).toEqual({ valid: false });
    expect(await verify('not a licence', '246810')).toEqual({ valid: false });
  });

  it('accepts the ว. formats', async () => {
    for (const form of ['ว.12345', 'ว12345', 'ว. 12345', '12345']) expect((await verify(form, '246810')).valid).toBe(true);
    const res = await sb.get(`/council/practitioners/${encodeURIComponent('ว.23456')}`, TOKENS.council);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { nameEn: string }).nameEn).toBe('Dr Prasert Wongsawat');
    expect((await sb.get('/council/practitioners/99999', TOKENS.council)).status).toBe(404);
  });
});

describe('sms gateway', () => {
  it('sends, validates and lists newest first', async () => {
    const a = await sb.post('/sms/messages', { to: '0812345678', text: 'first' }, TOKENS.sms);
    expect(a.status).toBe(202);
    await sb.post('/sms/messages', { to: '081-234-5678', text: 'second <b>' }, TOKENS.sms);
    await sb.post('/sms/messages', { to: '0899999999', text: 'other' }, TOKENS.sms);
    expect((await sb.post('/sms/messages', { to: '021234567', text: 'landline' }, TOKENS.sms)).status).toBe(400);
    expect((await sb.post('/sms/messages', { to: '0812345678', text: 'x'.repeat(1001) }, TOKENS.sms)).status).toBe(400);
    expect((await sb.post('/sms/messages', { to: '0812345678', text: 'x' }, TOKENS.exchange)).status).toBe(401);
    const mine = (await (await sb.get('/sms/messages?to=0812345678', TOKENS.sms)).json()) as { messages: Array<{ text: string }> };
    expect(mine.messages.map((m) => m.text)).toEqual(['second <b>', 'first']);
    const all = (await (await sb.get('/sms/messages', TOKENS.sms)).json()) as { messages: Array<{ text: string }> };
    expect(all.messages[0]?.text).toBe('other');
    const page = await (await fetch(`${sb.url}/sms`)).text();
    expect(page).toContain('second &lt;b&gt;');
    expect(page).not.toContain('<script');
  });
});
