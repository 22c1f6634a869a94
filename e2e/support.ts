import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { totpAt, totpStep } from '../lib/auth/totp';

export const SANDBOX_URL = `http://127.0.0.1:${process.env.E2E_SANDBOX_PORT ?? 4110}`;
export const SANDBOX_TOKENS = { sms: 'sandbox-sms-token', control: 'sandbox-control-token' } as const;

/** Fails on serious or critical accessibility violations of the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  // After a client-side navigation React swaps the hoisted <title> a moment after the new page shows;
  // axe must not run in that gap (it would report a page without a title that the user never sees).
  await expect(page).toHaveTitle(/Health Link/);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/**
 * Signs in as a demo doctor through the real form. A doctor who has not accepted the current terms of use
 * is shown them first: they are accepted here, as the doctor would, and the doctor goes on to where a
 * signed-in doctor lands (patient search or the hospital chooser). A refused sign-in stays on the form.
 */
export async function signInDoctor(page: Page, licence: string, pin: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/เลขที่ใบอนุญาต|licence number/i).fill(licence);
  await page.getByLabel(/PIN/).fill(pin);
  await page.getByRole('button', { name: /เข้าสู่ระบบ|sign in/i }).click();
  const refused = page.locator('#signin-message, .field-error');
  // A doctor with a passkey (or at a hospital requiring one) is asked for it on the same screen, or told
  // why not (the sign-in form itself never mentions passkeys before the PIN is accepted).
  const passkeyStep = page.locator('main').getByText(/พาสคีย์|passkey/i);
  const heading = page.locator('main h1').first();
  // Signing in goes through redirects (/ → /patients → /terms …) and the address can change before the page
  // does: wait until a page other than sign-in is on screen, or the form says why it refused.
  await expect
    .poll(async () => {
      const path = new URL(page.url()).pathname;
      if (path === '/login' || path === '/') {
        if ((await refused.count()) > 0) return 'refused';
        return (await passkeyStep.count()) > 0 ? 'passkey' : 'waiting';
      }
      const title = await heading.textContent({ timeout: 500 }).catch(() => null);
      return title === null || /เข้าสู่ระบบ|sign-in/i.test(title) ? 'waiting' : 'moved';
    })
    .not.toBe('waiting');
  if (new URL(page.url()).pathname === '/terms') await acceptTerms(page);
}

/** Accepts the terms of use shown on /terms and waits until the app has moved on. */
export async function acceptTerms(page: Page): Promise<void> {
  await page.getByRole('checkbox', { name: /ข้าพเจ้าได้อ่านและยอมรับข้อตกลงการใช้งาน|I have read and accept/ }).check();
  await page.getByRole('button', { name: /ยอมรับและเริ่มใช้งาน|Accept and continue/ }).click();
  await page.waitForURL((url) => url.pathname !== '/terms');
  await expect(page.getByRole('button', { name: /ยอมรับและเริ่มใช้งาน|Accept and continue/ })).toHaveCount(0);
}

/**
 * After a sign-in step that ends on patient search (the passkey step, another instance's sign-in): a doctor
 * who has not accepted the current terms of use is shown them first, and accepts them here.
 */
export async function landOnPatientSearch(page: Page): Promise<void> {
  const accept = page.getByRole('button', { name: /ยอมรับและเริ่มใช้งาน|Accept and continue/ });
  await expect(accept.or(page.getByRole('heading', { level: 1, name: /ค้นหาผู้ป่วยและขอความยินยอม|Find a patient/ }))).toBeVisible();
  if (await accept.isVisible()) await acceptTerms(page);
}

/**
 * Signs in and, when the doctor works at several hospitals, picks the given one, then lands on patient search.
 * Where a signed-in doctor lands depends on the database (the terms of use not yet accepted, the hospital not
 * yet chosen) and the address changes through redirects before the page does: act on the page on screen.
 */
export async function signInAt(page: Page, licence: string, pin: string, hcode: string): Promise<void> {
  await signInDoctor(page, licence, pin);
  const chooser = page.getByRole('heading', { level: 1, name: /เลือกโรงพยาบาลที่ปฏิบัติงานขณะนี้|Choose the hospital/ });
  const search = page.getByRole('heading', { level: 1, name: /ค้นหาผู้ป่วยและขอความยินยอม|Find a patient/ });
  const accept = page.getByRole('button', { name: /ยอมรับและเริ่มใช้งาน|Accept and continue/ });
  await expect(chooser.or(search).or(accept)).toBeVisible();
  if (await accept.isVisible()) {
    await acceptTerms(page);
    await expect(chooser.or(search)).toBeVisible();
  }
  if (await chooser.isVisible()) await page.getByRole('button', { name: new RegExp(`\\(${hcode}\\)`) }).click();
  await landOnPatientSearch(page);
}

