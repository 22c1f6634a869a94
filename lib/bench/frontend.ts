/**
 * Front-end benchmark of the patient record page against an ALREADY RUNNING app (and its sandbox exchange):
 *  1. signs in as Dr ว.34567 at Klang Hospital (11535) and consents to the stress patient (≥ 20,000 resources
 *     at 12 hospitals) through the real UI, reading the OTP from the sandbox SMS inbox;
 *  2. loads /patient/<accessId> in a fresh browser context (empty HTTP cache) and adds up the gzip size of
 *     every same-origin script it loaded (goal ≤ 250 KB), then clicks the Labs tab and reports the lazily
 *     loaded charting chunk separately;
 *  3. waits for every hospital in the coverage ledger, counts the timeline entries, and scrolls the whole
 *     virtualised timeline while a PerformanceObserver records long tasks (goal: longest ≤ 50 ms).
 * Prints a table and writes bench-results/frontend.json. The Lighthouse score comes from `npx lighthouse@12`
 * (fetched from the npm registry on first use; not a project dependency) run against the same Chromium.
 *
 * Run: BENCH_APP_URL=http://localhost:3000 BENCH_SANDBOX_URL=http://127.0.0.1:4010 npx tsx lib/bench/frontend.ts
 * Options (env): BENCH_SCROLL_STEPS (default 40), BENCH_CID / BENCH_PHONE (default: the stress patient),
 *                BENCH_SMS_TOKEN (default: the sandbox's demo token), BENCH_CHROMIUM (default /usr/bin/chromium),
 *                BENCH_LIGHTHOUSE=0 (skip Lighthouse), BENCH_LIGHTHOUSE_RUNS (default 3 per page; the median is reported).
 */
import { cpus, loadavg } from 'node:os';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import {
  APP_URL,
  CHROMIUM,
  CHROMIUM_ARGS,
  GOALS,
  kb,
  SCROLL_STEPS,
  STRESS_CID,
  STRESS_PHONE,
  TYPICAL_CID,
  TYPICAL_PHONE,
} from './frontend-config';
import { runLighthouse } from './frontend-lighthouse';
import { measureScroll, recordScripts, settle, timelineCount, waitForLedger } from './frontend-page';
import { printFrontendReport, saveFrontendResult } from './frontend-report';
import { consentTo, signInAtKlang } from './frontend-session';
import type { FrontendBenchResult, RecordPageMeasures, ScriptSize, StorageState } from './frontend-types';

export type { FrontendBenchResult, LighthouseResult } from './frontend-types';

/** Signs in and consents to both patients in one context; returns their record URLs and the signed-in state. */
async function consentPatients(browser: Browser): Promise<{ recordUrl: string; typicalUrl: string; state: StorageState }> {
  // 1. Sign in and consent in one context…
  const signIn: BrowserContext = await browser.newContext({ baseURL: APP_URL, viewport: { width: 1366, height: 900 } });
  const first = await signIn.newPage();
  await signInAtKlang(first);
  const recordUrl = await consentTo(first, STRESS_CID, STRESS_PHONE);
  await first.goto(`${APP_URL}/patients`);
  const typicalUrl = await consentTo(first, TYPICAL_CID, TYPICAL_PHONE);
  const state = await signIn.storageState();
  await signIn.close();
  console.log(`consented: ${recordUrl}`);
  return { recordUrl, typicalUrl, state };
}

