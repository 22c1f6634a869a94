import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, latestSms, signInAt } from './support';

const EKKACHAI = '3-1004-00890-12-1';
const GOOD = { reasonText: 'ผู้ป่วยหมดสติ GCS 6 ไม่มีญาติมาด้วย', pin: '202020' };

async function lookUp(page: Page, cid: string): Promise<void> {
  await page.goto('/emergency');
  const field = page.getByLabel(/เลขประจำตัวประชาชน 13 หลัก/);
  await expect(field).toBeFocused();
  await field.fill(cid);
  await field.press('Enter');
}

test('a doctor without the ED role is refused on the page and by the server', async ({ page }) => {
  await signInAt(page, '12345', '246810', '11535');
  await page.goto('/emergency');
  await expect(page.getByRole('heading', { name: 'สำหรับแพทย์เวชศาสตร์ฉุกเฉินเท่านั้น' })).toBeVisible();
  await expect(page.getByLabel(/เลขประจำตัวประชาชน 13 หลัก/)).toHaveCount(0);
  await expectAccessible(page);
  const body = {
    cid: '3100400890121',
    reasonCode: 'unconscious',
    reasonText: 'Unconscious after a fall',
    attestation: true,
    pin: '246810',
  };
  const start = await page.request.post('/emergency/access', { data: body });
  expect(start.status()).toBe(403);
  expect(((await start.json()) as { error: string }).error).toBe('forbidden');
  const lookup = await page.request.post('/emergency/lookup', { data: { cid: '3100400890121' } });
  expect(lookup.status()).toBe(403);
});

test('the break-the-glass form refuses missing reason, short text, no attestation and a wrong PIN with specific messages', async ({
  page,
}) => {
  await signInAt(page, '67890', '202020', '10661');
  await lookUp(page, EKKACHAI);
  await expect(page.getByRole('heading', { name: /เอกชัย/ })).toBeVisible();
  // A citizen ID that fails its check digit is a 400 with the field error, which the form shows.
  const bad = await page.request.post('/emergency/lookup', { data: { cid: '3100400890122' } });
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ ok: false, reason: 'invalid' });
  await expect(page.getByText('มีเบอร์โทรศัพท์ลงทะเบียน')).toBeVisible();
  // Keyboard-first: after Enter the focus lands on the first coded reason.
  await expect(page.getByRole('radio', { name: 'ผู้ป่วยหมดสติ' })).toBeFocused();
  await expectAccessible(page);

  const submit = page.getByRole('button', { name: 'เปิดข้อมูลฉุกเฉิน' });
  await submit.click();
  await expect(page.getByText('กรุณาเลือกเหตุผลที่ต้องเข้าถึงฉุกเฉิน')).toBeVisible();
  await expect(page.getByText('กรุณาอธิบายสถานการณ์อย่างน้อย 10 ตัวอักษร')).toBeVisible();
  await expect(page.getByText('กรุณายืนยันว่าเป็นกรณีฉุกเฉินจริง')).toBeVisible();
  await expect(page.getByText('PIN ต้องเป็นตัวเลข 6 หลัก')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('radio', { name: 'ผู้ป่วยหมดสติ' }).check();
  await page.getByLabel('รายละเอียดสถานการณ์').fill('หมดสติ');
  await page.getByLabel('ยืนยันตัวตนด้วย PIN แพทยสภาอีกครั้ง').fill('202020');
  await submit.click();
  await expect(page.getByText('กรุณาอธิบายสถานการณ์อย่างน้อย 10 ตัวอักษร')).toBeVisible();
  await expect(page.getByText('กรุณายืนยันว่าเป็นกรณีฉุกเฉินจริง')).toBeVisible();
  await expect(page.getByText('กรุณาเลือกเหตุผลที่ต้องเข้าถึงฉุกเฉิน')).toHaveCount(0);
  // Input is kept on error.
  await expect(page.getByRole('radio', { name: 'ผู้ป่วยหมดสติ' })).toBeChecked();

  await page.getByLabel('รายละเอียดสถานการณ์').fill(GOOD.reasonText);
  await page.getByRole('checkbox', { name: /ยืนยันว่าเป็นกรณีฉุกเฉินจริง/ }).check();
  await page.getByLabel('ยืนยันตัวตนด้วย PIN แพทยสภาอีกครั้ง').fill('111111');
  await submit.click();
  await expect(page.getByRole('alert').filter({ hasText: 'PIN ไม่ถูกต้อง ยังไม่ได้เปิดข้อมูล' })).toBeVisible();
  await expect(page).toHaveURL(/\/emergency$/);
  await expect(page.getByLabel('รายละเอียดสถานการณ์')).toHaveValue(GOOD.reasonText);
});

