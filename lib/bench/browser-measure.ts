/**
 * One load of the record page, observed in the page itself: when each hospital's row in the coverage
 * ledger leaves "waiting" (the ledger marks a hospital done only once its records are merged and rendered,
 * in the same React commit as the panels and the list), and the long tasks on the main thread.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { measureScroll } from './frontend-page';

/** A string, not a function: tsx's keep-names transform would reference a __name the page lacks. */
const OBSERVER_SCRIPT = `(() => {
  const b = (window.__bench = { onScreen: {}, tasks: [] });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.tasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  const scan = () => {
    for (const el of document.querySelectorAll('[data-testid="coverage-ledger"] [data-hospital][data-status]')) {
      const h = el.getAttribute('data-hospital');
      const s = el.getAttribute('data-status');
      if (s !== 'waiting' && !(h in b.onScreen)) b.onScreen[h] = { t: performance.now(), status: s };
    }
  };
  new MutationObserver(scan).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
})();`;

export interface LoadSample {
  /** ms from the navigation's start until the first / the last hospital's entries were in the DOM. */
  firstMs: number;
  allMs: number;
  firstHospital: string;
  lastHospital: string;
  /** Longest main-thread task from navigation until every hospital was on screen. */
  loadLongestTaskMs: number;
  /** Longest main-thread task while the timeline scrolled top to bottom (undefined: not scrolled). */
  scrollLongestTaskMs?: number;
  statuses: Record<string, string>;
}

/** A page in `context` that records on-screen times and long tasks, CPU-throttled `rate`× (1 = none). */
export async function measuringPage(context: BrowserContext, rate: number): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(OBSERVER_SCRIPT);
  await page.addInitScript('window.__name = window.__name || ((f) => f);');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return page;
}

/** Navigates to the record and waits until every hospital in the ledger is on screen (or failed). */
export async function measureLoad(page: Page, url: string, scrollSteps: number | undefined): Promise<LoadSample> {
  const res = await page.goto(url, { waitUntil: 'commit' });
  if (!res?.ok()) throw new Error(`GET ${url} answered HTTP ${res?.status() ?? '?'}`);
  await page.waitForFunction(
    () => {
      const rows = [...document.querySelectorAll('[data-testid="coverage-ledger"] [data-hospital][data-status]')];
      const seen = (window as unknown as { __bench: { onScreen: Record<string, unknown> } }).__bench.onScreen;
      return rows.length > 0 && rows.every((el) => el.getAttribute('data-hospital')! in seen);
    },
    undefined,
    { timeout: 180_000, polling: 100 },
  );
  // Long-task entries arrive asynchronously: give the observer a moment.
  await page.waitForTimeout(300);
  const seen = await page.evaluate(() => {
    const b = (window as unknown as { __bench: { onScreen: Record<string, { t: number; status: string }>; tasks: [number, number][] } })
      .__bench;
    return { onScreen: b.onScreen, tasks: b.tasks };
  });
  const entries = Object.entries(seen.onScreen).sort((a, b) => a[1].t - b[1].t);
  const first = entries[0]!;
  const last = entries[entries.length - 1]!;
  const round = (x: number): number => Math.round(x * 10) / 10;
  const sample: LoadSample = {
    firstMs: round(first[1].t),
    allMs: round(last[1].t),
    firstHospital: first[0],
    lastHospital: last[0],
    loadLongestTaskMs: round(Math.max(0, ...seen.tasks.filter(([start]) => start <= last[1].t).map(([, d]) => d))),
    statuses: Object.fromEntries(entries.map(([h, v]) => [h, v.status])),
  };
  if (scrollSteps !== undefined) sample.scrollLongestTaskMs = (await measureScroll(page, scrollSteps)).longestTaskMs;
  return sample;
}
