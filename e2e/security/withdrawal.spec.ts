import { expect, test } from '@playwright/test';
import { consentTo, DEMO_SERVICE_TOKEN, signInDoctor } from '../support';

test('a patient withdraws consent through the patient app; the doctor is refused at once and told why', async ({ page, request }) => {
  await signInDoctor(page, 'ว.13579', '303030');
  await page.waitForURL(/\/patients$/);
  await consentTo(page, '3100400890121', '0889012345'); // Ekkachai
  const accessId = /\/patient\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
  const read = () => page.request.get(`/api/access/${accessId}/hospitals/11535`);
  expect((await read()).status()).toBe(200);
  // The doctor moves on to another patient; what follows is asked by request, as a client would.
  await page.goto('/patients');

  const auth = { Authorization: `Bearer ${DEMO_SERVICE_TOKEN}` };
  expect((await request.post('/api/patients/3100400890121/withdraw', { data: { accessId } })).status()).toBe(401);
  expect((await request.post('/api/patients/3100400890121/withdraw', { headers: auth, data: { accessId: 'not-a-uuid' } })).status()).toBe(
    400,
  );
  const withdrawn = await request.post('/api/patients/3100400890121/withdraw', { headers: auth, data: { accessId } });
  expect(withdrawn.status()).toBe(200);
  expect(await withdrawn.json()).toMatchObject({ consentsEnded: 1, emergencyAccessesEnded: 0 });

  const refused = await read();
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { message: { th: string } }).message.th).toContain('ผู้ป่วยถอนความยินยอมแล้ว');
  expect((await page.request.get(`/patient/${accessId}`, { maxRedirects: 0 })).status()).toBe(404);

  // The patient sees the withdrawal in their own access log.
  const log = (await (await request.get('/api/patients/3100400890121/access-log', { headers: auth })).json()) as {
    entries: { action: string }[];
  };
  expect(log.entries.map((e) => e.action)).toContain('access-withdrawn');
});
