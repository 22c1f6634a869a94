/** The signed-in browser session of the benchmark: sign in as a doctor and consent through the real UI. */
import type { Page } from '@playwright/test';
import { APP_URL, SANDBOX_URL, SMS_TOKEN } from './frontend-config';

/** The newest SMS the sandbox "sent" to a phone ('' when none). */
async function latestSms(phone: string, sandboxUrl = SANDBOX_URL): Promise<string> {
  const res = await fetch(`${sandboxUrl}/sms/messages?to=${phone}`, { headers: { authorization: `Bearer ${SMS_TOKEN}` } });
  if (!res.ok) throw new Error(`sandbox SMS inbox answered HTTP ${res.status}`);
  const body = (await res.json()) as { messages: { text: string }[] };
  return body.messages[0]?.text ?? '';
}

/** Same steps as e2e signInAtKlang: Dr ว.34567 (PIN 112233) working at Klang Hospital (11535). */
export async function signInAtKlang(page: Page, appUrl = APP_URL): Promise<void> {
  await page.goto(`${appUrl}/login`);
  await page.getByLabel(/เลขที่ใบอนุญาต|licence number/i).fill('ว.34567');
  await page.getByLabel(/PIN/).fill('112233');
  await page.getByRole('button', { name: /เข้าสู่ระบบ|sign in/i }).click();
  // A build with terms of use shows them once per version, before anything else (a fresh bench database).
  const klang = page.getByRole('button', { name: /11535/ });
  const accept = page.getByRole('button', { name: 'ยอมรับและเริ่มใช้งาน' });
  await klang.or(accept).first().waitFor({ state: 'visible', timeout: 30_000 });
  if (await accept.isVisible()) {
    await page.getByRole('checkbox', { name: /ข้าพเจ้าได้อ่านและยอมรับข้อตกลงการใช้งาน/ }).check();
    await accept.click();
  }
  await klang.click();
  await page.waitForURL(/\/patients$/);
}

/**
 * Clicks "send the code by SMS" until the OTP form shows. A bench run within a minute of the previous one
 * meets the resend cooldown: wait it out and click again. The 3-codes-per-15-minutes limit is an error.
 */
async function sendCode(page: Page): Promise<void> {
  const otpHeading = page.getByRole('heading', { name: 'กรอกรหัสยืนยันจากผู้ป่วย' });
  const tooSoon = page.getByText(/เพิ่งส่งรหัสไป กรุณารออีก \d+ วินาที/);
  const limit = page.getByText(/ครบ \d+ ครั้งใน/);
  for (let attempt = 0; attempt < 4; attempt++) {
    await page.getByRole('button', { name: 'ส่งรหัสยืนยันทาง SMS' }).click();
    await otpHeading.or(tooSoon).or(limit).first().waitFor({ state: 'visible', timeout: 30_000 });
    if (await otpHeading.isVisible()) return;
    if (await limit.isVisible()) throw new Error(`the consent step refused to send a code: ${(await limit.textContent()) ?? ''}`);
    const seconds = Number(/(\d+) วินาที/.exec((await tooSoon.textContent()) ?? '')?.[1] ?? 30);
    console.log(`resend cooldown: waiting ${seconds} s before sending the code again`);
    await page.waitForTimeout((seconds + 1) * 1000);
  }
  throw new Error('the OTP form never appeared');
}

/** Same steps as e2e consentTo; returns the patient record URL. */
export async function consentTo(page: Page, cid: string, phone: string, sandboxUrl = SANDBOX_URL): Promise<string> {
  await page.getByLabel('เลขประจำตัวประชาชน 13 หลัก').fill(cid);
  await page.getByRole('button', { name: 'ค้นหาผู้ป่วย' }).click();
  await page.getByRole('checkbox', { name: /ข้าพเจ้าได้อธิบายแก่ผู้ป่วยแล้ว/ }).check();
  const before = await latestSms(phone, sandboxUrl);
  await sendCode(page);
  // The newest SMS, preferring one that arrived after the click (a stale code from an earlier run fails).
  let text = await latestSms(phone, sandboxUrl);
  for (let i = 0; i < 20 && text === before; i++) {
    await new Promise((r) => setTimeout(r, 250));
    text = await latestSms(phone, sandboxUrl);
  }
  const code = /\d{6}/.exec(text)?.[0];
  if (!code) throw new Error(`no OTP in the sandbox SMS inbox for ${phone} (got "${text}")`);
  await page.getByLabel('รหัสหลักที่ 1 จาก 6').click();
  await page.keyboard.type(code);
  await page.getByRole('button', { name: 'ยืนยันรหัส' }).click();
  await page.waitForURL(/\/patient\/[0-9a-f-]{36}$/);
  return page.url();
}
