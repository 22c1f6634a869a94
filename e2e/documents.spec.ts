import { expect, test, type Page } from '@playwright/test';
import { consentTo, DEMO_SERVICE_TOKEN, expectAccessible, signInAt } from './support';

const SOMSRI = { cid: '3100400123456', phone: '0812345678' };
const BOONCHAI = { cid: '3100400234568', phone: '0823456789' };

// Dr Kamonwan at Klang, as the timeline spec does; another doctor for the refusal.
async function signInAtKlang(page: Page, licence = 'ว.34567', pin = '112233'): Promise<void> {
  await signInAt(page, licence, pin, '11535');
}

const accessIdOf = (page: Page): string => /\/patient\/([0-9a-f-]{36})$/.exec(page.url())![1]!;

/** This access's document-open rows in the patient's access log (the patient app's view of the audit trail). */
async function documentOpens(page: Page, cid: string, accessId: string): Promise<{ outcome: string }[]> {
  const res = await page.request.get(`/api/patients/${cid}/access-log`, { headers: { authorization: `Bearer ${DEMO_SERVICE_TOKEN}` } });
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { entries: { action: string; accessRef: string | null; outcome: string }[] };
  return body.entries.filter((e) => e.action === 'document-open' && e.accessRef === accessId);
}

/** The document facts one hospital sends for this access (ids of sealed ones included, content not). */
async function documentFacts(
  page: Page,
  accessId: string,
  hcode: string,
): Promise<{ id: string; kind: string; labels?: string[]; contentKind?: string }[]> {
  const res = await page.request.get(`/api/access/${accessId}/hospitals/${hcode}`);
  expect(res.status()).toBe(200);
  const view = (await res.json()) as { facts: { id: string; kind: string; labels?: string[]; contentKind?: string }[] };
  return view.facts.filter((f) => f.kind === 'document');
}

