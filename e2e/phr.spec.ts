import { expect, test, type Page } from '@playwright/test';
import { consentTo, expectAccessible, latestMorPromCode, signInAt } from './support';

const SOMSRI = { cid: '3100400123456', phone: '0812345678' };
const BOONCHAI = { cid: '3100400234568', phone: '0823456789' };

// Dr Prasert as a ward doctor at Rajavithi: no other spec asks Somsri's or Boonchai's consent as him, so
// the per-doctor resend limits of the timeline spec (Dr Kamonwan) never meet this one's.
async function signInAtRajavithi(page: Page): Promise<void> {
  await signInAt(page, 'ว.23456', '135790', '10661');
}

/** Another code than the one sent: same letters, the next number. */
function wrongFrom(code: string): string {
  return `${code.slice(0, 2)}${String((Number(code.slice(2)) + 1) % 1_000_000).padStart(6, '0')}`;
}

test('Mor Prom answers beside Health Link: a wrong code refused, the shared visit once with both sources', async ({ page }) => {
  await signInAtRajavithi(page);
  await consentTo(page, SOMSRI.cid, SOMSRI.phone);
  await expect(page.locator('[data-hospital="10661"]')).toHaveAttribute('data-status', 'answered', { timeout: 20_000 });

  const phr = page.getByTestId('phr-source');
  await phr.getByRole('button', { name: 'ขอดูข้อมูลจากหมอพร้อมด้วย' }).click();
  const codeField = phr.getByLabel('รหัสจากแอปหมอพร้อม (เช่น AB123456)');
  await expect(codeField).toBeVisible();
  await expectAccessible(page);
  const code = await latestMorPromCode(SOMSRI.cid);
  expect(code).toMatch(/^[A-Z]{2}\d{6}$/);

  await codeField.fill('12345');
  await phr.getByRole('button', { name: 'ยืนยันรหัส' }).click();
  await expect(page.getByTestId('phr-message')).toHaveText('รูปแบบรหัสไม่ถูกต้อง: ต้องเป็นตัวอักษรภาษาอังกฤษ 2 ตัวตามด้วยตัวเลข 6 หลัก');
  await codeField.fill(wrongFrom(code));
  await phr.getByRole('button', { name: 'ยืนยันรหัส' }).click();
  await expect(page.getByTestId('phr-message')).toHaveText('รหัสไม่ถูกต้อง กรอกได้อีก 4 ครั้ง');
  await expectAccessible(page);

  await codeField.fill(code.toLowerCase());
  await phr.getByRole('button', { name: 'ยืนยันรหัส' }).click();
  // One row per facility MOPH-PHR names, with the hospitals' statuses.
  await expect(phr.locator('[data-code="phr:10661"]')).toContainText('โรงพยาบาลราชวิถี · หมอพร้อม — ได้รับข้อมูลแล้ว', { timeout: 20_000 });
  await expect(phr.locator('[data-code="phr:99801"]')).toContainText('โรงพยาบาลชุมชนหนองบัวทอง (สาธิต) · หมอพร้อม — ได้รับข้อมูลแล้ว');
  await expect(page.getByTestId('phr-message')).toBeHidden();

  // Visits only MOPH-PHR holds (the masked one is not among them), with its own source named.
  await page.getByLabel('ประเภท').selectOption('encounter');
  await page.getByLabel('โรงพยาบาล', { exact: true }).selectOption('phr:99801');
  const phrOnly = page.getByTestId('timeline-entry');
  await expect(phrOnly).toHaveCount(2);
  for (const entry of await phrOnly.all()) await expect(entry).toContainText('โรงพยาบาลชุมชนหนองบัวทอง (สาธิต) · หมอพร้อม');

  // The visits Rajavithi sent to both platforms: each shown once, naming both sources.
  await page.getByLabel('โรงพยาบาล', { exact: true }).selectOption('phr:10661');
  const shared = page.getByTestId('timeline-entry');
  await expect(shared).toHaveCount(4);
  for (const entry of await shared.all()) await expect(entry).toContainText('โรงพยาบาลราชวิถี, โรงพยาบาลราชวิถี · หมอพร้อม');

  // A hospital drug name with no code: matched by name only, and it says so.
  await page.getByLabel('ประเภท').selectOption('medication');
  await page.getByLabel('โรงพยาบาล', { exact: true }).selectOption('phr:99801');
  await expect(page.getByTestId('timeline-entry').first().getByTestId('name-only')).toBeVisible();
  await expectAccessible(page);
});

test("the sharing-off patient's Mor Prom status says so", async ({ page }) => {
  await signInAtRajavithi(page);
  await consentTo(page, BOONCHAI.cid, BOONCHAI.phone);
  const phr = page.getByTestId('phr-source');
  await phr.getByRole('button', { name: 'ขอดูข้อมูลจากหมอพร้อมด้วย' }).click();
  await expect(page.getByTestId('phr-message')).toHaveText('ผู้ป่วยปิดการแบ่งปันข้อมูลในหมอพร้อม จึงดูข้อมูลจากหมอพร้อมไม่ได้');
  await expect(phr.getByLabel('รหัสจากแอปหมอพร้อม (เช่น AB123456)')).toBeHidden();
  await expectAccessible(page);
});
