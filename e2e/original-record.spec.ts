import { expect, test, type Page } from '@playwright/test';
import { consentTo, expectAccessible, signInAt, signInDoctor } from './support';

// Dr Prasert (ว.23456) at Rajavithi opens Somsri's record with her consent; Dr Thanakorn (ว.13579) is the
// other doctor who must get nothing from the same URL.
async function openSomsriAtRajavithi(page: Page): Promise<string> {
  await signInAt(page, 'ว.23456', '135790', '10661');
  await consentTo(page, '3100400123456', '0812345678');
  return /\/patient\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
}

test('the drawer shows a record as the hospital sent it (lazily, axe-clean), and its route refuses another doctor', async ({
  page,
  browser,
}) => {
  const accessId = await openSomsriAtRajavithi(page);
  await expect(page.locator('[data-hospital="11535"]')).toHaveAttribute('data-status', 'answered', { timeout: 20_000 });

  // Nothing of Mantine or @medplum/react is loaded with the record page.
  const scripts: string[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.push(r.url());
  });

  await page.getByLabel('ประเภท').selectOption('allergy');
  await page.getByLabel('โรงพยาบาล', { exact: true }).selectOption('11535');
  await page.getByTestId('timeline-entry').first().getByRole('button').click();
  const detail = page.getByRole('dialog');
  const open = detail.getByRole('button', { name: /ดูข้อมูลต้นฉบับจากโรงพยาบาล/ }).first();
  await expect(open).toHaveAttribute('aria-expanded', 'false');

  const read = page.waitForResponse((r) => /\/api\/access\/[0-9a-f-]{36}\/hospitals\/\d{5}\/resources\//.test(r.url()));
  await open.click();
  const response = await read;
  expect(response.status()).toBe(200);
  const original = detail.getByTestId('original-record');
  await expect(original).toBeVisible();
  await expect(original).toContainText(/Clinical Status|Code/);
  await expect(detail.getByRole('button', { name: /ซ่อนข้อมูลต้นฉบับ/ })).toHaveAttribute('aria-expanded', 'true');
  // The view's code came with the click, in its own chunk(s).
  expect(scripts.length).toBeGreaterThan(0);
  await expectAccessible(page);

  // The same URL from another doctor's session: refused, nothing of the record in the answer.
  const url = new URL(response.url()).pathname;
  const body = (await response.json()) as { resource: { id: string } };
  const other = await (await browser.newContext()).newPage();
  await signInDoctor(other, 'ว.13579', '303030');
  await other.waitForURL(/\/patients$/);
  const refused = await other.request.get(url);
  expect(refused.status()).toBe(403);
  expect(await refused.text()).not.toContain(body.resource.id);
  // And with no session at all.
  const anonymous = await (await browser.newContext()).request.get(new URL(url, page.url()).toString());
  expect([401, 403]).toContain(anonymous.status());
  // It is still there for its own doctor.
  expect((await page.request.get(url)).status()).toBe(200);
  expect(url).toContain(accessId);
});
