import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { DEMO_DOCTORS, DEMO_PATIENTS } from '../lib/sandbox/demo-catalog';
import { SANDBOX_TOKENS, SANDBOX_URL } from './support';

// Runs last (files run in name order): by now every other spec has signed in, looked up, sent OTPs and read records.
test("the app's log of the whole run holds no citizen ID, phone, PIN or OTP", async () => {
  const log = readFileSync(`${process.env.E2E_DATA_DIR ?? 'data/e2e'}/app.log`, 'utf8');
  expect(log.length).toBeGreaterThan(0);
  const res = await fetch(`${SANDBOX_URL}/sms/messages`, { headers: { authorization: `Bearer ${SANDBOX_TOKENS.sms}` } });
  const { messages } = (await res.json()) as { messages: { text: string }[] };
  const otps = messages.flatMap((m) => /\b\d{6}\b/.exec(m.text) ?? []);
  expect(otps.length).toBeGreaterThan(0);
  const secrets = [
    ...DEMO_PATIENTS.map((p) => p.cid),
    ...DEMO_PATIENTS.flatMap((p) => (p.phone ? [p.phone] : [])),
    ...DEMO_DOCTORS.map((d) => d.pin),
    ...otps,
    'sandbox-exchange-token',
    'sandbox-sms-token',
    'demo-auth-secret-change-me-0123456789abcdef',
  ];
  const found = secrets.filter((s) => new RegExp(`(^|\\D)${s}(\\D|$)`).test(log));
  expect(found).toEqual([]);
});
