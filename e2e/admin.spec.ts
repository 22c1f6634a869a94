import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_ADMINS } from '../lib/admin/demo-admins';
import { expectAccessible, signInDoctor, nextTotpCode, DEMO_SERVICE_TOKEN } from './support';
import { totpAt, totpStep } from '../lib/auth/totp';

const [KLANG, RAJAVITHI] = DEMO_ADMINS;
const SERVICE_TOKEN = DEMO_SERVICE_TOKEN;
const INVALID = 'ชื่อผู้ใช้ รหัสผ่าน หรือรหัสยืนยันไม่ถูกต้อง';

// The server refuses a TOTP step at or before the last one used, and accepts the current step ±1: each
// sign-in takes the next unused step, waiting when it would run ahead of the clock.

async function fillAdminSignIn(page: Page, username: string, password: string, code: string): Promise<void> {
  await page.goto('/admin/login');
  await page.getByLabel('ชื่อผู้ใช้').fill(username);
  await page.getByLabel('รหัสผ่าน', { exact: true }).fill(password);
  await page.getByLabel('รหัส 6 หลักจากแอปยืนยันตัวตน').fill(code);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ', exact: true }).click();
}

async function signInAdmin(page: Page, admin: { username: string; password: string; totpSecret: string }): Promise<void> {
  await fillAdminSignIn(page, admin.username, admin.password, await nextTotpCode(admin.username, admin.totpSecret));
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { name: 'แพทย์ที่มีสิทธิ์ใช้งาน' })).toBeVisible();
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test('admin pages need an admin session; wrong password or code gets one message', async ({ page }) => {
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/login$/);
  await expect(page.getByRole('heading', { name: 'เข้าสู่ระบบผู้ดูแลโรงพยาบาล' })).toBeVisible();
  await expectAccessible(page);

  await fillAdminSignIn(page, KLANG.username, 'Wrong-Password-123', await nextTotpCode(KLANG.username, KLANG.totpSecret));
  await expect(page.getByText(INVALID)).toBeVisible();
  await fillAdminSignIn(page, KLANG.username, KLANG.password, totpAt(KLANG.totpSecret, totpStep(new Date()) + 10));
  await expect(page.getByText(INVALID)).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/login$/);
  await expectAccessible(page);
});

test('admin adds ว.19283, who can then sign in; revoking ends the doctor’s session', async ({ page, browser }) => {
  await signInAdmin(page, KLANG);
  await expect(page.locator('tr[data-licence="12345"]')).toBeVisible();
  await expect(page.locator('tr[data-licence="67890"]')).toHaveCount(0);
  await expectAccessible(page);

  // Before access is given, the doctor is turned away.
  const doctor = await newPage(browser);
  await signInDoctor(doctor, '19283', '606060');
  await expect(doctor).toHaveURL(/\/no-access/);

  await page.getByLabel('เลข ว. ของแพทย์').fill('ว.19283');
  await page.getByRole('button', { name: 'ตรวจสอบกับแพทยสภา' }).click();
  const preview = page.getByTestId('doctor-preview');
  await expect(preview).toContainText('พญ.ปวีณา ชัยมงคล');
  await expect(preview).toContainText('ใช้ได้');
  await page.getByLabel('บทบาท').selectOption('doctor');
  await page.getByRole('button', { name: 'ยืนยันเพิ่มแพทย์' }).click();
  await expect(page.getByText('เพิ่ม พญ.ปวีณา ชัยมงคล แล้ว')).toBeVisible();
  const row = page.locator('tr[data-licence="19283"]');
  await expect(row).toContainText('ใช้งานได้');
  await expectAccessible(page);

  await signInDoctor(doctor, '19283', '606060');
  await expect(doctor).toHaveURL(/\/(patients|select-hospital)/);

  await row.getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'พญ.ปวีณา ชัยมงคล' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'ประวัติการเข้าสู่ระบบที่โรงพยาบาลนี้' })).toBeVisible();
  await expect(page.locator('table').getByText('เข้าสู่ระบบ', { exact: true }).first()).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'เพิกถอนสิทธิ์' }).click();
  await page.getByRole('button', { name: 'ยืนยันเพิกถอน (ย้อนกลับไม่ได้)' }).click();
  await expect(page.getByText('สิทธิ์นี้ถูกเพิกถอนแล้ว การเพิกถอนเป็นการถาวร')).toBeVisible();

  await doctor.goto('/patients');
  await expect(doctor).toHaveURL(/\/login/);
  await doctor.context().close();
});

