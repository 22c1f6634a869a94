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
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page, type Response } from '@playwright/test';

const APP_URL = (process.env.BENCH_APP_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const SANDBOX_URL = (process.env.BENCH_SANDBOX_URL ?? 'http://127.0.0.1:4010').replace(/\/$/, '');
const SMS_TOKEN = process.env.BENCH_SMS_TOKEN ?? 'sandbox-sms-token';
const CHROMIUM = process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium';
const STRESS_CID = process.env.BENCH_CID ?? '3100400678903';
const STRESS_PHONE = process.env.BENCH_PHONE ?? '0867890123';
/** A typical patient (Somsri: a few hundred records at several hospitals) for the second Lighthouse run. */
const TYPICAL_CID = '3100400123456';
const TYPICAL_PHONE = '0812345678';
const SCROLL_STEPS = Math.max(1, Number(process.env.BENCH_SCROLL_STEPS ?? 40) || 40);
const LEDGER_TIMEOUT_MS = 180_000;

const GOALS = { firstLoadGzipKB: 250, longestTaskMs: 50 } as const;
const OUT_FILE = path.resolve(import.meta.dirname, '../../bench-results/frontend.json');

interface ScriptSize {
  url: string;
  rawBytes: number;
  gzipBytes: number;
}

interface LongTask {
  startMs: number;
  durationMs: number;
}

interface ScrollResult {
  longestTaskMs: number;
  totalBlockingMs: number;
  longTasks: number;
  tasks: LongTask[];
  steps: number;
  scrolledPx: number;
  scrollHeightPx: number;
  durationMs: number;
  reachedBottom: boolean;
  /** Long tasks before the scroll started (page load, merging every hospital's records): context only. */
  beforeScrollLongestMs: number;
}

export interface FrontendBenchResult {
  date: string;
  appUrl: string;
  jsGzipKB: { firstLoad: number; labsChunk: number };
  jsScripts: { firstLoad: number; labsChunk: number };
  timelineEntries: number;
  hospitals: Record<string, string>;
  scroll: {
    longestTaskMs: number;
    totalBlockingMs: number;
    longTasks: number;
    steps: number;
    scrollHeightPx: number;
    reachedBottom: boolean;
    durationMs: number;
    beforeScrollLongestMs: number;
    requestsDuringScroll: number;
  };
  /** Long tasks depend on CPU contention: the 1-minute load average (the higher of before/after the scroll). */
  machine: { cpus: number; loadAvg1m: number };
  goals: typeof GOALS;
  /** On the record page of a typical patient and of the stress patient. */
  lighthouse: { typical: LighthouseResult | string; stress: LighthouseResult | string };
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function kb(bytes: number): number {
  return Math.round((bytes / 1024) * 10) / 10;
}

/** The newest SMS the sandbox "sent" to a phone ('' when none). */
async function latestSms(phone: string): Promise<string> {
  const res = await fetch(`${SANDBOX_URL}/sms/messages?to=${phone}`, { headers: { authorization: `Bearer ${SMS_TOKEN}` } });
  if (!res.ok) throw new Error(`sandbox SMS inbox answered HTTP ${res.status}`);
  const body = (await res.json()) as { messages: { text: string }[] };
  return body.messages[0]?.text ?? '';
}

/** Same steps as e2e signInAtKlang: Dr ว.34567 (PIN 112233) working at Klang Hospital (11535). */
async function signInAtKlang(page: Page): Promise<void> {
  await page.goto(`${APP_URL}/login`);
  await page.getByLabel(/เลขที่ใบอนุญาต|licence number/i).fill('ว.34567');
  await page.getByLabel(/PIN/).fill('112233');
  await page.getByRole('button', { name: /เข้าสู่ระบบ|sign in/i }).click();
  await page.waitForURL(/\/select-hospital$/);
  await page.getByRole('button', { name: /11535/ }).click();
  await page.waitForURL(/\/patients$/);
}

/**
 * Clicks "send the code by SMS" until the OTP form shows. A bench run within a minute of the previous one
 * meets the resend cooldown: wait it out and click again. The 3-codes-per-15-minutes limit is an error.
 */
async function sendCode(page: Page): Promise<void> {
  const otpHeading = page.getByRole('heading', { name: 'กรอกรหัสยืนยันจากผู้ป่วย' });
  const tooSoon = page.getByText(/เพิ่งส่งรหัสไป กรุณารออีก \d+ วินาที/);
  const limit = page.getByText(/ครบ \d+ ครั้งใน/);
  for (let attempt = 0; attempt < 4; attempt++) {
    await page.getByRole('button', { name: 'ส่งรหัสยืนยันทาง SMS' }).click();
    await otpHeading.or(tooSoon).or(limit).first().waitFor({ state: 'visible', timeout: 30_000 });
    if (await otpHeading.isVisible()) return;
    if (await limit.isVisible()) throw new Error(`the consent step refused to send a code: ${(await limit.textContent()) ?? ''}`);
    const seconds = Number(/(\d+) วินาที/.exec((await tooSoon.textContent()) ?? '')?.[1] ?? 30);
    console.log(`resend cooldown: waiting ${seconds} s before sending the code again`);
    await page.waitForTimeout((seconds + 1) * 1000);
  }
  throw new Error('the OTP form never appeared');
}

/** Same steps as e2e consentTo; returns the patient record URL. */
async function consentTo(page: Page, cid: string, phone: string): Promise<string> {
  await page.getByLabel('เลขประจำตัวประชาชน 13 หลัก').fill(cid);
  await page.getByRole('button', { name: 'ค้นหาผู้ป่วย' }).click();
  await page.getByRole('checkbox', { name: /ข้าพเจ้าได้อธิบายแก่ผู้ป่วยแล้ว/ }).check();
  const before = await latestSms(phone);
  await sendCode(page);
  // The newest SMS, preferring one that arrived after the click (a stale code from an earlier run fails).
  let text = await latestSms(phone);
  for (let i = 0; i < 20 && text === before; i++) {
    await new Promise((r) => setTimeout(r, 250));
    text = await latestSms(phone);
  }
  const code = /\d{6}/.exec(text)?.[0];
  if (!code) throw new Error(`no OTP in the sandbox SMS inbox for ${phone} (got "${text}")`);
  await page.getByLabel('รหัสหลักที่ 1 จาก 6').click();
  await page.keyboard.type(code);
  await page.getByRole('button', { name: 'ยืนยันรหัส' }).click();
  await page.waitForURL(/\/patient\/[0-9a-f-]{36}$/);
  return page.url();
}

/** Records every same-origin script response of a page; sizes are read (and gzipped) on demand. */
function recordScripts(page: Page, origin: string): { urls: () => string[]; sizes: (urls: string[]) => Promise<ScriptSize[]> } {
  const responses = new Map<string, Response>();
  page.on('response', (res) => {
    if (res.request().resourceType() !== 'script') return;
    let sameOrigin = false;
    try {
      sameOrigin = new URL(res.url()).origin === origin;
    } catch {
      sameOrigin = false;
    }
    if (sameOrigin && !responses.has(res.url())) responses.set(res.url(), res);
  });
  return {
    urls: () => [...responses.keys()],
    sizes: async (urls) =>
      Promise.all(
        urls.map(async (url) => {
          const res = responses.get(url)!;
          // The body the browser received; fetch it again with the context's cookies if the browser dropped it.
          const body = await res.body().catch(async () => Buffer.from(await (await page.context().request.get(url)).body()));
          return { url, rawBytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
        }),
      ),
  };
}

/** Waits until no hospital in the coverage ledger is still 'waiting'; returns each hospital's status. */
async function waitForLedger(page: Page): Promise<Record<string, string>> {
  await page.getByTestId('coverage-ledger').waitFor({ state: 'visible' });
  await page.waitForFunction(
    () => {
      const items = [...document.querySelectorAll('[data-testid="coverage-ledger"] [data-status]')];
      return items.length > 0 && items.every((el) => el.getAttribute('data-status') !== 'waiting');
    },
    undefined,
    { timeout: LEDGER_TIMEOUT_MS, polling: 200 },
  );
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('[data-testid="coverage-ledger"] [data-status]')].map((el) => [
        el.getAttribute('data-hospital') ?? '?',
        el.getAttribute('data-status') ?? '?',
      ]),
    ),
  );
}

