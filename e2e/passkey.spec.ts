import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_ADMINS, DEMO_PRIVACY_OFFICERS } from '../lib/admin/demo-admins';
import { expectAccessible, landOnPatientSearch, signInAdminAs, signInDoctor } from './support';

/*
 * Passkeys as the doctors' second factor (NIST SP 800-63B AAL2), with Chromium's virtual authenticator
 * standing in for a phone or tablet (CDP WebAuthn domain: a CTAP2 platform authenticator that holds
 * resident keys and verifies its user). The tests run in order on one doctor's device; the last one puts
 * everything back (policy off, passkeys removed), so the specs after this file sign in with the PIN alone.
 */
test.describe.configure({ mode: 'serial' });

const RAJAVITHI = DEMO_ADMINS.find((a) => a.hospitalCode === '10661')!;
const RAJAVITHI_PRIVACY = DEMO_PRIVACY_OFFICERS.find((a) => a.hospitalCode === '10661')!;
const ED_DOCTOR = { licence: '67890', pin: '202020' }; // Dr Napatsorn, ED at Rajavithi (10661) only
const OTHER_DOCTOR = { licence: '13579', pin: '303030' }; // Dr Thanakorn, Rajavithi (10661) only
const EKKACHAI = '3-1004-00890-12-1';

let device: Page; // the doctor's tablet, with its authenticator
let other: Page; // a second doctor's tablet
let admin: Page;

async function tabletWithAuthenticator(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return page;
}

async function signOut(page: Page): Promise<void> {
  await page.goto('/signout');
  await page.getByRole('main').getByRole('button', { name: 'ออกจากระบบ' }).click();
  await page.waitForURL(/\/login\?ended=signed-out$/);
}

async function setPolicy(required: boolean, allowBootstrap: boolean): Promise<void> {
  await admin.goto('/admin/security');
  await admin.getByRole('checkbox', { name: /บังคับให้แพทย์ใช้พาสคีย์/ }).setChecked(required);
  await admin.getByRole('checkbox', { name: /อนุญาตให้แพทย์ที่ยังไม่เคยมีพาสคีย์/ }).setChecked(allowBootstrap);
  await admin.getByRole('button', { name: 'บันทึกการตั้งค่า' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'บันทึกการตั้งค่าแล้ว' })).toBeVisible();
}

async function resetPasskeysOf(licence: string): Promise<void> {
  await admin.goto('/admin');
  await admin.locator(`tr[data-licence="${licence}"]`).getByRole('link').click();
  await admin.getByRole('button', { name: /ลบพาสคีย์ทั้งหมด/ }).click();
  await expect(admin.getByRole('status').filter({ hasText: /ลบพาสคีย์ \d+ รายการ/ })).toBeVisible();
  await expect(admin.getByTestId('passkey-count')).toHaveText('ลงทะเบียนไว้ 0 รายการ');
}

test.beforeAll(async ({ browser }) => {
  device = await tabletWithAuthenticator(browser);
  other = await tabletWithAuthenticator(browser);
  admin = await (await browser.newContext({ locale: 'th-TH', timezoneId: 'Asia/Bangkok' })).newPage();
  await signInAdminAs(admin, RAJAVITHI);
});

test.afterAll(async () => {
  // Put the demo back for the specs that follow: no requirement, no passkeys.
  await setPolicy(false, false);
  await resetPasskeysOf(ED_DOCTOR.licence);
  await resetPasskeysOf(OTHER_DOCTOR.licence);
});

test('a doctor is offered a passkey after the PIN, registers one in settings, renames it, then signs in with it on the same screen', async () => {
  await signInDoctor(device, ED_DOCTOR.licence, ED_DOCTOR.pin);
  await device.waitForURL(/\/patients$/);
  const offer = device.getByRole('region', { name: 'เพิ่มความปลอดภัยด้วยพาสคีย์' });
  await expect(offer).toBeVisible();
  await expectAccessible(device);
  await offer.getByRole('link', { name: 'เพิ่มพาสคีย์' }).click();

  await device.waitForURL(/\/passkeys$/);
  await expect(device.getByText('ยังไม่มีพาสคีย์')).toBeVisible();
  await device.getByRole('button', { name: 'เพิ่มพาสคีย์' }).click();
  await expect(device.getByRole('status').filter({ hasText: 'เพิ่มพาสคีย์แล้ว' })).toBeVisible();
  await expect(device.getByTestId('passkey-item')).toHaveCount(1);
  await device.getByRole('button', { name: 'เปลี่ยนชื่อ' }).click();
  await device.getByLabel(/ชื่อใหม่ของ/).fill('แท็บเล็ตห้องฉุกเฉิน');
  await device.getByRole('button', { name: 'บันทึก' }).click();
  await expect(device.getByTestId('passkey-item')).toContainText('แท็บเล็ตห้องฉุกเฉิน');
  await expectAccessible(device);

  // Next sign-in: the PIN, then the passkey prompt on the same screen.
  await signOut(device);
  await signInDoctor(device, ED_DOCTOR.licence, ED_DOCTOR.pin);
  const prompt = device.getByRole('button', { name: 'ยืนยันด้วยพาสคีย์' });
  await expect(prompt).toBeVisible();
  await expect(device).toHaveURL(/\/login$/);
  await expectAccessible(device);
  // Until the passkey answers, the session opens nothing: pages send it to the step, the server refuses.
  const refused = await device.request.post('/emergency/lookup', { data: { cid: '3100400890121' } });
  expect(refused.status()).toBe(401);
  await device.goto('/patients');
  await device.waitForURL(/\/passkey$/);
  await device.getByRole('button', { name: 'ยืนยันด้วยพาสคีย์' }).click();
  await device.waitForURL(/\/patients$/);
  await expect(device.getByRole('region', { name: 'เพิ่มความปลอดภัยด้วยพาสคีย์' })).toHaveCount(0);
  await device.goto('/passkeys');
  await expect(device.getByTestId('passkey-item')).not.toContainText('ยังไม่เคยใช้');
});

