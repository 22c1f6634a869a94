import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_ADMINS, DEMO_PRIVACY_OFFICERS } from '../lib/admin/demo-admins';
import { consentTo, expectAccessible, signInAdminAs, signInDoctor } from './support';

// Rajavithi (10661, Bangkok): its hospital admin keeps the staff list, its privacy officer reviews the alert.
// Dr Thanakorn (ว.13579, Rajavithi only) opens Phum, whom no other spec opens there.
const RAJAVITHI_ADMIN = DEMO_ADMINS.find((a) => a.hospitalCode === '10661')!;
const RAJAVITHI_PRIVACY = DEMO_PRIVACY_OFFICERS.find((a) => a.hospitalCode === '10661')!;
const PHUM = { cid: '3100400789012', phone: '0878901234' };
const NOT_IN_EXCHANGE = '3100400012344';
// The same ID with its last digit changed: the check digit no longer fits.
const BAD_CHECK_DIGIT = '3100400012345';

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test('the hospital admin keeps the staff list; a doctor opening a staff member’s record raises a staff-record alert', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signInAdminAs(page, RAJAVITHI_ADMIN);
  await page.getByRole('navigation', { name: 'เมนูผู้ดูแลโรงพยาบาล' }).getByRole('link', { name: 'พื้นที่และรายชื่อบุคลากร' }).click();
  await expect(page.getByRole('heading', { name: 'พื้นที่รับผิดชอบและรายชื่อบุคลากร', level: 1 })).toBeVisible();

  // The catchment: Rajavithi is in Bangkok (region 13); as a national referral centre it takes everyone.
  await expect(page.getByTestId('catchment-home')).toHaveText('โรงพยาบาลอยู่ที่กรุงเทพมหานคร เขตสุขภาพที่ 13');
  await page.getByRole('radio', { name: /ทั่วประเทศ/ }).check();
  await page.getByRole('button', { name: 'บันทึกพื้นที่รับผิดชอบ' }).click();
  await expect(page.getByText('บันทึกพื้นที่รับผิดชอบแล้ว')).toBeVisible();
  await expect(page.getByRole('radio', { name: /ทั่วประเทศ/ })).toBeChecked();

  // An upload with one bad line: refused, the line named, the file's text kept in the box to fix.
  await expect(page.getByTestId('staff-summary')).toHaveText('ยังไม่มีรายชื่อบุคลากร');
  const uploaded = `${PHUM.cid}\n${BAD_CHECK_DIGIT}\n`;
  await page.getByLabel('หรืออัปโหลดไฟล์ข้อความ (.txt หรือ .csv)').setInputFiles({
    name: 'staff.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(uploaded),
  });
  await page.getByRole('button', { name: 'แทนที่รายชื่อบุคลากร' }).click();
  const errors = page.getByRole('alert').filter({ hasText: 'ยังไม่ได้บันทึก' });
  await expect(errors).toContainText('บรรทัดที่ 2: เลขหลักสุดท้าย (เลขตรวจสอบ) ไม่ถูกต้อง');
  const box = page.getByLabel('เลขประจำตัวประชาชน บรรทัดละหนึ่งเลข');
  await expect(box).toHaveValue(uploaded);
  await expect(page.getByTestId('staff-summary')).toHaveText('ยังไม่มีรายชื่อบุคลากร');
  await expectAccessible(page);

  // Fixed in the box and saved: two people on the list, never shown back.
  await box.fill(`${PHUM.cid}\n${NOT_IN_EXCHANGE}\n`);
  await page.getByRole('button', { name: 'แทนที่รายชื่อบุคลากร' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'บันทึกรายชื่อบุคลากร 2 คนแล้ว' })).toBeVisible();
  await expect(page.getByTestId('staff-summary')).toContainText('มีรายชื่อ 2 คน');
  await expect(page.locator('main')).not.toContainText(PHUM.cid);

  // A doctor of the hospital opens the staff member's record.
  const doctor = await newPage(browser);
  await signInDoctor(doctor, 'ว.13579', '303030');
  await doctor.waitForURL(/\/patients$/);
  await consentTo(doctor, PHUM.cid, PHUM.phone);
  await doctor.context().close();

  // The privacy officer sees the alert with its explanation and its evidence: one audit row, no citizen ID.
  const officer = await newPage(browser);
  await signInAdminAs(officer, RAJAVITHI_PRIVACY);
  const alert = officer.locator('li[data-alert-id]').filter({ hasText: 'ว.13579' }).filter({ hasText: 'เปิดดูเวชระเบียนของบุคลากรโรงพยาบาล' });
  await expect(alert).toHaveCount(1);
  await expect(alert).toContainText('ผู้ป่วยอยู่ในรายชื่อบุคลากรของโรงพยาบาลนี้');
  const seq = Number(((await alert.getByTestId('alert-evidence').textContent()) ?? '').trim());
  expect(Number.isInteger(seq) && seq > 0).toBe(true);
  await expect(alert).not.toContainText(PHUM.cid);
  await expectAccessible(officer);
  // The evidence leads into the audit log: that row is the doctor's record open.
  await officer.goto(`/admin/audit?doctor=13579&action=record-open`);
  await expect(officer.locator('tbody tr').first()).toContainText('เปิดเวชระเบียนผู้ป่วย');
  await officer.goto('/admin/alerts');
  await alert.getByRole('button', { name: 'รับทราบ' }).click();
  await expect(officer.getByText('บันทึกผลการตรวจสอบแล้ว')).toBeVisible();
  await officer.context().close();

  // The admin clears the list again (audited); the page says so.
  await page.goto('/admin/access-rules');
  await page.getByRole('button', { name: 'ล้างรายชื่อบุคลากร' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'ล้างรายชื่อบุคลากรแล้ว' })).toBeVisible();
  await expect(page.getByTestId('staff-summary')).toHaveText('ยังไม่มีรายชื่อบุคลากร');
});

test('the staff list is the hospital admin’s: the privacy officer is sent back to the alerts', async ({ page }) => {
  await signInAdminAs(page, RAJAVITHI_PRIVACY);
  await page.goto('/admin/access-rules');
  await expect(page).toHaveURL(/\/admin\/alerts$/);
});
