import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, latestSms, signInAt, signInDoctor } from './support';

// Each test uses its own patient so the per-doctor resend wait of one test never blocks another.
const SOMSRI = { cid: '3100400123456', phone: '0812345678', nameTh: 'สมศรี มีสุข' };
const BOONCHAI = { cid: '3100400234568', phone: '0823456789' };
const EKKACHAI = { cid: '3100400890121', phone: '0889012345' };

async function signInA(page: Page): Promise<void> {
  await signInDoctor(page, 'ว.12345', '246810');
  await page.waitForURL(/\/patients$/);
}

async function findPatient(page: Page, cid: string): Promise<void> {
  await page.getByLabel('เลขประจำตัวประชาชน 13 หลัก').fill(cid);
  await page.getByRole('button', { name: 'ค้นหาผู้ป่วย' }).click();
}

async function sendCode(page: Page): Promise<void> {
  await page.getByRole('checkbox', { name: /ข้าพเจ้าได้อธิบายแก่ผู้ป่วยแล้ว/ }).check();
  await page.getByRole('button', { name: 'ส่งรหัสยืนยันทาง SMS' }).click();
  await expect(page.getByRole('heading', { name: 'กรอกรหัสยืนยันจากผู้ป่วย' })).toBeVisible();
}

async function codeSentTo(phone: string): Promise<string> {
  const text = await latestSms(phone);
  const code = /\d{6}/.exec(text)?.[0];
  expect(code, 'an OTP in the SMS').toBeDefined();
  return code!;
}

async function typeCode(page: Page, code: string): Promise<void> {
  await page.getByLabel('รหัสหลักที่ 1 จาก 6').click();
  // Typed digit by digit: each box moves focus on to the next.
  await page.keyboard.type(code);
}

test('a doctor finds a patient, sends the code and opens the record only through their own consent', async ({ page, browser }) => {
  await signInA(page);
  await expect(page.getByRole('heading', { name: 'ค้นหาผู้ป่วยและขอความยินยอม' })).toBeVisible();
  await expectAccessible(page);

  // Typed the way it is printed on the card; the field shows it formatted.
  await page.getByLabel('เลขประจำตัวประชาชน 13 หลัก').pressSequentially('3 1004 00123 45 6');
  await expect(page.getByLabel('เลขประจำตัวประชาชน 13 หลัก')).toHaveValue('3-1004-00123-45-6');
  await page.getByRole('button', { name: 'ค้นหาผู้ป่วย' }).click();

  const card = page.getByRole('region', { name: 'ยืนยันตัวผู้ป่วย' });
  await expect(card).toContainText(SOMSRI.nameTh);
  await expect(card).toContainText('••• ••• 5678');
  await expect(card).toContainText('หญิง');
  await expect(card).toContainText('2507'); // birth year 1964 in the Buddhist era
  await expect(card).toContainText('แบ่งปันข้อมูลจาก 5 โรงพยาบาล');
  await expect(card).not.toContainText(SOMSRI.phone);
  await expectAccessible(page);

  // The purpose must be confirmed before anything is sent.
  await page.getByRole('button', { name: 'ส่งรหัสยืนยันทาง SMS' }).click();
  await expect(page.getByText('กรุณายืนยันว่าได้อธิบายวัตถุประสงค์แก่ผู้ป่วยแล้ว')).toBeVisible();
  await sendCode(page);
  await expect(page.getByText('ส่งรหัส 6 หลักไปที่ ••• ••• 5678 แล้ว')).toBeVisible();
  await expect(page.getByRole('timer')).toContainText('รหัสหมดอายุใน');
  await expect(page.getByRole('button', { name: 'ส่งรหัสใหม่' })).toBeDisabled();
  await expectAccessible(page);

  const sms = await latestSms(SOMSRI.phone);
  expect(sms).toContain('เพื่อการรักษา');
  expect(sms).toContain('(11535)');
  await typeCode(page, await codeSentTo(SOMSRI.phone));
  await page.getByRole('button', { name: 'ยืนยันรหัส' }).click();
  await page.waitForURL(/\/patient\/[0-9a-f-]{36}$/);
  const consentUrl = new URL(page.url()).pathname;
  expect(consentUrl).not.toContain(SOMSRI.cid);

  // Doctor B at the same hospital cannot use A's consent.
  const other = await browser.newContext();
  const pageB = await other.newPage();
  await signInAt(pageB, 'ว.34567', '112233', '11535');
  const response = await pageB.goto(consentUrl);
  expect(response?.status()).toBe(404);
  await other.close();
});

