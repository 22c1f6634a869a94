import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, signInDoctor, nextTotpCode, DEMO_SERVICE_TOKEN } from './support';

// Reading the audit trail is the privacy officer's work, not the hospital admin's (docs/security.md).
const KLANG = { username: 'privacy11535', password: 'Klang-Privacy-2569!', totpSecret: 'KLANGPRIVACYOFFICERDEMQTOTPSECRT' };
const RAJAVITHI = { username: 'privacy10661', password: 'Rajavithi-Privacy-2569!', totpSecret: 'RAJAVITHIPRIVACYOFFICERDEMQTOTPS' };
const SERVICE_TOKEN = DEMO_SERVICE_TOKEN;
const SOMSRI = '3100400123456';
const CSV_HEADER =
  'seq,at,actor_type,actor_id,actor_role,hospital_code,action,outcome,patient_cid,purpose,access_ref,client_ip,request_id,details';

// Each TOTP step may be used once per admin: take the next unused one, waiting if it would run ahead of the clock.

/** Signs an admin in through next-auth's credentials endpoint; the session cookie lands in the page's context. */
async function signInAdmin(page: Page, admin: typeof KLANG): Promise<void> {
  const csrf = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await page.request.post('/api/auth/callback/admin', {
    form: {
      csrfToken: csrf.csrfToken,
      username: admin.username,
      password: admin.password,
      totp: await nextTotpCode(admin.username, admin.totpSecret),
      json: 'true',
    },
  });
  expect(res.ok()).toBe(true);
  await page.goto('/admin/audit');
  await expect(page.getByRole('heading', { name: 'บันทึกการใช้งาน', level: 1 })).toBeVisible();
}

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test.describe.configure({ mode: 'serial' });

test('a doctor sign-in is visible to the admin of that hospital only', async ({ page, browser }) => {
  const doctor = await newPage(browser);
  await signInDoctor(doctor, 'ว.12345', '246810');
  await doctor.waitForURL(/\/patients$/);
  await doctor.getByLabel('เลขประจำตัวประชาชน 13 หลัก').fill(SOMSRI);
  await doctor.getByRole('button', { name: 'ค้นหาผู้ป่วย' }).click();
  await doctor.waitForTimeout(1500);

  await signInAdmin(page, KLANG);
  await page.getByLabel('เลข ว. ของแพทย์').fill('ว.12345');
  await page.getByLabel('เหตุการณ์').selectOption('sign-in');
  await page.getByRole('button', { name: 'ค้นหา', exact: true }).click();
  await expect(page).toHaveURL(/action=sign-in/);
  const rows = page.locator('tbody tr[data-action="sign-in"]');
  await expect(rows.first()).toContainText('ว.12345');
  await expectAccessible(page);

  // A bad citizen ID is explained, not searched.
  await page.goto('/admin/audit?patient=1234567890123');
  await expect(page.getByText('เลขประจำตัวประชาชนไม่ถูกต้อง')).toBeVisible();
  await expectAccessible(page);

  const other = await newPage(browser);
  await signInAdmin(other, RAJAVITHI);
  await other.goto('/admin/audit?doctor=12345');
  await expect(other.getByText('ไม่พบรายการที่ตรงกับตัวกรอง')).toBeVisible();
  await expect(other.locator('tbody tr[data-action="sign-in"]')).toHaveCount(0);
  // Rajavithi's own rows are there (its admin's reads of the log are themselves recorded).
  await other.goto('/admin/audit');
  await expect(other.locator('tbody tr[data-action="access-log-read"]').first()).toBeVisible();
  await expect(other.locator('tbody')).not.toContainText('ว.12345');
});

test('CSV export downloads with BOM and the agreed columns, own hospital only', async ({ page }) => {
  await signInAdmin(page, KLANG);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'ดาวน์โหลด CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^audit-11535-\d{4}-\d{2}-\d{2}\.csv$/);
  const res = await page.request.get('/admin/audit/export?action=sign-in');
  expect(res.headers()['content-type']).toContain('text/csv');
  const text = (await res.body()).toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const [header, ...lines] = text.slice(1).trim().split('\r\n');
  expect(header).toBe(CSV_HEADER);
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.every((l) => l.split(',')[5] === '11535' && l.split(',')[6] === 'sign-in')).toBe(true);
  // The export itself is in the log.
  await page.goto('/admin/audit?action=audit-export');
  await expect(page.locator('tbody tr[data-action="audit-export"]').first()).toBeVisible();
});

test('export and pages refuse without an admin session', async ({ page }) => {
  const res = await page.request.get('/admin/audit/export', { maxRedirects: 0 });
  expect(res.status()).toBe(401);
  await page.goto('/admin/audit');
  await expect(page).toHaveURL(/\/admin\/login/);
  await page.goto('/admin/reviews');
  await expect(page).toHaveURL(/\/admin\/login/);
  await page.goto('/admin/patient-access');
  await expect(page).toHaveURL(/\/admin\/login/);
});

