/**
 * Where the browser's main thread spends the stress record's load (issue #19): starts a checkout's
 * production build with its sandbox (the same fixed latencies as bench:browser), signs in and consents
 * through the UI, then loads the stress record under the Chromium CPU profiler (CDP `Profiler`), once
 * without throttling and once at 4× CPU, from navigation until every hospital in the coverage ledger has
 * left "waiting", then once more under Chromium's tracing. Prints the functions with the most self time (a
 * minified name is shown with the first characters of its source, so it can be found in the chunk) and the
 * trace's self time per event (script, HTML parsing, style, layout, paint), and writes each `.cpuprofile`
 * (open it in Chromium's DevTools, Performance panel) to bench-results/profiles/.
 *
 * Run: npm run build && npm run bench:profile   (BENCH_CHECKOUT profiles another built checkout)
 * Options (env): BENCH_CHECKOUT, BENCH_APP_PORT / BENCH_SANDBOX_PORT (3301 / 4301), BENCH_PROFILE_TOP (25).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CPU_THROTTLE, hospitalLatencies, PATIENTS, PORTS } from './browser-config';
import { measureLoad, measuringPage } from './browser-measure';
import { fixLatencies, startApp, type RunningApp } from './browser-servers';
import { CHROMIUM, CHROMIUM_ARGS } from './frontend-config';
import { consentTo, signInAtKlang } from './frontend-session';
import { selfTimes, traceSelfTimes, type CpuProfile, type ProfileNode, type TraceEvent } from './profile-summary';

const TOP = Math.max(1, Number(process.env.BENCH_PROFILE_TOP ?? 25) || 25);
const OUT_DIR = path.resolve(import.meta.dirname, '../../bench-results/profiles');

/** The first characters of a function's source in its script, to recognise a minified function. */
async function sourceAt(frame: ProfileNode['callFrame'], cache: Map<string, string[]>): Promise<string> {
  if (!frame.url.startsWith('http')) return '';
  let lines = cache.get(frame.url);
  if (lines === undefined) {
    lines = (
      await fetch(frame.url)
        .then((r) => (r.ok ? r.text() : ''))
        .catch(() => '')
    ).split('\n');
    cache.set(frame.url, lines);
  }
  return (lines[frame.lineNumber] ?? '').slice(frame.columnNumber, frame.columnNumber + 90).replace(/\s+/g, ' ');
}

/** One load under Chromium's tracing (devtools.timeline): where the main thread's native time goes. */
async function tracedLoad(browser: Browser, page: Page, url: string, label: string): Promise<void> {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'] });
  const sample = await measureLoad(page, url, undefined);
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  console.log(`\n${label} (traced): all on screen ${sample.allMs} ms; main-thread self time by trace event:`);
  for (const t of traceSelfTimes(trace.traceEvents).slice(0, 15)) console.log(`${t.ms.toFixed(1).padStart(8)} ms  ${t.name}`);
}

async function profiledLoad(page: Page, url: string, label: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const sample = await measureLoad(page, url, undefined);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await mkdir(OUT_DIR, { recursive: true });
  const file = path.join(OUT_DIR, `stress-${label}.cpuprofile`);
  await writeFile(file, JSON.stringify(profile));
  const times = selfTimes(profile);
  const busy = times.filter((t) => t.frame.functionName !== '(idle)').reduce((s, t) => s + t.ms, 0);
  console.log(
    `\n${label}: first on screen ${sample.firstMs} ms, all ${sample.allMs} ms, longest task ${sample.loadLongestTaskMs} ms; ` +
      `main thread busy ${Math.round(busy)} ms (profile: ${file})`,
  );
  const cache = new Map<string, string[]>();
  for (const t of times.slice(0, TOP)) console.log(`${t.ms.toFixed(1).padStart(8)} ms  ${t.key}  ${await sourceAt(t.frame, cache)}`);
}

async function main(): Promise<void> {
  const checkout = path.resolve(process.env.BENCH_CHECKOUT ?? path.join(import.meta.dirname, '../..'));
  const stress = PATIENTS.find((p) => p.id === 'stress')!;
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  try {
    app = await startApp('profiled', checkout, PORTS.app, PORTS.sandbox);
    await fixLatencies(app.sandboxUrl, hospitalLatencies());
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
    const setup = await context.newPage();
    await signInAtKlang(setup, app.url);
    await setup.goto(`${app.url}/patients`);
    const url = await consentTo(setup, stress.cid, stress.phone, app.sandboxUrl);
    await setup.close();
    for (const rate of [1, CPU_THROTTLE]) {
      const page = await measuringPage(context, rate);
      page.on('console', (m) => m.type() === 'error' && console.log(`console error: ${m.text()}`));
      await measureLoad(page, url, undefined); // warm: compiled scripts and the server's first-load work
      const label = rate === 1 ? 'unthrottled' : `cpu${rate}x`;
      await profiledLoad(page, url, label);
      await tracedLoad(browser, page, url, label);
      await page.close();
    }
  } finally {
    await browser?.close();
    await app?.stop();
  }
}

if (process.argv[1] === import.meta.filename) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  });
}
