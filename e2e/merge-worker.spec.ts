import { expect, test, type Page } from '@playwright/test';
import { consentTo, signInDoctor } from './support';

async function signInAtKlang(page: Page): Promise<void> {
  await signInDoctor(page, 'ว.34567', '112233');
  await page.waitForURL(/\/select-hospital$/);
  await page.getByRole('button', { name: /11535/ }).click();
  await page.waitForURL(/\/patients$/);
}

/** Waits until no hospital in the coverage ledger is "waiting"; answers each hospital's status. */
async function ledger(page: Page): Promise<Record<string, string>> {
  const rows = page.locator('[data-testid="coverage-ledger"] [data-hospital][data-status]');
  await expect(rows.first()).toBeVisible();
  await expect.poll(() => rows.evaluateAll((els) => els.filter((e) => e.getAttribute('data-status') === 'waiting').length)).toBe(0);
  const pairs = await rows.evaluateAll((els) =>
    els.map((e): [string, string] => [e.getAttribute('data-hospital') ?? '', e.getAttribute('data-status') ?? '']),
  );
  return Object.fromEntries(pairs);
}

/** What the physician sees of the merged record: the timeline's counter, the conflicts and the panels' rows. */
async function onScreen(page: Page) {
  await expect(page.getByTestId('med-conflict').first()).toBeVisible();
  return {
    ledger: await ledger(page),
    counter: (await page.locator('#timeline-title').textContent()) ?? '',
    allergies: await page.getByTestId('allergy-row').allTextContents(),
    conflicts: await page.getByTestId('med-conflict').count(),
    crossChecks: await page.getByTestId('cross-check').count(),
  };
}

test('the record is merged in a worker the page is allowed to start, and merges the same without one', async ({ page, context }) => {
  const workers: string[] = [];
  const refused: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) refused.push(m.text());
  });
  await signInAtKlang(page);
  await consentTo(page, '3100400123456', '0812345678');
  const withWorker = await onScreen(page);
  expect(workers.some((url) => url.startsWith(new URL(page.url()).origin))).toBe(true);
  expect(refused).toEqual([]);
  expect(Object.values(withWorker.ledger)).toContain('answered');

  // A browser without workers (here: none at all) merges on the page itself, to the same record.
  const old = await context.newPage();
  await old.addInitScript('Object.defineProperty(window, "Worker", { value: undefined, configurable: true });');
  const oldWorkers: string[] = [];
  old.on('worker', (w) => oldWorkers.push(w.url()));
  await old.goto(page.url());
  expect(await onScreen(old)).toEqual(withWorker);
  expect(oldWorkers).toEqual([]);
});