/** The "(visible / total)" counter next to the Timeline heading. */
async function timelineCount(page: Page): Promise<{ visible: number; total: number }> {
  const text = (await page.locator('#timeline-title').textContent()) ?? '';
  const m = /\(([\d,.\s]+)\/([\d,.\s]+)\)/.exec(text);
  if (!m) throw new Error(`no "(visible / total)" counter in the timeline heading: "${text}"`);
  const num = (s: string): number => Number(s.replace(/\D/g, ''));
  return { visible: num(m[1]!), total: num(m[2]!) };
}

/** Scrolls the timeline top to bottom in steps (two animation frames per step) and reports the long tasks. */
async function measureScroll(page: Page, steps: number): Promise<ScrollResult> {
  // The observer goes in first (buffered, so it also sees the load); only tasks that start after the scroll
  // begins count towards the scroll figures.
  await page.evaluate(() => {
    const w = window as Window & { __benchLongTasks?: { startMs: number; durationMs: number }[] };
    w.__benchLongTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__benchLongTasks!.push({ startMs: e.startTime, durationMs: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.getByTestId('timeline-scroll').scrollIntoViewIfNeeded();
  // Let the page settle first (no long task for 1 s, at most 10 s) so the load's tail does not count as scrolling.
  await page.evaluate(async () => {
    const w = window as Window & { __benchLongTasks?: { startMs: number; durationMs: number }[] };
    const started = performance.now();
    for (;;) {
      const last = Math.max(0, ...(w.__benchLongTasks ?? []).map((t) => t.startMs + t.durationMs));
      if (performance.now() - last >= 1000 || performance.now() - started >= 10_000) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  const run = await page.evaluate(async (n) => {
    const el = document.querySelector<HTMLElement>('[data-testid="timeline-scroll"]');
    if (!el) throw new Error('no [data-testid="timeline-scroll"] element');
    // (No named helpers in here: tsx's keep-names transform would reference a __name the page lacks.)
    el.scrollTop = 0;
    for (let i = 0; i < 2; i++) await new Promise<void>((r) => requestAnimationFrame(() => r()));
    const t0 = performance.now();
    const step = Math.ceil((el.scrollHeight - el.clientHeight) / n);
    let done = 0;
    // The virtualiser re-measures rows as they render, so the height can grow: keep going (bounded) to the end.
    while (el.scrollTop + el.clientHeight < el.scrollHeight - 1 && done < n * 3) {
      el.scrollBy(0, step);
      done++;
      for (let i = 0; i < 2; i++) await new Promise<void>((r) => requestAnimationFrame(() => r()));
    }
    const t1 = performance.now();
    // Long-task entries are delivered asynchronously: let the observer catch up.
    await new Promise((r) => setTimeout(r, 500));
    return {
      t0,
      t1,
      steps: done,
      scrolledPx: el.scrollTop,
      scrollHeightPx: el.scrollHeight,
      reachedBottom: el.scrollTop + el.clientHeight >= el.scrollHeight - 1,
    };
  }, steps);
  const all = await page.evaluate(
    () => (window as Window & { __benchLongTasks?: { startMs: number; durationMs: number }[] }).__benchLongTasks ?? [],
  );
  const during = all.filter((t) => t.startMs >= run.t0 && t.startMs <= run.t1 + 500);
  const before = all.filter((t) => t.startMs < run.t0);
  const round = (x: number): number => Math.round(x * 10) / 10;
  return {
    longestTaskMs: round(Math.max(0, ...during.map((t) => t.durationMs))),
    totalBlockingMs: round(during.reduce((sum, t) => sum + Math.max(0, t.durationMs - 50), 0)),
    longTasks: during.length,
    tasks: during,
    steps: run.steps,
    scrolledPx: run.scrolledPx,
    scrollHeightPx: run.scrollHeightPx,
    durationMs: round(run.t1 - run.t0),
    reachedBottom: run.reachedBottom,
    beforeScrollLongestMs: round(Math.max(0, ...before.map((t) => t.durationMs))),
  };
}

/** Network idle (bounded: a page that keeps polling must not hang the bench). */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
}

function printTable(rows: [string, string, string][]): void {
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  for (const [a, b, c] of rows) console.log(`  ${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`);
}

export interface LighthouseResult {
  /** The median run's score and metrics. */
  score: number;
  firstContentfulPaint: string;
  largestContentfulPaint: string;
  totalBlockingTime: string;
  cumulativeLayoutShift: string;
  /** Every run's score, in the order they ran. */
  scores: number[];
}

/**
 * Chromium flags for Lighthouse: the ones the Playwright tests use, plus no background throttling.
 * Lighthouse's launcher would otherwise add its own defaults, which turn off RenderDocument (on in every
 * shipping Chrome). With it off, this Chromium held the first frame of the record page for about a second
 * after the page was ready (first paint seen at 1.4–2.5 s instead of 0.4–0.5 s), and Lighthouse then
 * counted every request and script of that second as delaying the first paint.
 */
const LIGHTHOUSE_CHROMIUM_ARGS = [
  ...CHROMIUM_ARGS,
  '--disable-extensions',
  '--disable-default-apps',
  '--mute-audio',
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];
const LIGHTHOUSE_RUNS = Math.max(1, Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3) || 3);

/** One Lighthouse run (performance only, its default mobile throttling); a string when it failed. */
async function lighthouseOnce(url: string, cookieHeader: string): Promise<Omit<LighthouseResult, 'scores'> | string> {
  const out = path.join(await mkdtemp(path.join(tmpdir(), 'hl-lh-')), 'report.json');
  const args = [
    '--yes',
    'lighthouse@12',
    url,
    '--only-categories=performance',
    '--output=json',
    `--output-path=${out}`,
    '--quiet',
    '--chrome-ignore-default-flags',
    `--extra-headers=${JSON.stringify({ Cookie: cookieHeader })}`,
    `--chrome-flags=${LIGHTHOUSE_CHROMIUM_ARGS.join(' ')}`,
  ];
  const r = spawnSync('npx', args, { env: { ...process.env, CHROME_PATH: CHROMIUM }, encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) return `not measured: lighthouse exited ${String(r.status)} ${(r.stderr || '').slice(-200)}`;
  const report = JSON.parse(await readFile(out, 'utf8')) as {
    categories: { performance: { score: number } };
    audits: Record<string, { displayValue?: string }>;
  };
  const v = (k: string) => report.audits[k]?.displayValue ?? '?';
  return {
    score: Math.round(report.categories.performance.score * 100),
    firstContentfulPaint: v('first-contentful-paint'),
    largestContentfulPaint: v('largest-contentful-paint'),
    totalBlockingTime: v('total-blocking-time'),
    cumulativeLayoutShift: v('cumulative-layout-shift'),
  };
}

/**
 * Lighthouse on the signed-in record page, run BENCH_LIGHTHOUSE_RUNS times (default 3): the score moves by
 * several points between runs on a shared machine, so the median run is reported, with every score.
 */
async function runLighthouse(url: string, cookieHeader: string): Promise<LighthouseResult | string> {
  if (process.env.BENCH_LIGHTHOUSE === '0') return 'not measured: BENCH_LIGHTHOUSE=0';
  const runs: Omit<LighthouseResult, 'scores'>[] = [];
  for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
    const run = await lighthouseOnce(url, cookieHeader);
    if (typeof run === 'string') return run;
    runs.push(run);
  }
  const median = [...runs].sort((a, b) => a.score - b.score)[Math.floor((runs.length - 1) / 2)]!;
  return { ...median, scores: runs.map((r) => r.score) };
}

function lighthouseRow(label: string, r: LighthouseResult | string): [string, string, string] {
  if (typeof r === 'string') return [label, 'n/a', r];
  return [
    label,
    String(r.score),
    `goal ≥ 95 · median of ${r.scores.join(', ')} · LCP ${r.largestContentfulPaint} · TBT ${r.totalBlockingTime} · CLS ${r.cumulativeLayoutShift}`,
  ];
}

export async function runFrontendBench(): Promise<FrontendBenchResult> {
  const origin = new URL(APP_URL).origin;
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
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

    const verdict = (ok: boolean): string => (ok ? 'ok' : 'OVER GOAL');
    const statuses = Object.values(hospitals);
    console.log('\nScripts (first load, largest first):');
    for (const s of [...firstLoadSizes].sort((a, b) => b.gzipBytes - a.gzipBytes))
      console.log(`  ${kb(s.gzipBytes).toFixed(1).padStart(7)} KB gz  ${new URL(s.url).pathname}`);
    console.log('Scripts (Labs tab):');
    for (const s of labsSizes) console.log(`  ${kb(s.gzipBytes).toFixed(1).padStart(7)} KB gz  ${new URL(s.url).pathname}`);
    console.log(`\nFront-end benchmark — ${APP_URL}/patient/… (patient ${STRESS_CID})`);
    printTable([
      [
        'JS first load (gzip)',
        `${result.jsGzipKB.firstLoad.toFixed(1)} KB`,
        `${firstLoadSizes.length} scripts · goal ≤ ${GOALS.firstLoadGzipKB} KB · ${verdict(result.jsGzipKB.firstLoad <= GOALS.firstLoadGzipKB)}`,
      ],
      ['JS Labs tab chunk (gzip)', `${result.jsGzipKB.labsChunk.toFixed(1)} KB`, `${labsSizes.length} scripts, loaded on click`],
      ['Hospitals', `${statuses.length}`, statuses.join(', ')],
      ['Timeline entries', count.total.toLocaleString('en'), `(${count.visible.toLocaleString('en')} visible with the default filters)`],
      [
        'Longest task (scroll)',
        `${scroll.longestTaskMs.toFixed(1)} ms`,
        `goal ≤ ${GOALS.longestTaskMs} ms · ${verdict(scroll.longestTaskMs <= GOALS.longestTaskMs)}`,
      ],
      [
        'Total blocking (scroll)',
        `${scroll.totalBlockingMs.toFixed(1)} ms`,
        `${scroll.longTasks} long tasks in ${scroll.steps} steps over ${scroll.scrollHeightPx.toLocaleString('en')} px${scroll.reachedBottom ? '' : ' (bottom NOT reached)'}`,
      ],
      ['Machine', `${result.machine.cpus} CPUs`, `load average ${result.machine.loadAvg1m} · ${scrollRequests} requests during the scroll`],
      ['Longest task (load+merge)', `${scroll.beforeScrollLongestMs.toFixed(1)} ms`, 'before scrolling, for context'],
      lighthouseRow(`Lighthouse (typical patient)`, result.lighthouse.typical),
      lighthouseRow(`Lighthouse (stress patient)`, result.lighthouse.stress),
    ]);

    await mkdir(path.dirname(OUT_FILE), { recursive: true });
    await writeFile(OUT_FILE, JSON.stringify(result, null, 2) + '\n');
    console.log(`\nwrote ${path.relative(process.cwd(), OUT_FILE)}`);
    return result;
  } finally {
    await browser.close();
  }
}

runFrontendBench().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