test('a discharge summary and a PDF open from the timeline, each opening audited', async ({ page }) => {
  page.on('dialog', () => {
    throw new Error('a document ran script in the page');
  });
  await signInAtKlang(page);
  await consentTo(page, SOMSRI.cid, SOMSRI.phone);
  const accessId = accessIdOf(page);
  for (const h of ['10661', '11535', '24001'])
    await expect(page.locator(`[data-hospital="${h}"]`)).toHaveAttribute('data-status', 'answered');
  const before = (await documentOpens(page, SOMSRI.cid, accessId)).length;

  await page.getByLabel('ประเภท').selectOption('document');
  await page.getByRole('button', { name: 'สรุปการจำหน่าย: ปอดอักเสบ / Discharge summary: community-acquired pneumonia' }).click();
  const viewer = page.getByTestId('document-viewer');
  await expect(viewer.getByTestId('document-sections')).toContainText('การรักษาในโรงพยาบาล / Hospital course');
  await expect(viewer.getByTestId('document-sections')).toContainText('Ceftriaxone 2 g IV daily');
  await expectAccessible(page);
  await viewer.getByRole('button', { name: 'ปิด' }).click();

  // The chest X-ray's full report is a PDF: the viewer offers it in the browser's own viewer.
  await page.getByRole('button', { name: 'ผลอ่านเอกซเรย์ทรวงอกฉบับเต็ม / Chest X-ray full report' }).click();
  const pdfLink = viewer.getByRole('link', { name: 'เปิด PDF ในแท็บใหม่' });
  await expect(pdfLink).toHaveAttribute('target', '_blank');
  const pdf = await page.request.get((await pdfLink.getAttribute('href'))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect(pdf.headers()['content-disposition']).toMatch(/^inline; filename="10661-doc-[A-Za-z0-9.-]+\.pdf"$/);
  expect(pdf.headers()['x-content-type-options']).toBe('nosniff');
  expect(pdf.headers()['content-security-policy']).toMatch(/^sandbox;/);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await viewer.getByRole('button', { name: 'ปิด' }).click();

  // A hospital's HTML letter with a script, an image and a javascript: link shows as text only.
  await page.getByRole('button', { name: 'Gastroenterology clinic letter' }).click();
  await expect(viewer.getByTestId('document-html')).toContainText('H. pylori');
  expect(await viewer.getByTestId('document-html').locator('script, img, a, [onclick], [style]').count()).toBe(0);
  await viewer.getByRole('button', { name: 'ปิด' }).click();

  // One audit row per opened document: the summary, the PDF and the letter.
  expect((await documentOpens(page, SOMSRI.cid, accessId)).length - before).toBe(3);

  // The Documents tab lists them with type, hospital and author organisation.
  await page.getByRole('tab', { name: /^เอกสาร/ }).click();
  const list = page.getByTestId('document-list');
  await expect(list.getByTestId('document-item').filter({ hasText: 'ส่งตัวปรึกษาอายุรแพทย์โรคไต' })).toContainText('โรงพยาบาลกลาง');
  await expect(list.getByTestId('document-item').filter({ hasText: 'Diabetes clinic visit summary' })).toContainText('Vital signs');
  await expectAccessible(page);
});

test('a sealed document stays sealed, broken attachments say why, and another doctor is refused', async ({ page, browser }) => {
  await signInAtKlang(page);
  await consentTo(page, BOONCHAI.cid, BOONCHAI.phone);
  const accessId = accessIdOf(page);
  for (const h of ['11536', '10702', '13781'])
    await expect(page.locator(`[data-hospital="${h}"]`)).toHaveAttribute('data-status', 'answered');

  await page.getByRole('tab', { name: /^เอกสาร/ }).click();
  const list = page.getByTestId('document-list');
  // Four documents that cannot be opened, each with its own message; the rest of the record is unaffected.
  const problems = list.getByTestId('document-problem');
  await expect(problems).toHaveCount(4);
  await expect(list.locator('[data-problem="missing"]')).toContainText('ไม่มีไฟล์แนบ');
  await expect(list.locator('[data-problem="oversized"]')).toContainText('ไฟล์ใหญ่เกินกว่าจะเปิดในระบบ');
  await expect(list.locator('[data-problem="wrong-type"]')).toContainText('ไฟล์ไม่ตรงกับชนิดที่ระบุไว้');
  await expect(list.locator('[data-problem="unreachable"]')).toContainText('เข้าถึงไฟล์ไม่ได้');
  await expect(
    list.getByTestId('document-item').filter({ hasText: 'โรคหลอดเลือดสมองตีบ' }).getByRole('link', { name: 'เปิด PDF ในแท็บใหม่' }),
  ).toBeVisible();

  // The psychiatry letter is a stub: no title, no content, in the list and on the server.
  await expect(list.getByTestId('document-sealed')).toHaveCount(1);
  await expect(list).not.toContainText('จิตเวช');
  await expectAccessible(page);
  const sealed = (await documentFacts(page, accessId, '13781')).find((f) => f.labels !== undefined)!;
  expect(sealed.labels).toContain('PSY');
  const [hcode, type, id] = sealed.id.split('/');
  const view = await page.request.get(`/api/access/${accessId}/documents/${hcode}/${type}/${id}`);
  expect(await view.json()).toEqual({ ok: false, reason: 'sealed' });
  const file = await page.request.get(`/api/access/${accessId}/documents/${hcode}/${type}/${id}/content`);
  expect(file.status()).toBe(403);
  expect(await file.text()).not.toContain('sertraline');

  // Another doctor holding this access id gets nothing.
  const pdf = (await documentFacts(page, accessId, '10702')).find((f) => f.contentKind === 'pdf')!;
  const [ph, pt, pid] = pdf.id.split('/');
  const own = await page.request.get(`/api/access/${accessId}/documents/${ph}/${pt}/${pid}/content`);
  expect(own.status()).toBe(200);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInAtKlang(otherPage, 'ว.12345', '246810');
  for (const path of [
    `/api/access/${accessId}/documents/${ph}/${pt}/${pid}`,
    `/api/access/${accessId}/documents/${ph}/${pt}/${pid}/content`,
  ]) {
    const refused = await otherPage.request.get(path);
    expect([403, 404]).toContain(refused.status());
    expect((await refused.body()).subarray(0, 5).toString()).not.toBe('%PDF-');
  }
  await other.close();
});
