import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_SERVICE_TOKEN, expectAccessible, signInDoctor } from './support';

/*
 * The terms of use come after sign-in and before anything else, once per version. A new version is
 * published without a code edit through the test-only route (APP_ENV=test, service token), which is how
 * a deployment's new TERMS_VERSION looks to a doctor who accepted the old one.
 */
const DOCTOR = { licence: 'ว.12345', pin: '246810' };

async function publishTermsVersion(request: APIRequestContext, version: string | null): Promise<void> {
  const res = await request.post('/testing/terms-version', {
    headers: { Authorization: `Bearer ${DEMO_SERVICE_TOKEN}` },
    data: { version },
  });
  expect(res.status()).toBe(200);
}

/** Signs in through the form without accepting anything (support's signInDoctor accepts the terms). */
async function signInOnly(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/เลขที่ใบอนุญาต/).fill(DOCTOR.licence);
  await page.getByLabel(/PIN/).fill(DOCTOR.pin);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ', exact: true }).click();
}

test.afterAll(async ({ request }) => {
  await publishTermsVersion(request, null);
});

test('the terms of use are shown once per version: accepted, not shown again; a new version asks again', async ({ page, request }) => {
  await publishTermsVersion(request, 'e2e-1');
  await signInOnly(page);
  await page.waitForURL(/\/terms$/);
  await expect(page.getByRole('heading', { name: 'ข้อตกลงการใช้งานระบบดูข้อมูลสุขภาพ Health Link' })).toBeVisible();
  await expect(page.getByText('ฉบับวันที่ e2e-1')).toBeVisible();
  await expectAccessible(page);

  // Nothing else opens first: pages lead back to the terms, routes refuse.
  for (const path of ['/patients', '/emergency', '/select-hospital']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/terms$/);
  }
  const refused = await page.request.post('/emergency/lookup', { data: { cid: '3100400123456' } });
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toContain('accept the terms of use');

  // Keyboard only: tick, then accept.
  await page.getByRole('checkbox', { name: 'ข้าพเจ้าได้อ่านและยอมรับข้อตกลงการใช้งานฉบับนี้' }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'ยอมรับและเริ่มใช้งาน' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/patients$/);

  // Accepted once: a later sign-in goes straight to work.
  await page.context().clearCookies();
  await signInOnly(page);
  await page.waitForURL(/\/patients$/);
  await page.goto('/terms');
  await expect(page.getByText('ฉบับวันที่ e2e-1')).toBeVisible(); // the page itself may be read again

  // A new version: the next page asks again, mid-session.
  await publishTermsVersion(request, 'e2e-2');
  await page.goto('/patients');
  await page.waitForURL(/\/terms$/);
  await expect(page.getByText('ฉบับวันที่ e2e-2')).toBeVisible();

  // A version that changed while the page was open accepts nothing and says why.
  await publishTermsVersion(request, 'e2e-3');
  await page.getByRole('checkbox', { name: 'ข้าพเจ้าได้อ่านและยอมรับข้อตกลงการใช้งานฉบับนี้' }).check();
  await page.getByRole('button', { name: 'ยอมรับและเริ่มใช้งาน' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'ข้อตกลงมีฉบับใหม่ในระหว่างที่ท่านอ่าน' })).toBeVisible();
  await expect(page.getByText('ฉบับวันที่ e2e-3')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('checkbox', { name: 'ข้าพเจ้าได้อ่านและยอมรับข้อตกลงการใช้งานฉบับนี้' }).check();
  await page.getByRole('button', { name: 'ยอมรับและเริ่มใช้งาน' }).click();
  await page.waitForURL(/\/patients$/);
});

test('support signs a doctor in through the terms whenever they are shown', async ({ page, request }) => {
  await publishTermsVersion(request, 'e2e-4');
  await signInDoctor(page, DOCTOR.licence, DOCTOR.pin);
  await page.waitForURL(/\/patients$/);
});
