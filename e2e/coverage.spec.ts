import { expect, test, type Locator } from '@playwright/test';
import { consentTo, expectAccessible, sandboxControl, signInAt, signInDoctor } from './support';

// A summary built from the hospitals that answered must never read as the whole record: every surface
// names the sharing hospitals it lacks and why. Dr Thanakorn (one grant, Rajavithi) and Dr Prasert (ED at
// Klang) are used by no other consent or emergency spec, so send limits and open accesses never interfere.

test.afterEach(async () => {
  await sandboxControl('/_sandbox/faults', { '10661': null, '13781': null });
});

/** A coverage box that says what it lacks: not complete, naming the hospital and the reason. */
async function expectLacks(box: Locator, hospital: string, reason: string): Promise<void> {
  await expect(box).toHaveAttribute('data-complete', 'false');
  await expect(box).toContainText(hospital);
  await expect(box).toContainText(reason);
}

test('with one hospital failing, every record panel, the cross-check and the print summary name it', async ({ page }) => {
  await sandboxControl('/_sandbox/faults', { '10661': { errorRate: 1 } });
  await signInDoctor(page, 'ว.13579', '303030');
  await page.waitForURL(/\/patients$/);
  await consentTo(page, '3100400123456', '0812345678'); // Somsri: five sharing hospitals
  await expect(page.locator('[data-hospital="10661"]')).toHaveAttribute('data-status', 'error');
  for (const other of ['11535', '13781', '24001', '41001'])
    await expect(page.locator(`[data-hospital="${other}"]`)).toHaveAttribute('data-status', 'answered');

  const failed = ['โรงพยาบาลราชวิถี', 'ดึงข้อมูลไม่สำเร็จ'] as const;
  for (const id of ['allergy-panel-coverage', 'medication-panel-coverage', 'problem-panel-coverage', 'key-labs-coverage']) {
    await expectLacks(page.getByTestId(id), ...failed);
  }
  await expect(page.getByTestId('allergy-crosscheck-coverage')).toContainText('การตรวจสอบยา–การแพ้ยายังไม่ครบ: ไม่มีข้อมูลจาก โรงพยาบาลราชวิถี');
  await expect(page.getByTestId('medication-crosscheck-coverage')).toContainText('โรงพยาบาลราชวิถี');
  await expect(page.getByTestId('medication-conflicts-coverage')).toContainText('รายการข้อมูลไม่ตรงกันอาจไม่ครบ');
  const medTitle = page.getByRole('heading', { name: /ยาที่ใช้อยู่/ });
  await expect(medTitle).toHaveText('ยาที่ใช้อยู่ (จาก 4 ใน 5 โรงพยาบาล)');
  await expectAccessible(page);

  // The print summary says the same.
  const recordUrl = page.url();
  await page.goto(`${recordUrl}/print`);
  await expect(page.getByTestId('print-summary')).toBeVisible();
  for (const id of ['allergy-panel-coverage', 'medication-panel-coverage', 'problem-panel-coverage', 'key-labs-coverage']) {
    await expectLacks(page.getByTestId(id), ...failed);
  }
  await expect(page.getByRole('heading', { name: /ยาที่ใช้อยู่/ })).toHaveText('ยาที่ใช้อยู่ (จาก 4 ใน 5 โรงพยาบาล)');

  // Once Rajavithi answers, the title may say "all hospitals" and the allergy box says it includes them.
  await sandboxControl('/_sandbox/faults', { '10661': null });
  await page.goto(recordUrl);
  await expect(page.locator('[data-hospital="10661"]')).toHaveAttribute('data-status', 'answered');
  await expect(page.getByRole('heading', { name: /ยาที่ใช้อยู่/ })).toHaveText('ยาที่ใช้อยู่ (รวมทุกโรงพยาบาล)');
  await expect(page.getByTestId('allergy-panel-coverage')).toHaveAttribute('data-complete', 'true');
  await expect(page.getByTestId('allergy-panel-coverage')).toContainText('รวมทุกโรงพยาบาลที่ผู้ป่วยแชร์ (5 แห่ง)');
  await expect(page.getByTestId('allergy-crosscheck-coverage')).toHaveCount(0);
});

test('with one hospital failing, the emergency summary and its IPS export name it', async ({ page }) => {
  await sandboxControl('/_sandbox/faults', { '13781': { errorRate: 1 } });
  await signInAt(page, 'ว.23456', '135790', '11535');
  await page.goto('/emergency');
  const field = page.getByLabel(/เลขประจำตัวประชาชน 13 หลัก/);
  await field.fill('3-1004-00890-12-1'); // Ekkachai: shares with Siriraj
  await field.press('Enter');
  await page.getByRole('radio', { name: 'ผู้ป่วยหมดสติ' }).check();
  await page.getByLabel('รายละเอียดสถานการณ์').fill('ผู้ป่วยหมดสติ GCS 6 ไม่มีญาติมาด้วย');
  await page.getByRole('checkbox', { name: /ยืนยันว่าเป็นกรณีฉุกเฉินจริง/ }).check();
  await page.getByLabel('ยืนยันตัวตนด้วย PIN แพทยสภาอีกครั้ง').fill('135790');
  await page.getByRole('button', { name: 'เปิดข้อมูลฉุกเฉิน' }).click();
  await page.waitForURL(/\/patient\/[0-9a-f-]{36}\/emergency$/);
  const accessId = /\/patient\/([0-9a-f-]{36})\/emergency/.exec(page.url())![1]!;

  await expectLacks(page.getByTestId('summary-coverage'), 'โรงพยาบาลศิริราช', 'ดึงข้อมูลไม่สำเร็จ');
  await expect(page.getByTestId('summary-allergy-crosscheck')).toContainText('การตรวจสอบยา–การแพ้ยายังไม่ครบ: ไม่มีข้อมูลจาก โรงพยาบาลศิริราช');
  await expect(page.getByTestId('summary-medication-crosscheck')).toContainText('โรงพยาบาลศิริราช');
  await expectAccessible(page);

  const res = await page.request.get(`/patient/${accessId}/emergency/ips`);
  expect(res.status()).toBe(200);
  const bundle = (await res.json()) as { entry: { resource: { resourceType: string; section?: { text: { div: string } }[] } }[] };
  const sections = bundle.entry[0]!.resource.section ?? [];
  expect(sections.length).toBeGreaterThan(0);
  for (const s of sections) expect(s.text.div).toContain('Does not include: Siriraj Hospital (request failed)');

  await page.getByRole('button', { name: 'สิ้นสุดการเข้าถึงฉุกเฉิน' }).click();
  await page.waitForURL(/\/emergency\?ended=1$/);
});
