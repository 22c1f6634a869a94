/**
 * The record on screen, measured in Chromium (issue #19): starts this checkout's production build (and, with
 * `--baseline <checkout>`, another checkout's build beside it), each with its own sandbox whose hospitals
 * answer in a fixed 200 ms (first in the catalogue) rising evenly to 1,000 ms (last). Signs in and consents
 * to a typical patient (Boonchai, 3 hospitals) and the stress patient (12 hospitals, ~21,600 records)
 * through the real UI, then loads each record RELOADS times (default 5), alternating between the builds so
 * that both meet the same machine load, on a tablet viewport; then a second pass at 4× CPU throttling.
 * "On screen" is observed in the DOM (each hospital's ledger row leaving "waiting"), never inferred from
 * the network. Prints first-on-screen ÷ fastest latency, all-on-screen ÷ slowest latency and the longest
 * main-thread task (loading; and scrolling the stress record), min/median/max; writes bench-results/browser.json.
 *
 * Run: npm run build && npm run bench:browser [-- --baseline /path/to/other/checkout]   (the other checkout built too)
 * Options (env): BENCH_CHECKOUT (this one), BENCH_RELOADS (5), BENCH_SCROLL_STEPS (30), BENCH_APP_PORT / BENCH_SANDBOX_PORT (3301 / 4301),
 *                BENCH_BASE_APP_PORT / BENCH_BASE_SANDBOX_PORT (3311 / 4311), BENCH_CHROMIUM (/usr/bin/chromium).
 */
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CPU_THROTTLE, hospitalLatencies, PATIENTS, PORTS, RELOADS, SCROLL_STEPS } from './browser-config';
import { measureLoad, measuringPage } from './browser-measure';
import { report, type Samples } from './browser-report';
import { fixLatencies, startApp, type RunningApp } from './browser-servers';
import { CHROMIUM, CHROMIUM_ARGS } from './frontend-config';
import { consentTo, signInAtKlang } from './frontend-session';

const VIEWPORT = { width: 1366, height: 900 };

interface Build {
  app: RunningApp;
  context: BrowserContext;
  urls: Record<string, string>;
}

function baselineArg(): string | undefined {
  const i = process.argv.indexOf('--baseline');
  if (i < 0) return undefined;
  const dir = process.argv[i + 1];
  if (!dir) throw new Error('--baseline needs the path of another checkout (with its production build)');
  return path.resolve(dir);
}

async function signedIn(browser: Browser, app: RunningApp): Promise<Build> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
  const page = await context.newPage();
  await signInAtKlang(page, app.url);
  const urls: Record<string, string> = {};
  for (const p of PATIENTS) {
    await page.goto(`${app.url}/patients`);
    urls[p.id] = await consentTo(page, p.cid, p.phone, app.sandboxUrl);
  }
  await page.close();
  console.log(`${app.label}: signed in and consented (${Object.values(urls).join(', ')})`);
  return { app, context, urls };
}

/** One pass: RELOADS loads of each patient's record per build, the builds' order alternating each round. */
async function pass(builds: Build[], rate: number, samples: Samples, name: string): Promise<void> {
  const pages = new Map<string, Page>();
  for (const b of builds) for (const p of PATIENTS) pages.set(`${b.app.label}/${p.id}`, await measuringPage(b.context, rate));
  for (let round = 0; round < RELOADS; round++) {
    for (const p of PATIENTS) {
      const order = round % 2 === 0 ? builds : [...builds].reverse();
      for (const b of order) {
        const sample = await measureLoad(pages.get(`${b.app.label}/${p.id}`)!, b.urls[p.id]!, p.scroll ? SCROLL_STEPS : undefined);
        ((samples[b.app.label] ??= {})[name] ??= {})[p.id] ??= [];
        samples[b.app.label]![name]![p.id]!.push(sample);
        console.log(
          `${name} ${p.id} #${round + 1} ${b.app.label}: first ${sample.firstMs} ms, all ${sample.allMs} ms, ` +
            `longest task ${sample.loadLongestTaskMs} ms${sample.scrollLongestTaskMs === undefined ? '' : ` (scroll ${sample.scrollLongestTaskMs} ms)`}`,
        );
      }
    }
  }
  for (const page of pages.values()) await page.close();
}

async function main(): Promise<void> {
  const baseline = baselineArg();
  const latencies = hospitalLatencies();
  const apps: RunningApp[] = [];
  let browser: Browser | undefined;
  try {
    apps.push(
      await startApp('this', path.resolve(process.env.BENCH_CHECKOUT ?? path.join(import.meta.dirname, '../..')), PORTS.app, PORTS.sandbox),
    );
    if (baseline) apps.push(await startApp('baseline', baseline, PORTS.baseApp, PORTS.baseSandbox));
    for (const a of apps) await fixLatencies(a.sandboxUrl, latencies);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    const builds: Build[] = [];
    for (const a of apps) builds.push(await signedIn(browser, a));
    const samples: Samples = {};
    await pass(builds, 1, samples, 'no CPU throttling');
    await pass(builds, CPU_THROTTLE, samples, `${CPU_THROTTLE}× CPU throttling`);
    await report(
      samples,
      apps.map((a) => a.label),
      latencies,
      { viewport: VIEWPORT, reloads: RELOADS, scrollSteps: SCROLL_STEPS, baseline: baseline ?? null },
    );
  } finally {
    await browser?.close();
    for (const a of apps) await a.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
