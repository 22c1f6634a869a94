import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, latestSms, sendConsentCode, signInDoctor } from './support';

/*
 * Search by name, as Health Link offers: Somsri is found by her Thai name and birth year (พ.ศ.), among the
 * sandbox's namesakes (docs/sandbox.md); a search that matches too many is refused with what to add.
 */
const SOMSRI = { phone: '0812345678', masked: '•-••••-••••3-45-6', cid: '3100400123456' };

/** The list of people found (a region named by its heading). */
const candidates = (page: Page) => page.getByRole('region', { name: /^พบ \d+ คน/ });

async function chooseNameSearch(page: Page): Promise<void> {
  // Keyboard: the radio group is one tab stop; the arrows move between its choices.
  await page.getByRole('radio', { name: 'เลขประจำตัวประชาชน' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'ชื่อ-นามสกุล' })).toBeChecked();
}

test('finds Somsri by Thai name and birth year, refuses an over-broad search, and continues to the OTP consent', async ({ page }) => {
  await signInDoctor(page, 'ว.24680', '404040');
  await page.waitForURL(/\/patients$/);
  await chooseNameSearch(page);

  // Bad input: a specific message, and what was typed stays.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('ชื่อ', { exact: true })).toBeFocused();
  await page.keyboard.type('สมศรี1');
  await page.keyboard.press('Tab');
  await page.keyboard.type('มีสุข');
  await page.keyboard.press('Tab');
  await page.keyboard.type('12/13/2507');
  await page.keyboard.press('Enter');
  await expect(page.getByText('ชื่อและนามสกุลใช้ได้เฉพาะตัวอักษรไทยหรืออังกฤษ')).toBeVisible();
  await expect(page.getByText('วันเกิดหรือปีเกิดไม่ถูกต้อง')).toBeVisible();
  await expect(page.getByLabel('ชื่อ', { exact: true })).toHaveValue('สมศรี1');
  await expect(page.getByLabel('ชื่อ', { exact: true })).toBeFocused();
  await expectAccessible(page);

  // Over-broad: eight people share the name, so a birth date or year is asked for (tone marks do not matter).
  await page.getByLabel('ชื่อ', { exact: true }).fill('สมศรี');
  await page.getByLabel('นามสกุล', { exact: true }).fill('มี่สุข');
  await page.getByLabel('วันเกิด หรือปีเกิด').fill('');
  await page.getByRole('button', { name: 'ค้นหาด้วยชื่อ' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'พบผู้ที่ชื่อตรงกันมากกว่า 5 คน' })).toBeVisible();
  await expect(candidates(page)).toHaveCount(0);
  await expect(page.getByLabel('วันเกิด หรือปีเกิด')).toBeFocused();
  await expect(page.getByLabel('นามสกุล', { exact: true })).toHaveValue('มี่สุข');

  // The birth year in the Buddhist era narrows it to two women born in 1964.
  await page.keyboard.type('2507');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'พบ 2 คน กรุณาเลือกผู้ป่วยที่ตรงกับบัตรประจำตัว' })).toBeVisible();
  await expect(candidates(page).getByRole('listitem')).toHaveCount(2);
  const somsri = candidates(page).getByRole('listitem').filter({ hasText: SOMSRI.masked });
  await expect(somsri).toContainText('สมศรี มีสุข');
  await expect(somsri).toContainText('หญิง');
  await expect(somsri).toContainText('2507');
  await expect(somsri).toContainText('5 แห่ง');
  await expect(page.locator('main')).not.toContainText(SOMSRI.cid);
  await expect(page.locator('main')).not.toContainText('3-1004-00123-45-6');
  await expectAccessible(page);

  // Choosing her continues to the same consent by SMS code.
  await somsri.getByRole('button', { name: /^เลือก นางสมศรี มีสุข/ }).focus();
  await page.keyboard.press('Enter');
  const card = page.getByRole('region', { name: 'ยืนยันตัวผู้ป่วย' });
  await expect(card).toContainText('สมศรี มีสุข');
  await expect(card).toContainText(SOMSRI.masked);
  await expect(card).toContainText('แบ่งปันข้อมูลจาก 5 โรงพยาบาล');
  await page.getByRole('checkbox', { name: /ข้าพเจ้าได้อธิบายแก่ผู้ป่วยแล้ว/ }).check();
  await sendConsentCode(page);
  const code = /\d{6}/.exec(await latestSms(SOMSRI.phone))?.[0];
  expect(code).toBeDefined();
  await page.getByLabel('รหัสหลักที่ 1 จาก 6').click();
  await page.keyboard.type(code!);
  await page.getByRole('button', { name: 'ยืนยันรหัส' }).click();
  await page.waitForURL(/\/patient\/[0-9a-f-]{36}$/);
  expect(page.url()).not.toContain(SOMSRI.cid);
});

test('even with a birth year, more than ten namesakes is too broad; English names work too', async ({ page }) => {
  await signInDoctor(page, 'ว.24680', '404040');
  await page.waitForURL(/\/patients$/);
  await chooseNameSearch(page);
  await page.getByLabel('ชื่อ', { exact: true }).fill('สมชาย');
  await page.getByLabel('นามสกุล', { exact: true }).fill('ใจดี');
  await page.getByLabel('วันเกิด หรือปีเกิด').fill('2518');
  await page.getByRole('button', { name: 'ค้นหาด้วยชื่อ' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'ยังพบผู้ที่ชื่อตรงกันมากกว่า 10 คน' })).toBeVisible();
  await expect(candidates(page)).toHaveCount(0);

  await page.getByLabel('ชื่อ', { exact: true }).fill('SOMSRI');
  await page.getByLabel('นามสกุล', { exact: true }).fill('meesuk');
  await page.getByLabel('วันเกิด หรือปีเกิด').fill('12/03/2507');
  await page.getByRole('button', { name: 'ค้นหาด้วยชื่อ' }).click();
  await expect(page.getByRole('heading', { name: 'พบ 1 คน กรุณาเลือกผู้ป่วยที่ตรงกับบัตรประจำตัว' })).toBeVisible();
  await expect(candidates(page).getByRole('listitem')).toHaveCount(1);
  await expect(candidates(page).getByRole('listitem')).toContainText(SOMSRI.masked);
  await expectAccessible(page);
});
