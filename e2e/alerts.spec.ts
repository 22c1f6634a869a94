import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_ADMINS, DEMO_PRIVACY_OFFICERS } from '../lib/admin/demo-admins';
import { MANY_PATIENTS_ALERT } from '../lib/alerts/rules';
import { consentTo, expectAccessible, signInAdminAs, signInDoctor } from './support';

// The demo patients who can be asked for consent (a phone, sharing hospitals, a settled number), without
// the stress patient (whose record is too heavy to open five times over for nothing).
const PATIENTS: [string, string][] = [
  ['3100400123456', '0812345678'],
  ['3100400234568', '0823456789'],
  ['3100400345670', '0834567890'],
  ['3100400789012', '0878901234'],
  ['3100400890121', '0889012345'],
];
const KLANG_ADMIN = DEMO_ADMINS[0];
const KLANG_PRIVACY = DEMO_PRIVACY_OFFICERS[0]!;

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test.describe.configure({ mode: 'serial' });

// Whatever happened above, the hospital admin reinstates ว.12345 (staff work), so the demo doctor every other
// spec signs in as is usable again.
test.afterAll(async ({ browser }) => {
  const admin = await newPage(browser);
  await signInAdminAs(admin, KLANG_ADMIN);
  const row = admin.locator('tr[data-licence="12345"]');
  if (!(await row.textContent())?.includes('ใช้งานได้')) {
    await row.getByRole('link').click();
    await admin.getByRole('button', { name: 'คืนสิทธิ์' }).click();
    await expect(admin.getByText('บันทึกแล้ว')).toBeVisible();
    await admin.goto('/admin');
  }
  await expect(admin.locator('tr[data-licence="12345"]')).toContainText('ใช้งานได้');
  await admin.context().close();
});

test('a doctor opening many patients raises an alert the privacy officer sees with its evidence and suspends from', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  expect(PATIENTS.length).toBeGreaterThanOrEqual(MANY_PATIENTS_ALERT.patients);
  await signInDoctor(page, 'ว.12345', '246810');
  await page.waitForURL(/\/patients$/);
  for (const [cid, phone] of PATIENTS.slice(0, MANY_PATIENTS_ALERT.patients)) {
    await page.goto('/patients');
    await consentTo(page, cid, phone);
  }

  const officer = await newPage(browser);
  await signInAdminAs(officer, KLANG_PRIVACY);
  await expect(officer).toHaveURL(/\/admin\/alerts$/);
  await expect(officer.getByRole('heading', { name: 'การแจ้งเตือนการเข้าถึงผิดปกติ', level: 1 })).toBeVisible();
  const alert = officer.locator('li[data-alert-id]').filter({ hasText: 'ว.12345' }).filter({ hasText: 'เปิดเวชระเบียนผู้ป่วย' });
  await expect(alert).toHaveCount(1);
  // The evidence is audit row numbers, at least one per patient opened; no citizen ID is shown.
  const seqs = ((await alert.getByTestId('alert-evidence').textContent()) ?? '').split(',').map((s) => Number(s.trim()));
  expect(seqs.length).toBeGreaterThanOrEqual(MANY_PATIENTS_ALERT.patients);
  expect(seqs.every((n) => Number.isInteger(n) && n > 0)).toBe(true);
  for (const [cid] of PATIENTS) await expect(alert).not.toContainText(cid);
  await expectAccessible(officer);

  // The evidence leads into the audit log: the first row is this doctor's record open.
  await officer.goto(`/admin/audit?doctor=12345&action=record-open`);
  await expect(officer.locator('tbody tr').first()).toContainText('เปิดเวชระเบียนผู้ป่วย');

  // Suspending needs a reason; with one, the doctor's access ends at once.
  await officer.goto('/admin/alerts');
  await alert.getByRole('button', { name: 'ระงับสิทธิ์แพทย์' }).click();
  await expect(alert.getByText('กรุณาระบุเหตุผลในบันทึก')).toBeVisible();
  await alert.getByLabel('บันทึกของผู้ตรวจสอบ').fill('ไม่มีเหตุผลทางการรักษา / no clinical reason given');
  await alert.getByRole('button', { name: 'ระงับสิทธิ์แพทย์' }).click();
  await expect(officer.getByText('บันทึกผลการตรวจสอบแล้ว')).toBeVisible();
  await page.goto('/patients');
  await expect(page).toHaveURL(/\/login/);
  await officer.goto('/admin/alerts?show=all');
  await expect(officer.locator('li[data-alert-id]').filter({ hasText: 'ว.12345' }).first()).toContainText('ระงับสิทธิ์แพทย์แล้ว');
  await expectAccessible(officer);

  // The privacy officer does not manage staff: the staff page sends them back to their own console.
  await officer.goto('/admin');
  await expect(officer).toHaveURL(/\/admin\/alerts$/);

  await officer.context().close();
});

test('the hospital admin manages staff only: no access report, alerts, reviews or audit log', async ({ page }) => {
  await signInAdminAs(page, KLANG_ADMIN);
  await expect(page.getByRole('navigation', { name: 'เมนูผู้ดูแลโรงพยาบาล' })).not.toContainText('การแจ้งเตือนการเข้าถึง');
  for (const path of ['/admin/patient-access?cid=3100400123456', '/admin/alerts', '/admin/reviews', '/admin/audit']) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/admin$/);
  }
  const csv = await page.request.get('/admin/audit/export');
  expect(csv.status()).toBe(403);
  await expectAccessible(page);
});
