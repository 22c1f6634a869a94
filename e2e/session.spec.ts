import { expect, test } from '@playwright/test';
import { expectAccessible, signInDoctor } from './support';

test('a single-hospital doctor lands on patient search at their hospital', async ({ page }) => {
  await signInDoctor(page, 'ว. 12345', '246810');
  await page.waitForURL(/\/patients$/);
  await expect(page.getByTestId('signed-in-user')).toContainText('สมหญิง');
  await expect(page.getByTestId('signed-in-user')).toContainText('11535');
});

test('suspended and revoked licences are refused with their reason; an unknown licence reads like a wrong PIN', async ({ page }) => {
  await signInDoctor(page, '45678', '445566');
  await expect(page.locator('#signin-message')).toContainText('ใบอนุญาตถูกพักใช้');
  await signInDoctor(page, '56789', '778899');
  await expect(page.locator('#signin-message')).toContainText('ใบอนุญาตถูกเพิกถอน');
  await signInDoctor(page, '99999', '123456');
  await expect(page.locator('#signin-message')).toHaveText(/เลข ว\. หรือ PIN ไม่ถูกต้อง/);
  await expectAccessible(page);
});

test('a doctor no hospital has granted access is told whom to ask', async ({ page }) => {
  await signInDoctor(page, '98765', '505050');
  await page.waitForURL(/\/no-access$/);
  await expect(page.getByText(/ผู้ดูแลระบบ Health Link ของโรงพยาบาล/)).toBeVisible();
  await expectAccessible(page);
});

test('an unattended screen goes back to sign-in after the idle timeout', async ({ page }) => {
  await page.clock.install();
  await signInDoctor(page, 'ว.12345', '246810');
  await page.waitForURL(/\/patients$/);
  await page.clock.fastForward('29:00');
  await expect(page).toHaveURL(/\/patients$/);
  await page.clock.fastForward('01:30');
  await page.waitForURL(/\/login\?ended=expired$/);
  await expect(page.getByText('หมดเวลาการใช้งาน กรุณาเข้าสู่ระบบอีกครั้ง')).toBeVisible();
});

test('a multi-hospital doctor chooses where they work, and can switch later', async ({ page }) => {
  await signInDoctor(page, 'ว.34567', '112233');
  await page.waitForURL(/\/select-hospital$/);
  await expectAccessible(page);
  await page.getByRole('button', { name: /11536/ }).click();
  await page.waitForURL(/\/patients$/);
  await expect(page.getByTestId('signed-in-user')).toContainText('11536');
  await page.getByRole('link', { name: 'เปลี่ยนโรงพยาบาล' }).click();
  await page.getByRole('button', { name: /10661/ }).click();
  await expect(page.getByTestId('signed-in-user')).toContainText('10661');
});