test('an ED physician opens emergency access, sees the summary, the patient is told by SMS, and the IPS export is a FHIR document', async ({
  page,
}) => {
  await signInAt(page, '67890', '202020', '10661');
  await lookUp(page, EKKACHAI);
  await page.getByRole('radio', { name: 'ผู้ป่วยหมดสติ' }).check();
  await page.getByLabel('รายละเอียดสถานการณ์').fill(GOOD.reasonText);
  await page.getByRole('checkbox', { name: /ยืนยันว่าเป็นกรณีฉุกเฉินจริง/ }).check();
  await page.getByLabel('ยืนยันตัวตนด้วย PIN แพทยสภาอีกครั้ง').fill(GOOD.pin);
  await page.getByRole('button', { name: 'เปิดข้อมูลฉุกเฉิน' }).click();

  await page.waitForURL(/\/patient\/[0-9a-f-]{36}\/emergency$/);
  const accessId = /\/patient\/([0-9a-f-]{36})\/emergency/.exec(page.url())?.[1] ?? '';
  const banner = page.getByRole('region', { name: 'เข้าถึงข้อมูลในกรณีฉุกเฉิน' });
  await expect(banner).toContainText('เหตุผล: ผู้ป่วยหมดสติ');
  await expect(banner).toContainText(GOOD.reasonText);
  await expect(page.getByTestId('emergency-countdown')).toContainText(/สิทธิ์สิ้นสุดในอีก \d+ ชม\./);

  await expect(page.getByTestId('patient-banner')).toContainText('เอกชัย');
  const meds = page.getByTestId('medication-list');
  await expect(meds.getByRole('listitem').filter({ hasText: 'ฟีนิทอยน์' })).toContainText('ยาความเสี่ยงสูง: ยากันชัก');
  const allergies = page.getByTestId('allergy-list');
  await expect(allergies.getByRole('listitem').filter({ hasText: 'แอสไพริน' })).toContainText(/จาก .+\(?\d*/);
  await expect(page.getByTestId('blood-group')).toContainText(/\b(A|B|AB|O)\b/);
  await expect(page.getByTestId('sealed-count')).toContainText('ถูกปิดผนึก');
  await expect(page.getByTestId('coverage-10661')).toBeVisible();
  await expectAccessible(page);

  await expect.poll(() => latestSms('0889012345')).toContain('ฉุกเฉิน');

  const res = await page.request.get(`/patient/${accessId}/emergency/ips`);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-disposition']).toMatch(/^attachment;/);
  const bundle = (await res.json()) as {
    resourceType: string;
    type: string;
    entry: { fullUrl: string; resource: { resourceType: string; section?: { entry?: { reference: string }[] }[] } }[];
  };
  expect(bundle.resourceType).toBe('Bundle');
  expect(bundle.type).toBe('document');
  expect(bundle.entry[0]?.resource.resourceType).toBe('Composition');
  const urls = new Set(bundle.entry.map((e) => e.fullUrl));
  for (const s of bundle.entry[0]?.resource.section ?? []) for (const e of s.entry ?? []) expect(urls.has(e.reference)).toBe(true);
  expect(bundle.entry.some((e) => e.resource.resourceType === 'MedicationStatement')).toBe(true);

  // Ending the access closes the summary: the server refuses the same URL afterwards.
  await page.getByRole('button', { name: 'สิ้นสุดการเข้าถึงฉุกเฉิน' }).click();
  await page.waitForURL(/\/emergency\?ended=1$/);
  await expect(page.getByRole('status').filter({ hasText: 'สิ้นสุดการเข้าถึงฉุกเฉินแล้ว' })).toBeVisible();
  const after = await page.request.get(`/patient/${accessId}/emergency/ips`);
  expect(after.status()).toBe(403);
});
