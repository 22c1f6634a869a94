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

test('a ward tablet can install the viewer: icons, a Thai web app manifest, and no page in any search index', async ({ page, request }) => {
  await page.goto('/login');
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(manifestHref).toBe('/manifest.webmanifest');
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute('href', '/icons/apple-touch-icon.png');
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', '#0f5f73');

  const manifest = await request.get(manifestHref!);
  expect(manifest.status()).toBe(200);
  expect(manifest.headers()['x-content-type-options']).toBe('nosniff');
  const body = (await manifest.json()) as {
    lang: string;
    display: string;
    short_name: string;
    start_url: string;
    icons: { src: string; type: string }[];
  };
  expect(body).toMatchObject({ lang: 'th', display: 'standalone', short_name: 'ดูข้อมูลสุขภาพ', start_url: '/patients' });
  for (const icon of [...body.icons, { src: '/favicon.ico', type: 'image/' }]) {
    const res = await request.get(icon.src);
    expect(res.status(), icon.src).toBe(200);
    expect(res.headers()['content-type']).toContain(icon.type.split('+')[0]);
    expect(res.headers()['x-content-type-options']).toBe('nosniff');
    expect(res.headers()['x-frame-options']).toBe('DENY');
  }

  const robots = await request.get('/robots.txt');
  expect(robots.status()).toBe(200);
  expect(await robots.text()).toMatch(/User-agent: \*\s+Disallow: \/\s*$/);
  expect(robots.headers()['referrer-policy']).toBe('no-referrer');
});

test('pages are isolated from other origins, and CSP violations are reported without keeping anything personal', async ({ request }) => {
  const page = await request.get('/login');
  expect(page.headers()['cross-origin-opener-policy']).toBe('same-origin');
  expect(page.headers()['cross-origin-resource-policy']).toBe('same-origin');
  expect(page.headers()['content-security-policy']).toContain('report-uri /api/csp-report');

  const report = {
    'csp-report': {
      'document-uri': 'http://localhost/patient/x?cid=3100400123456',
      'violated-directive': 'script-src-elem',
      'blocked-uri': 'https://evil.example/x.js',
    },
  };
  const res = await request.post('/api/csp-report', {
    headers: { 'Content-Type': 'application/csp-report' },
    data: JSON.stringify(report),
  });
  expect(res.status()).toBe(204);
  const tooLarge = await request.post('/api/csp-report', {
    headers: { 'Content-Type': 'application/csp-report' },
    data: 'x'.repeat(20_000),
  });
  expect(tooLarge.status()).toBe(413);

  const metrics = await (await request.get('/api/metrics', { headers: { Authorization: 'Bearer demo-metrics-token-0123456789' } })).text();
  expect(metrics).toMatch(/hl_csp_reports_total\{directive="script-src-elem",outcome="accepted"\} [1-9]/);
  expect(metrics).not.toContain('3100400123456');
});
