/** The browser benchmark's settings: patients, the fixed hospital latencies, ports and output file. */
import path from 'node:path';
import { HOSPITALS } from '../sandbox/demo-catalog';

export const RELOADS = Math.max(1, Number(process.env.BENCH_RELOADS ?? 5) || 5);
export const SCROLL_STEPS = Math.max(1, Number(process.env.BENCH_SCROLL_STEPS ?? 30) || 30);
export const CPU_THROTTLE = 4;
export const OUT_FILE = path.resolve(import.meta.dirname, '../../bench-results/browser.json');
/** This build's app and sandbox ports, and the baseline's (a dev server of one's own: e2e ports + 100). */
export const PORTS = {
  app: Number(process.env.BENCH_APP_PORT ?? 3301),
  sandbox: Number(process.env.BENCH_SANDBOX_PORT ?? 4301),
  baseApp: Number(process.env.BENCH_BASE_APP_PORT ?? 3311),
  baseSandbox: Number(process.env.BENCH_BASE_SANDBOX_PORT ?? 4311),
};

export const GOALS = { firstOverFastest: 1.5, allOverSlowestTypical: 1.15, allOverSlowestStress: 1.4, longestTaskMs: 50 } as const;

export interface BenchPatient {
  id: 'typical' | 'stress';
  label: string;
  cid: string;
  phone: string;
  /** Scroll the timeline after it loads (the stress record's long list). */
  scroll: boolean;
}

export const PATIENTS: readonly BenchPatient[] = [
  { id: 'typical', label: 'Boonchai (3 hospitals)', cid: '3100400234568', phone: '0823456789', scroll: false },
  { id: 'stress', label: 'stress patient (12 hospitals)', cid: '3100400678903', phone: '0867890123', scroll: true },
];

/**
 * Fixed latency per hospital: 200 ms for the first in the sandbox catalogue rising evenly to 1,000 ms for
 * the last, on every request (each page of a search waits again), as in issue #19's method.
 */
export function hospitalLatencies(): Record<string, number> {
  const n = HOSPITALS.length;
  return Object.fromEntries(HOSPITALS.map((h, i) => [h.hcode, Math.round(200 + (800 * i) / Math.max(1, n - 1))]));
}