test('an admin cannot see or change another hospital’s grants', async ({ page, browser }) => {
  const other = await newPage(browser);
  await signInAdmin(other, RAJAVITHI);
  const foreignRow = other.locator('tr[data-licence="67890"]');
  await expect(foreignRow).toContainText('ใช้งานได้');
  const foreignHref = (await foreignRow.getByRole('link').getAttribute('href'))!;
  const foreignId = foreignHref.split('/').pop()!;

  await signInAdmin(page, KLANG);
  const response = await page.goto(foreignHref);
  expect(response?.status()).toBe(404);

  // Tamper with the grant id in the suspend form on one of this hospital's own doctors.
  await page.goto('/admin');
  await page.locator('tr[data-licence="45678"]').getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'นพ.อนันต์ บุญมา' })).toBeVisible();
  await page
    .locator('input[name="grantId"]')
    .evaluateAll((inputs, id) => inputs.forEach((i) => ((i as HTMLInputElement).value = id)), foreignId);
  await page.getByRole('button', { name: 'ระงับชั่วคราว' }).click();
  await expect(page.getByText('บันทึกแล้ว')).toHaveCount(0);

  await other.reload();
  await expect(other.locator('tr[data-licence="67890"]')).toContainText('ใช้งานได้');
  await page.goto('/admin');
  await expect(page.locator('tr[data-licence="45678"]')).toContainText('ใช้งานได้');
  await other.context().close();
});

test('a new admin sets up password and authenticator through the one-time link, then signs in', async ({ page, request }) => {
  const created = await request.post('/admin/testing/create-admin', {
    headers: { authorization: `Bearer ${SERVICE_TOKEN}` },
    data: { hospitalCode: '11535', username: 'e2e.admin', displayName: 'E2E Admin' },
  });
  expect(created.status()).toBe(200);
  const { setupPath } = (await created.json()) as { setupPath: string };
  expect((await request.post('/admin/testing/create-admin', { data: { hospitalCode: '11535', username: 'x.admin' } })).status()).toBe(404);

  await page.goto(setupPath);
  await expect(page.getByRole('heading', { name: 'ตั้งค่าบัญชีผู้ดูแลโรงพยาบาล' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'QR code สำหรับเพิ่มบัญชีในแอปยืนยันตัวตน' })).toBeVisible();
  await expectAccessible(page);
  const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  const password = 'Tall-Mango-Window-42';
  await page.getByLabel('รหัสผ่าน', { exact: true }).fill('short');
  await page.getByLabel('ยืนยันรหัสผ่าน').fill('short');
  await page.getByLabel('รหัส 6 หลักจากแอปยืนยันตัวตน').fill(totpAt(secret, totpStep(new Date())));
  await page.getByRole('button', { name: 'ยืนยันและเสร็จสิ้น' }).click();
  await expect(page.locator('#password-error')).toHaveText('รหัสผ่านต้องมีอย่างน้อย 12 ตัวอักษร');
  await expectAccessible(page);

  await page.getByLabel('รหัสผ่าน', { exact: true }).fill(password);
  await page.getByLabel('ยืนยันรหัสผ่าน').fill(password);
  await page.getByLabel('รหัส 6 หลักจากแอปยืนยันตัวตน').fill(await nextTotpCode('e2e.admin', secret));
  await page.getByRole('button', { name: 'ยืนยันและเสร็จสิ้น' }).click();
  await expect(page).toHaveURL(/\/admin\/login\?setup=done/);
  await expect(page.getByText('ตั้งค่าบัญชีเรียบร้อยแล้ว กรุณาเข้าสู่ระบบ')).toBeVisible();

  await signInAdmin(page, { username: 'e2e.admin', password, totpSecret: secret });
  await page.goto(setupPath);
  await expect(page.getByText(/ลิงก์ตั้งค่านี้ไม่ถูกต้อง/)).toBeVisible();
});