/** Sends a control request to the sandbox (faults, reset). */
export async function sandboxControl(path: string, body: unknown = {}): Promise<void> {
  const res = await fetch(`${SANDBOX_URL}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${SANDBOX_TOKENS.control}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.ok).toBe(true);
}

/** The newest SMS the sandbox "sent" to a phone. */
export async function latestSms(phone: string): Promise<string> {
  const res = await fetch(`${SANDBOX_URL}/sms/messages?to=${phone}`, { headers: { authorization: `Bearer ${SANDBOX_TOKENS.sms}` } });
  const body = (await res.json()) as { messages: { text: string }[] };
  return body.messages[0]?.text ?? '';
}

/** start.ts's demo service token (accepted only with APP_ENV=test by the test-only routes). */
export const DEMO_SERVICE_TOKEN = 'demo-service-token-0123456789';

// The server refuses a TOTP step at or before the last one used, and accepts the current step ±1: each
// sign-in takes the next unused step, waiting when it would run ahead of the clock.
const lastStep = new Map<string, number>();

/** The next usable TOTP code for an admin in this test run. */
export async function nextTotpCode(username: string, secret: string): Promise<string> {
  for (;;) {
    const current = totpStep(new Date());
    const step = Math.max(current, (lastStep.get(username) ?? -1) + 1);
    if (step <= current + 1) {
      lastStep.set(username, step);
      return totpAt(secret, step);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** Signs in as a hospital admin through the real form (username, password, the next TOTP code). */
export async function signInAdminAs(page: Page, admin: { username: string; password: string; totpSecret: string }): Promise<void> {
  await page.goto('/admin/login');
  await page.getByLabel('ชื่อผู้ใช้').fill(admin.username);
  await page.getByLabel('รหัสผ่าน', { exact: true }).fill(admin.password);
  await page.getByLabel('รหัส 6 หลักจากแอปยืนยันตัวตน').fill(await nextTotpCode(admin.username, admin.totpSecret));
  await page.getByRole('button', { name: 'เข้าสู่ระบบ', exact: true }).click();
  // A hospital admin starts on the staff page, a privacy officer on the access alerts.
  await expect(page).toHaveURL(/\/admin(\/alerts)?$/);
}

/**
 * Asks for the patient's consent code. A patient can be sent one code a minute, whoever asks: when another
 * spec asked for the same demo patient moments ago, wait as the page says (as a physician would) and ask again.
 */
export async function sendConsentCode(page: Page): Promise<void> {
  const send = page.getByRole('button', { name: 'ส่งรหัสยืนยันทาง SMS' });
  const otpStep = page.getByRole('heading', { name: 'กรอกรหัสยืนยันจากผู้ป่วย' });
  const wait = page.getByRole('alert').filter({ hasText: /กรุณารออีก \d+ วินาที/ });
  for (let attempt = 0; attempt < 3; attempt++) {
    await send.click();
    await expect(otpStep.or(wait)).toBeVisible();
    if (await otpStep.isVisible()) return;
    const seconds = Number(/กรุณารออีก (\d+) วินาที/.exec((await wait.textContent()) ?? '')?.[1] ?? 60);
    // The wait is the patient's, not the test's: it must not eat into the test's own time.
    test.info().setTimeout(test.info().timeout + (seconds + 1) * 1000);
    await page.waitForTimeout((seconds + 1) * 1000);
  }
  await expect(otpStep).toBeVisible();
}

/** Finds a patient on the search page, asks for consent and types the code from the sandbox SMS inbox. */
export async function consentTo(page: Page, cid: string, phone: string): Promise<void> {
  await page.getByLabel('เลขประจำตัวประชาชน 13 หลัก').fill(cid);
  await page.getByRole('button', { name: 'ค้นหาผู้ป่วย' }).click();
  await page.getByRole('checkbox', { name: /ข้าพเจ้าได้อธิบายแก่ผู้ป่วยแล้ว/ }).check();
  await sendConsentCode(page);
  const code = /\d{6}/.exec(await latestSms(phone))?.[0];
  expect(code).toBeDefined();
  await page.getByLabel('รหัสหลักที่ 1 จาก 6').click();
  await page.keyboard.type(code!);
  await page.getByRole('button', { name: 'ยืนยันรหัส' }).click();
  await page.waitForURL(/\/patient\/[0-9a-f-]{36}$/);
}

/** The newest Mor Prom app notification the sandbox's MOPH-PHR stand-in sent to a person, and the code in it. */
export async function latestMorPromCode(cid: string): Promise<string> {
  const res = await fetch(`${SANDBOX_URL}/moph-phr/_inbox?cid=${cid}`, { headers: { authorization: `Bearer ${SANDBOX_TOKENS.control}` } });
  const body = (await res.json()) as { notifications: { text: string }[] };
  return /[A-Z]{2}\d{6}/.exec(body.notifications[0]?.text ?? '')?.[0] ?? '';
}