test('break-the-glass steps up with the passkey instead of the PIN', async () => {
  await device.goto('/emergency');
  const field = device.getByLabel(/เลขประจำตัวประชาชน 13 หลัก/);
  await field.fill(EKKACHAI);
  await field.press('Enter');
  await device.getByRole('radio', { name: 'ผู้ป่วยหมดสติ' }).check();
  await device.getByLabel('รายละเอียดสถานการณ์').fill('ผู้ป่วยหมดสติ GCS 6 ไม่มีญาติมาด้วย');
  await device.getByRole('checkbox', { name: /ยืนยันว่าเป็นกรณีฉุกเฉินจริง/ }).check();
  await expect(device.getByLabel('ยืนยันตัวตนด้วย PIN แพทยสภาอีกครั้ง')).toHaveCount(0);
  await expect(device.getByText('ยืนยันตัวตนด้วยพาสคีย์')).toBeVisible();
  await expectAccessible(device);

  // The PIN is no longer a way in for this doctor, nor is an assertion without this session's challenge.
  const base = { cid: '3100400890121', reasonCode: 'unconscious', reasonText: 'Unconscious after a fall', attestation: true };
  const withPin = await device.request.post('/emergency/access', { data: { ...base, pin: ED_DOCTOR.pin } });
  expect(withPin.status()).toBe(422);
  expect(await withPin.json()).toEqual({ ok: false, reason: 'passkey-failed' });

  await device.getByRole('button', { name: 'เปิดข้อมูลฉุกเฉิน' }).click();
  await device.waitForURL(/\/patient\/[0-9a-f-]{36}\/emergency$/);
  await expect(device.getByTestId('patient-banner')).toContainText('เอกชัย');
});

test('a hospital that requires passkeys refuses a doctor without one until the admin allows a first registration', async () => {
  await setPolicy(true, false);
  await signInDoctor(other, OTHER_DOCTOR.licence, OTHER_DOCTOR.pin);
  await expect(other.getByRole('alert').filter({ hasText: 'กรุณาติดต่อผู้ดูแลระบบของโรงพยาบาล' })).toBeVisible();
  await expect(other.getByRole('button', { name: 'ลงทะเบียนพาสคีย์' })).toHaveCount(0);
  await other.goto('/patients');
  await other.waitForURL(/\/passkey$/);
  await expectAccessible(other);
  expect((await other.request.post('/emergency/lookup', { data: { cid: '3100400890121' } })).status()).toBe(401);
  expect((await other.request.get('/api/access/00000000-0000-4000-8000-000000000000/timeline?h=10661')).status()).toBe(401);

  // Bootstrap allowed: the doctor's first passkey may be bound after the PIN.
  await setPolicy(true, true);
  await other.reload();
  await other.getByLabel(/ชื่ออุปกรณ์/).fill('แท็บเล็ตวอร์ด 5');
  await other.getByRole('button', { name: 'ลงทะเบียนพาสคีย์' }).click();
  await landOnPatientSearch(other);
  await other.goto('/passkeys');
  await expect(other.getByTestId('passkey-item')).toContainText('แท็บเล็ตวอร์ด 5');
  // The last passkey stays while the hospital requires them.
  other.once('dialog', (d) => void d.accept());
  await other.getByRole('button', { name: 'ลบ', exact: true }).click();
  await expect(other.getByRole('alert').filter({ hasText: 'ลบพาสคีย์สุดท้ายไม่ได้' })).toBeVisible();
});

test("a lost passkey: the admin removes the doctor's passkeys, the doctor is signed out and registers a new one after the PIN", async () => {
  // The requirement stands, bootstrap is off: only the admin's recovery lets the doctor in again.
  await setPolicy(true, false);
  await resetPasskeysOf(ED_DOCTOR.licence);
  await device.goto('/patients');
  await device.waitForURL(/\/login/);

  await signInDoctor(device, ED_DOCTOR.licence, ED_DOCTOR.pin);
  await device.getByRole('button', { name: 'ลงทะเบียนพาสคีย์' }).click();
  await device.waitForURL(/\/patients$/);
  await device.goto('/passkeys');
  await expect(device.getByTestId('passkey-item')).toHaveCount(1);

  // The permit was spent with that registration: from now on the doctor signs in with the new passkey.
  await signOut(device);
  await signInDoctor(device, ED_DOCTOR.licence, ED_DOCTOR.pin);
  await device.getByRole('button', { name: 'ยืนยันด้วยพาสคีย์' }).click();
  await device.waitForURL(/\/patients$/);

  // The audit trail has every step, for the hospital's privacy officer to read.
  const officerContext = await admin.context().browser()!.newContext({ locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
  const officer = await officerContext.newPage();
  await signInAdminAs(officer, RAJAVITHI_PRIVACY);
  await officer.goto('/admin/audit?action=passkey-reset');
  await expect(officer.getByRole('table')).toContainText('ผู้ดูแลลบพาสคีย์ของแพทย์');
  await officerContext.close();
});
