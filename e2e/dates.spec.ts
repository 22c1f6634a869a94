import { expect, test, type Page } from '@playwright/test';
import { consentTo, expectAccessible, nextTotpCode, signInAt } from './support';

// Dr Kamonwan at Klang and Somsri: one more consent than the timeline spec's, within the per-pair limit.
async function openSomsrisRecord(page: Page): Promise<void> {
  await signInAt(page, 'ว.34567', '112233', '11535');
  await consentTo(page, '3100400123456', '0812345678');
  // The ledger appears once the exchange's re-check has answered; then every hospital leaves "waiting".
  await expect(page.getByTestId('coverage-ledger')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('[data-hospital][data-status="waiting"]')).toHaveCount(0, { timeout: 20_000 });
}

/** "(visible / total)" from the timeline heading. */
async function timelineCounts(page: Page): Promise<[number, number]> {
  const text = (await page.locator('#timeline-title').textContent()) ?? '';
  const m = /\(([\d,]+) \/ ([\d,]+)\)/.exec(text);
  expect(m).not.toBeNull();
  return [Number(m![1]!.replace(/,/g, '')), Number(m![2]!.replace(/,/g, ''))];
}

test('the record filter takes Buddhist-era dates typed in Thai: 01/01/2569 keeps 2026 on', async ({ page }) => {
  await openSomsrisRecord(page);
  const [, total] = await timelineCounts(page);
  const from = page.getByLabel('ตั้งแต่วันที่');
  await expect(from).toHaveAttribute('type', 'text');
  await expect(page.getByText('วว/ดด/ปปปป (พ.ศ.)').first()).toBeVisible();

  // Keyboard only: focus the field, type, move on.
  await from.focus();
  await page.keyboard.type('01/01/2569');
  await page.keyboard.press('Tab');
  await expect.poll(async () => (await timelineCounts(page))[0]).toBeLessThan(total);
  const [visible] = await timelineCounts(page);
  expect(visible).toBeGreaterThan(0);
  // Every row drawn is from 2569 (2026) or later: the typed year was read as Buddhist era, not as 2569 CE.
  const shown = await page.getByTestId('timeline-entry').locator('span.w-28').allTextContents();
  expect(shown.length).toBeGreaterThan(0);
  for (const d of shown) expect(Number(/(\d{4})$/.exec(d.trim())?.[1])).toBeGreaterThanOrEqual(2569);
  await expectAccessible(page);

  // An impossible day is explained in Thai, kept as typed, and filters nothing.
  await from.fill('31/02/2569');
  await page.keyboard.press('Tab');
  await expect(page.getByText('วันที่ไม่ถูกต้อง: ไม่มีวันที่ 31/02/2569 ในปฏิทิน')).toBeVisible();
  await expect(from).toHaveValue('31/02/2569');
  await expect(from).toHaveAttribute('aria-invalid', 'true');
  await expect.poll(async () => (await timelineCounts(page))[0]).toBe(total);
  await expectAccessible(page);

  // A Gregorian year typed with พ.ศ. chosen is caught, not read as 1483.
  await from.fill('01/01/2026');
  await page.keyboard.press('Tab');
  await expect(page.getByText(/ปี 2026 ดูเป็นปี ค\.ศ\. กรุณาใส่ปี พ\.ศ\. \(เช่น 2569\)/)).toBeVisible();
});

// The audit log is the privacy officer's (docs/security.md).
const RAJAVITHI = { username: 'privacy10661', password: 'Rajavithi-Privacy-2569!', totpSecret: 'RAJAVITHIPRIVACYOFFICERDEMQTOTPS' };

test('the audit filter submits the Buddhist-era date as ISO and refuses an impossible one before sending', async ({ page }) => {
  const csrf = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await page.request.post('/api/auth/callback/admin', {
    form: {
      csrfToken: csrf.csrfToken,
      username: RAJAVITHI.username,
      password: RAJAVITHI.password,
      totp: await nextTotpCode(RAJAVITHI.username, RAJAVITHI.totpSecret),
      json: 'true',
    },
  });
  expect(res.ok()).toBe(true);
  await page.goto('/admin/audit');

  const from = page.getByLabel('ตั้งแต่วันที่');
  await from.fill('31/02/2569');
  await page.getByRole('button', { name: 'ค้นหา', exact: true }).click();
  await expect(page.getByText('วันที่ไม่ถูกต้อง: ไม่มีวันที่ 31/02/2569 ในปฏิทิน')).toBeVisible();
  await expect(page).not.toHaveURL(/from=/);

  await from.fill('01/01/2569');
  await page.getByRole('button', { name: 'ค้นหา', exact: true }).click();
  await expect(page).toHaveURL(/from=2026-01-01/);
  // Shown back in the chosen calendar, the period too.
  await expect(page.getByLabel('ตั้งแต่วันที่')).toHaveValue('01/01/2569');
  await expect(page.getByText('ช่วงวันที่ที่เลือก: 1 ม.ค. 2569')).toBeVisible();
  await expectAccessible(page);
});