test('an ID with a wrong check digit is refused naming the expected digit, and what was typed is kept', async ({ page }) => {
  await signInA(page);
  const field = page.getByLabel('เลขประจำตัวประชาชน 13 หลัก');
  await field.fill('1-1120-34563-56-1');
  // Checked in the browser as soon as 13 digits are in.
  await expect(page.locator('#cid-error')).toContainText('ควรเป็น 2 แต่กรอกไว้ 1');
  await page.getByRole('button', { name: 'ค้นหาผู้ป่วย' }).click();
  await expect(page.getByText(/ควรเป็น 2/)).toBeVisible();
  await expect(field).toHaveValue('1-1120-34563-56-1');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await field.fill('1-1120-34563-56-2');
  await expect(page.getByText(/ควรเป็น/)).toHaveCount(0);
});

test('not found, no sharing and no phone are each explained; nothing can be sent', async ({ page }) => {
  await signInA(page);
  await findPatient(page, '3100400012344');
  await expect(page.getByText('ไม่พบผู้ป่วยรายนี้ในระบบแลกเปลี่ยนข้อมูล กรุณาตรวจสอบเลขอีกครั้ง')).toBeVisible();
  await expect(page.getByLabel('เลขประจำตัวประชาชน 13 หลัก')).toHaveValue('3-1004-00012-34-4');
  await expectAccessible(page);

  await findPatient(page, '3100400456781');
  await expect(page.getByText(/ยังไม่ได้อนุญาตให้โรงพยาบาลใดแบ่งปันข้อมูล/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'ส่งรหัสยืนยันทาง SMS' })).toHaveCount(0);
  await expectAccessible(page);

  await findPatient(page, '3100400567893');
  await expect(page.getByText(/ไม่มีหมายเลขโทรศัพท์ที่ลงทะเบียนไว้ จึงไม่สามารถให้ความยินยอมด้วยรหัส SMS ได้/)).toBeVisible();
  await expect(page.getByText(/แพทย์ห้องฉุกเฉินสามารถใช้การเข้าถึงกรณีฉุกเฉินได้/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'ส่งรหัสยืนยันทาง SMS' })).toHaveCount(0);
  await expectAccessible(page);
});

test('five wrong codes void the request; the right code no longer works and a new one must be requested', async ({ page }) => {
  await signInA(page);
  await findPatient(page, BOONCHAI.cid);
  await sendCode(page);
  const right = await codeSentTo(BOONCHAI.phone);
  const wrong = right === '000000' ? '111111' : '000000';
  for (const remaining of [4, 3, 2, 1]) {
    await typeCode(page, wrong);
    await page.getByRole('button', { name: 'ยืนยันรหัส' }).click();
    await expect(page.getByText(`รหัสไม่ถูกต้อง เหลือโอกาสอีก ${remaining} ครั้ง`)).toBeVisible();
    // The boxes are cleared and focus is back on the first one.
    await expect(page.getByLabel('รหัสหลักที่ 1 จาก 6')).toHaveValue('');
    await expect(page.getByLabel('รหัสหลักที่ 1 จาก 6')).toBeFocused();
  }
  await expectAccessible(page);
  await typeCode(page, wrong);
  await page.getByRole('button', { name: 'ยืนยันรหัส' }).click();
  await expect(page.getByText('กรอกรหัสผิดครบ 5 ครั้ง รหัสนี้ถูกยกเลิกแล้ว กรุณาขอรหัสใหม่')).toBeVisible();
  await expect(page.getByRole('button', { name: 'ยืนยันรหัส' })).toHaveCount(0);
  // A new code cannot be requested before the minute is up.
  await expect(page.getByRole('button', { name: 'ขอรหัสใหม่' })).toBeDisabled();
  await expect(page.getByText(/ส่งรหัสใหม่ได้ใน \d+ วินาที/)).toBeVisible();
  await expect(page).toHaveURL(/\/patients$/);
  await expectAccessible(page);
});