test('emergency review queue and patient access report are accessible', async ({ page }) => {
  await signInAdmin(page, KLANG);
  await page.goto('/admin/reviews?show=all');
  await expect(page.getByRole('heading', { name: 'ทบทวนการเข้าถึงฉุกเฉิน', level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.goto('/admin/patient-access');
  await page.getByLabel('เลขประจำตัวประชาชน 13 หลัก').fill(SOMSRI);
  await page.getByRole('button', { name: 'ดูรายงาน' }).click();
  await expect(page).toHaveURL(new RegExp(`cid=${SOMSRI}`));
  await expect(page.getByText(/พบ \d+ รายการ|ไม่พบการเข้าถึงข้อมูล/)).toBeVisible();
  await expectAccessible(page);
});

test('patient access-log API needs the service token', async ({ request }) => {
  const refused = await request.get(`/api/patients/${SOMSRI}/access-log`);
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { resourceType: string }).resourceType).toBe('OperationOutcome');
  const wrong = await request.get(`/api/patients/${SOMSRI}/access-log`, {
    headers: { authorization: 'Bearer not-the-token-0000000000000' },
  });
  expect(wrong.status()).toBe(401);
  const bad = await request.get('/api/patients/1234567890123/access-log', { headers: { authorization: `Bearer ${SERVICE_TOKEN}` } });
  expect(bad.status()).toBe(400);
  const ok = await request.get(`/api/patients/${SOMSRI}/access-log`, { headers: { authorization: `Bearer ${SERVICE_TOKEN}` } });
  expect(ok.status()).toBe(200);
  const body = (await ok.json()) as { entries: { action: string; hospitalCode: string | null }[] };
  expect(body.entries.some((e) => e.action === 'patient-lookup' && e.hospitalCode === '11535')).toBe(true);
  expect(body.entries.every((e) => e.action !== 'sign-in')).toBe(true);

  const fhir = await request.get(`/api/audit/AuditEvent?patient=${SOMSRI}&date=ge2020-01-01&_count=10`, {
    headers: { authorization: `Bearer ${SERVICE_TOKEN}` },
  });
  expect(fhir.status()).toBe(200);
  const bundle = (await fhir.json()) as { resourceType: string; type: string; entry: { resource: { resourceType: string } }[] };
  expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset' });
  expect(bundle.entry.length).toBeGreaterThan(0);
  expect(bundle.entry.every((e) => e.resource.resourceType === 'AuditEvent')).toBe(true);
  expect((await request.get(`/api/audit/AuditEvent?patient=${SOMSRI}`)).status()).toBe(401);
});

test('an emergency access is reviewed by its own hospital only, and the review is in the log', async ({ page, browser, baseURL }) => {
  const doctor = await newPage(browser);
  await signInDoctor(doctor, 'ว.67890', '202020');
  await doctor.waitForURL((url) => !url.pathname.startsWith('/login'));
  const headers = { origin: baseURL!, 'content-type': 'application/json' };
  expect((await doctor.request.post('/emergency/lookup', { headers, data: { cid: '3100400890121' } })).status()).toBe(200);
  const start = await doctor.request.post('/emergency/access', {
    headers,
    data: { cid: '3100400890121', reasonCode: 'unconscious', reasonText: 'ผู้ป่วยหมดสติ GCS 6 ไม่มีญาติมาด้วย', attestation: true, pin: '202020' },
  });
  expect(start.status()).toBe(201);

  // Klang's admin does not see Rajavithi's emergency accesses.
  await signInAdmin(page, KLANG);
  await page.goto('/admin/reviews?show=all');
  await expect(page.getByText('ว.67890')).toHaveCount(0);

  const raj = await newPage(browser);
  await signInAdmin(raj, RAJAVITHI);
  await raj.goto('/admin/reviews');
  const item = raj.locator('li[data-access-id]').filter({ hasText: 'ว.67890' }).first();
  await expect(item).toContainText('รอทบทวน');
  await expect(item).toContainText('ผู้ป่วยหมดสติ GCS 6');
  await item.getByRole('radio', { name: 'เหมาะสม', exact: true }).check();
  await item.getByLabel('ความเห็น (อย่างน้อย 5 ตัวอักษร)').fill('ok');
  await item.getByRole('button', { name: 'บันทึกผลการทบทวน' }).click();
  await expect(item.getByText('กรุณาเขียนความเห็นอย่างน้อย 5 ตัวอักษร')).toBeVisible();
  await expectAccessible(raj);
  await item.getByLabel('ความเห็น (อย่างน้อย 5 ตัวอักษร)').fill('ผู้ป่วยหมดสติจริง ตรวจสอบแล้ว');
  await item.getByRole('button', { name: 'บันทึกผลการทบทวน' }).click();
  await expect(raj.getByRole('status').filter({ hasText: 'บันทึกผลการทบทวนแล้ว' })).toBeVisible();
  await expect(raj.locator('li[data-access-id]').filter({ hasText: 'ว.67890' })).toHaveCount(0);
  await raj.goto('/admin/reviews?show=justified');
  await expect(raj.locator('li[data-access-id]').filter({ hasText: 'ว.67890' }).first()).toContainText('ทบทวนโดย');

  await raj.goto('/admin/audit?purpose=ETREAT');
  await expect(raj.locator('tbody tr[data-action="emergency-review"]').first()).toContainText('เหมาะสม');
  await expect(raj.locator('tbody tr[data-action="emergency-start"]').first()).toContainText('เหมาะสม');
  await expectAccessible(raj);
});
