import { expect, test } from '@playwright/test';
import { expectAccessible, signInDoctor } from './support';

test('the sign-in page is served in Thai with security headers and no accessibility violations', async ({ page }) => {
  const response = await page.goto('/login');
  expect(response?.status()).toBe(200);
  const headers = response!.headers();
  expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['cache-control']).toContain('no-store');
  await expect(page.locator('html')).toHaveAttribute('lang', 'th');
  await expect(page.getByRole('heading', { name: 'เข้าสู่ระบบสำหรับแพทย์' })).toBeVisible();
  await expectAccessible(page);
});

test('health reports the database', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: 'ok', db: 'ok', dbKind: 'pglite' });
});

test('language and calendar switch are remembered', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Physician sign-in' })).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'ไทย' }).click();
  await expect(page.getByRole('heading', { name: 'เข้าสู่ระบบสำหรับแพทย์' })).toBeVisible();
});

test('bad licence format is a field error and never reaches the registry', async ({ page }) => {
  await signInDoctor(page, 'abc', '12');
  await expect(page.getByText('เลข ว. ต้องเป็นตัวเลข 4–6 หลัก เช่น ว.12345')).toBeVisible();
  await expect(page.getByText('PIN ต้องเป็นตัวเลข 6 หลัก')).toBeVisible();
  await expectAccessible(page);
});