test('the code can be pasted whole and Backspace steps back through the boxes', async ({ page }) => {
  await signInA(page);
  await findPatient(page, EKKACHAI.cid);
  await sendCode(page);
  await page.getByLabel('รหัสหลักที่ 1 จาก 6').click();
  await page.keyboard.type('12');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await expect(page.getByLabel('รหัสหลักที่ 1 จาก 6')).toHaveValue('');
  await expect(page.getByLabel('รหัสหลักที่ 1 จาก 6')).toBeFocused();
  const code = await codeSentTo(EKKACHAI.phone);
  await page.keyboard.insertText(code);
  await expect(page.getByLabel('รหัสหลักที่ 6 จาก 6')).toHaveValue(code[5]!);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/patient\/[0-9a-f-]{36}$/);
});

test('the browser clock cannot get round the server: resend waits are enforced there, and the countdown shows expiry', async ({ page }) => {
  await page.clock.install();
  await signInA(page);
  await findPatient(page, '3100400345670');
  await sendCode(page);
  await expect(page.getByRole('button', { name: 'ส่งรหัสใหม่' })).toBeDisabled();
  // Only the browser's clock moves on: the button enables, but the server still refuses.
  await page.clock.fastForward('01:05');
  await expect(page.getByRole('button', { name: 'ส่งรหัสใหม่' })).toBeEnabled();
  await page.getByRole('button', { name: 'ส่งรหัสใหม่' }).click();
  await expect(page.getByText(/เพิ่งส่งรหัสไป กรุณารออีก \d+ วินาทีก่อนส่งใหม่/)).toBeVisible();
  await page.clock.fastForward('05:00');
  await expect(page.getByRole('timer')).toHaveText('รหัสหมดอายุแล้ว กรุณาส่งรหัสใหม่');
  await expectAccessible(page);
});

test('in English, a foreign patient is found by passport and gets the SMS in English', async ({ page }) => {
  await signInA(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Find a patient and ask for consent' })).toBeVisible();
  await page.getByRole('radio', { name: 'Passport (foreign nationals)' }).check();
  await page.getByLabel('Passport number').fill('aa1234567');
  await page.getByRole('button', { name: 'Find patient' }).click();
  const card = page.getByRole('region', { name: 'Confirm the patient' });
  await expect(card).toContainText('John Smith');
  await expect(card).toContainText('AA1234567');
  await expect(card).toContainText('Shares data from 2 hospitals');
  await expect(card).toContainText('••• ••• 9999');
  await expectAccessible(page);
  await page.getByRole('checkbox', { name: /I have explained to the patient/ }).check();
  await page.getByRole('button', { name: 'Send code by SMS' }).click();
  await expect(page.getByRole('heading', { name: 'Enter the code from the patient' })).toBeVisible();
  expect(await latestSms('0899999999')).toMatch(
    /^Health Link code \d{6}\. .*for your treatment\. Valid until \d{2}:\d{2} \(Thailand time\)\.$/,
  );
  await expectAccessible(page);
});

test('no code goes to a phone number that changed at the exchange days ago (SIM swap); the doctor is told why', async ({ page }) => {
  await signInA(page);
  await findPatient(page, '3100400901238'); // Wanida: her number changed two days ago
  await page.getByRole('checkbox', { name: /ข้าพเจ้าได้อธิบายแก่ผู้ป่วยแล้ว/ }).check();
  await page.getByRole('button', { name: 'ส่งรหัสยืนยันทาง SMS' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'เบอร์โทรศัพท์ของผู้ป่วยเพิ่งเปลี่ยน' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'กรอกรหัสยืนยันจากผู้ป่วย' })).toHaveCount(0);
  expect(await latestSms('0801239876')).toBe('');
  await expectAccessible(page);
});
