import { expect, test } from '@playwright/test';
import { DEMO_PRIVACY_OFFICERS } from '../../lib/admin/demo-admins';
import { signInAdminAs, signInDoctor } from '../support';

// No reverse proxy is trusted in the test run (TRUSTED_PROXIES unset): what a client claims in
// X-Forwarded-For / X-Forwarded-Proto must change neither the address that is throttled and audited nor HSTS.

test('a made-up X-Forwarded-For is not the address the audit trail records', async ({ page, browser }) => {
  await page.setExtraHTTPHeaders({ 'X-Forwarded-For': '10.43.9.9', 'X-Real-IP': '10.43.9.9', 'X-HL-Client-IP': '10.43.9.9' });
  await signInDoctor(page, 'ว.12345', '246810');
  await page.waitForURL(/\/patients$/);

  const admin = await (await browser.newContext()).newPage();
  await signInAdminAs(admin, DEMO_PRIVACY_OFFICERS[0]!); // the audit log is the privacy officer's
  await admin.goto('/admin/audit?doctor=12345&action=sign-in');
  const firstRow = admin.locator('tbody tr').first();
  await expect(firstRow).toContainText('127.0.0.1');
  await expect(admin.locator('tbody')).not.toContainText('10.43.9.9');
});

test('X-Forwarded-Proto from an untrusted client does not switch on HSTS', async ({ request }) => {
  const res = await request.get('/login', { headers: { 'X-Forwarded-Proto': 'https' } });
  expect(res.status()).toBe(200);
  expect(res.headers()['strict-transport-security']).toBeUndefined();
});
