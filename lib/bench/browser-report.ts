/** The browser benchmark's summary (min / median / max per build, side by side) and bench-results/browser.json. */
import { cpus, loadavg } from 'node:os';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GOALS, OUT_FILE, PATIENTS, type BenchPatient } from './browser-config';
import type { LoadSample } from './browser-measure';

/** samples[build][pass][patient] */
export type Samples = Record<string, Record<string, Record<string, LoadSample[]>>>;

export interface Spread {
  min: number;
  median: number;
  max: number;
}

function spread(xs: number[]): Spread {
  const s = [...xs].sort((a, b) => a - b);
  const r = (x: number): number => Math.round(x * 100) / 100;
  return { min: r(s[0] ?? NaN), median: r(s[Math.floor((s.length - 1) / 2)] ?? NaN), max: r(s[s.length - 1] ?? NaN) };
}

interface Measures {
  firstOverFastest: Spread;
  allOverSlowest: Spread;
  firstMs: Spread;
  allMs: Spread;
  loadLongestTaskMs: Spread;
  scrollLongestTaskMs?: Spread;
}

function measures(samples: LoadSample[], latencies: Record<string, number>): Measures {
  const lat = (s: LoadSample): number[] => Object.keys(s.statuses).map((h) => latencies[h] ?? NaN);
  const scrolls = samples.flatMap((s) => (s.scrollLongestTaskMs === undefined ? [] : [s.scrollLongestTaskMs]));
  return {
    firstOverFastest: spread(samples.map((s) => s.firstMs / Math.min(...lat(s)))),
    allOverSlowest: spread(samples.map((s) => s.allMs / Math.max(...lat(s)))),
    firstMs: spread(samples.map((s) => s.firstMs)),
    allMs: spread(samples.map((s) => s.allMs)),
    loadLongestTaskMs: spread(samples.map((s) => s.loadLongestTaskMs)),
    ...(scrolls.length > 0 ? { scrollLongestTaskMs: spread(scrolls) } : {}),
  };
}

function goalFor(p: BenchPatient, key: keyof Measures): string {
  if (key === 'firstOverFastest') return `≤ ${GOALS.firstOverFastest}`;
  if (key === 'allOverSlowest') return `≤ ${p.id === 'stress' ? GOALS.allOverSlowestStress : GOALS.allOverSlowestTypical}`;
  if (key === 'loadLongestTaskMs' || key === 'scrollLongestTaskMs') return p.id === 'stress' ? `≤ ${GOALS.longestTaskMs}` : '';
  return '';
}

const LABELS: Record<keyof Measures, string> = {
  firstOverFastest: 'first on screen ÷ fastest',
  allOverSlowest: 'all on screen ÷ slowest',
  firstMs: 'first on screen (ms)',
  allMs: 'all on screen (ms)',
  loadLongestTaskMs: 'longest task, loading (ms)',
  scrollLongestTaskMs: 'longest task, scrolling (ms)',
};

/** Prints one table per pass and writes the raw samples with their summaries. */
export async function report(samples: Samples, builds: string[], latencies: Record<string, number>, conditions: object): Promise<void> {
  const summary: Record<string, Record<string, Record<string, Measures>>> = {};
  const fmt = (s: Spread | undefined): string => (s ? `${s.median} (${s.min}–${s.max})` : '—');
  const passes = Object.keys(samples[builds[0]!] ?? {});
  for (const pass of passes) {
    const rows: string[][] = [['patient', 'measure', 'goal', ...builds.map((b) => `${b}: median (min–max)`)]];
    for (const p of PATIENTS) {
      const byBuild = builds.map((b) => {
        const m = measures(samples[b]![pass]![p.id] ?? [], latencies);
        ((summary[b] ??= {})[pass] ??= {})[p.id] = m;
        return m;
      });
      for (const key of Object.keys(LABELS) as (keyof Measures)[]) {
        if (byBuild.every((m) => m[key] === undefined)) continue;
        rows.push([p.label, LABELS[key], goalFor(p, key), ...byBuild.map((m) => fmt(m[key]))]);
      }
    }
    console.log(`\n## ${pass}`);
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const r of rows) console.log(`| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`);
  }
  const result = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, loadAvg1m: Math.round(loadavg()[0]! * 100) / 100 },
    conditions,
    latencies,
    goals: GOALS,
    summary,
    samples,
  };
  await mkdir(path.dirname(OUT_FILE), { recursive: true });
  await writeFile(OUT_FILE, JSON.stringify(result, null, 2) + '\n');
  console.log(`\nwrote ${path.relative(process.cwd(), OUT_FILE)}`);
}
