import { expect, test } from '@playwright/test';
import { consentTo, signInDoctor } from './support';

test('measure stress vitals tab long tasks', async ({ page }) => {
  test.setTimeout(300_000);
  await signInDoctor(page, 'ว.34567', '112233');
  await page.waitForURL(/\/select-hospital$/);
  await page.getByRole('button', { name: /11535/ }).click();
  await page.waitForURL(/\/patients$/);
  await consentTo(page, '3100400678903', '0867890123');
  for (const h of ['11535', '10661', '13781', '24001', '41001', '10702', '11536'])
    await expect(page.locator(`[data-hospital="${h}"]`)).toHaveAttribute('data-status', /answered|no-data/, { timeout: 120_000 });
  await page.waitForTimeout(3000);
  await page.evaluate(() => {
    (window as unknown as { __lt: number[] }).__lt = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) (window as unknown as { __lt: number[] }).__lt.push(Math.round(e.duration));
    }).observe({ type: 'longtask', buffered: false });
  });
  const t0 = Date.now();
  await page.getByRole('tab', { name: /สัญญาณชีพ/ }).click();
  const grid = page.getByRole('grid');
  await expect(grid).toBeVisible();
  await expect(page.getByTestId('bp-chart')).toBeVisible();
  console.log('tab visible after ms', Date.now() - t0);
  await page.waitForTimeout(2000);
  const afterTab = await page.evaluate(() => (window as unknown as { __lt: number[] }).__lt.slice());
  console.log('long tasks opening the tab (ms each):', JSON.stringify(afterTab));
  console.log('grid size', await grid.getAttribute('aria-rowcount'), await grid.getAttribute('aria-colcount'));
  console.log('rendered cells', await grid.locator('[role=gridcell]').count());
  await grid.locator('[data-pos="1:1"]').focus();
  await page.evaluate(() => ((window as unknown as { __lt: number[] }).__lt = []));
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('End');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('Control+Home');
  await page.waitForTimeout(1000);
  console.log('long tasks moving through the grid:', JSON.stringify(await page.evaluate(() => (window as unknown as { __lt: number[] }).__lt)));
  await page.evaluate(() => ((window as unknown as { __lt: number[] }).__lt = []));
  await page.getByLabel('กราฟ').selectOption('temperature');
  await page.waitForTimeout(1500);
  console.log('long tasks switching chart:', JSON.stringify(await page.evaluate(() => (window as unknown as { __lt: number[] }).__lt)));
});
