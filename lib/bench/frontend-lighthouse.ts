/** Lighthouse on the signed-in record page, run with `npx lighthouse@12` against the bench's Chromium. */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from './frontend-config';
import type { LighthouseResult } from './frontend-types';

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
export async function runLighthouse(url: string, cookieHeader: string): Promise<LighthouseResult | string> {
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

export function lighthouseRow(label: string, r: LighthouseResult | string): [string, string, string] {
  if (typeof r === 'string') return [label, 'n/a', r];
  return [
    label,
    String(r.score),
    `goal ≥ 95 · median of ${r.scores.join(', ')} · LCP ${r.largestContentfulPaint} · TBT ${r.totalBlockingTime} · CLS ${r.cumulativeLayoutShift}`,
  ];
}
