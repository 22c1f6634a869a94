import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, latestSms, sendConsentCode, signInAt } from './support';

// Dr Prasert (ว.23456) at Rajavithi: no other spec signs him in or sends OTPs with him, so the consent
// send limits and the sign-in throttle the other specs exercise never reach this one.
async function signInAtRajavithi(page: Page): Promise<void> {
  await signInAt(page, 'ว.23456', '135790', '10661');
}

/** FHIR codes a drawer value must never be (status, medication record type, criticality, verification, visit class). */
const RAW_CODES =
  /^(active|stopped|completed|on-hold|cancelled|intended|not-taken|unknown|statement|request|dispense|high|low|confirmed|unconfirmed|AMB|IMP|EMER)$/;

test('search focuses the citizen ID and the OTP step its first box; a stopped drug says why; the drawer shows words', async ({ page }) => {
  await signInAtRajavithi(page);
  const cid = page.getByLabel('เลขประจำตัวประชาชน 13 หลัก');
  await expect(cid).toBeFocused();

  await cid.fill('3100400123456');
  await page.getByRole('button', { name: 'ค้นหาผู้ป่วย' }).click();
  await page.getByRole('checkbox', { name: /ข้าพเจ้าได้อธิบายแก่ผู้ป่วยแล้ว/ }).check();
  await sendConsentCode(page);
  const firstBox = page.getByLabel('รหัสหลักที่ 1 จาก 6');
  await expect(firstBox).toBeFocused();
  const code = /\d{6}/.exec(await latestSms('0812345678'))?.[0];
  expect(code).toBeDefined();
  await page.keyboard.type(code!); // typed straight into the focused box, no click first
  await page.getByRole('button', { name: 'ยืนยันรหัส' }).click();
  await page.waitForURL(/\/patient\/[0-9a-f-]{36}$/);

  // Metformin: still taken at Klang, stopped at Rajavithi for a falling eGFR; the reason sits on Rajavithi's line.
  await expect(page.locator('[data-hospital="10661"]')).toHaveAttribute('data-status', 'answered', { timeout: 20_000 });
  const metformin = page.getByTestId('medication-row').filter({ hasText: 'เมทฟอร์มิน' });
  await expect(metformin.getByTestId('med-change-reason')).toContainText('เหตุผลที่หยุดหรือเปลี่ยน: eGFR below 45');
  await expect(metformin.locator('li').filter({ hasText: 'หยุดแล้ว' })).toContainText('eGFR below 45');

  // The drawer of a Rajavithi medication record: its record type and status as Thai words, no FHIR code.
  await page.getByLabel('ประเภท').selectOption('medication');
  await page.getByLabel('โรงพยาบาล', { exact: true }).selectOption('10661');
  await page.getByLabel('ค้นหา', { exact: true }).fill('เมทฟอร์มิน');
  await page.getByTestId('timeline-entry').filter({ hasText: 'eGFR below 45' }).first().getByRole('button').click();
  const detail = page.getByRole('dialog');
  await expect(detail).toContainText('ชนิดบันทึก');
  await expect(detail).toContainText('เหตุผลที่หยุดหรือเปลี่ยน');
  const values = await detail.locator('dd').allTextContents();
  expect(values.filter((v) => RAW_CODES.test(v.trim()))).toEqual([]);
  expect(values).toContain('หยุดแล้ว');
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
});

test('sign-out is one click from the header and lands on the login page, which says so', async ({ page }) => {
  await signInAtRajavithi(page);
  await page.getByRole('banner').getByRole('button', { name: 'ออกจากระบบ' }).click();
  await page.waitForURL(/\/login\?ended=signed-out$/);
  await expect(page.getByRole('status')).toHaveText('ออกจากระบบแล้ว');
  await expectAccessible(page);
  // The session ended on the server: a protected page sends the browser back to the login page.
  await page.goto('/patients');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('heading', { name: 'เข้าสู่ระบบสำหรับแพทย์' })).toBeVisible();
});
