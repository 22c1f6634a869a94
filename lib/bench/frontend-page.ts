/** Measurements on the open record page: its scripts, the coverage ledger, the timeline and its scroll. */
import { gzipSync } from 'node:zlib';
import type { Page, Response } from '@playwright/test';
import { LEDGER_TIMEOUT_MS } from './frontend-config';
import type { ScriptSize, ScrollResult } from './frontend-types';

/** Records every same-origin script response of a page; sizes are read (and gzipped) on demand. */
export function recordScripts(page: Page, origin: string): { urls: () => string[]; sizes: (urls: string[]) => Promise<ScriptSize[]> } {
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
export async function waitForLedger(page: Page): Promise<Record<string, string>> {
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
export async function timelineCount(page: Page): Promise<{ visible: number; total: number }> {
  const text = (await page.locator('#timeline-title').textContent()) ?? '';
  const m = /\(([\d,.\s]+)\/([\d,.\s]+)\)/.exec(text);
  if (!m) throw new Error(`no "(visible / total)" counter in the timeline heading: "${text}"`);
  const num = (s: string): number => Number(s.replace(/\D/g, ''));
  return { visible: num(m[1]!), total: num(m[2]!) };
}

/** Scrolls the timeline top to bottom in steps (two animation frames per step) and reports the long tasks. */
export async function measureScroll(page: Page, steps: number): Promise<ScrollResult> {
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
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
}