/** Opens the record in a fresh context, waits for every hospital, scrolls the timeline and opens the Labs tab. */
async function measureRecordPage(browser: Browser, origin: string, recordUrl: string, state: StorageState): Promise<RecordPageMeasures> {
  // 2. …then open the record in a fresh context (same cookies, empty HTTP cache) so every script is counted.
  const context = await browser.newContext({ baseURL: APP_URL, viewport: { width: 1366, height: 900 }, storageState: state });
  // Belt and braces for the note in measureScroll: a no-op __name in the page.
  await context.addInitScript('window.__name = window.__name || ((f) => f);');
  const page = await context.newPage();
  const scripts = recordScripts(page, origin);
  const res = await page.goto(recordUrl, { waitUntil: 'load' });
  if (!res?.ok()) throw new Error(`GET ${recordUrl} answered HTTP ${res?.status() ?? '?'}`);
  if (!/\/patient\/[0-9a-f-]{36}$/.test(page.url())) throw new Error(`the record page redirected to ${page.url()}`);

  // 3. Every hospital answers (or fails); then the page's own JS is all there.
  const hospitals = await waitForLedger(page);
  await settle(page);
  const firstLoadUrls = scripts.urls();
  const count = await timelineCount(page);
  await page.getByTestId('timeline-entry').first().waitFor({ state: 'visible' });

  // Requests made while scrolling (a refetch + re-merge would show up as long tasks that are not the list's).
  let scrollRequests = 0;
  let scrolling = true;
  page.on('request', () => {
    if (scrolling) scrollRequests++;
  });
  const loadBefore = loadavg()[0]!;
  const scroll = await measureScroll(page, SCROLL_STEPS);
  scrolling = false;
  if (process.env.BENCH_DEBUG)
    for (const t of scroll.tasks) console.log(`  long task at ${t.startMs.toFixed(0)} ms: ${t.durationMs.toFixed(0)} ms`);

  // The Labs tab pulls in the charting chunk (recharts) lazily.
  await page.getByRole('tab', { name: /ผลแล็บ|Labs/ }).click();
  await page
    .getByTestId('trend-chart')
    .first()
    .waitFor({ state: 'visible', timeout: 30_000 })
    .catch(() => undefined);
  await settle(page);
  const firstLoadSet = new Set(firstLoadUrls);
  const labsUrls = scripts.urls().filter((u) => !firstLoadSet.has(u));

  const firstLoadSizes = await scripts.sizes(firstLoadUrls);
  const labsSizes = await scripts.sizes(labsUrls);
  await context.close();
  return { hospitals, count, scroll, scrollRequests, loadBefore, firstLoadSizes, labsSizes };
}

export async function runFrontendBench(): Promise<FrontendBenchResult> {
  const origin = new URL(APP_URL).origin;
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const { recordUrl, typicalUrl, state } = await consentPatients(browser);
    const measures = await measureRecordPage(browser, origin, recordUrl, state);
    const { hospitals, count, scroll, scrollRequests, loadBefore, firstLoadSizes, labsSizes } = measures;

    const sum = (xs: ScriptSize[], k: 'rawBytes' | 'gzipBytes'): number => xs.reduce((s, x) => s + x[k], 0);
    const cookieHeader = state.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    // Lighthouse starts a Chromium of its own: this one must not share the 2 cores with it while it measures.
    await browser.close();
    const result: FrontendBenchResult = {
      date: new Date().toISOString(),
      appUrl: APP_URL,
      jsGzipKB: { firstLoad: kb(sum(firstLoadSizes, 'gzipBytes')), labsChunk: kb(sum(labsSizes, 'gzipBytes')) },
      jsScripts: { firstLoad: firstLoadSizes.length, labsChunk: labsSizes.length },
      timelineEntries: count.total,
      hospitals,
      scroll: {
        longestTaskMs: scroll.longestTaskMs,
        totalBlockingMs: scroll.totalBlockingMs,
        longTasks: scroll.longTasks,
        steps: scroll.steps,
        scrollHeightPx: scroll.scrollHeightPx,
        reachedBottom: scroll.reachedBottom,
        durationMs: scroll.durationMs,
        beforeScrollLongestMs: scroll.beforeScrollLongestMs,
        requestsDuringScroll: scrollRequests,
      },
      machine: { cpus: cpus().length, loadAvg1m: Math.round(Math.max(loadBefore, loadavg()[0]!) * 100) / 100 },
      goals: GOALS,
      lighthouse: {
        typical: await runLighthouse(`${origin}${new URL(typicalUrl, APP_URL).pathname}`, cookieHeader),
        stress: await runLighthouse(`${origin}${new URL(recordUrl, APP_URL).pathname}`, cookieHeader),
      },
    };

    printFrontendReport(result, measures);
    await saveFrontendResult(result);
    return result;
  } finally {
    await browser.close();
  }
}

runFrontendBench().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
