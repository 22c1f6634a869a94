/** The front-end benchmark's settings (from env), goals and browser flags; see frontend.ts for the options. */
import path from 'node:path';

export const APP_URL = (process.env.BENCH_APP_URL ?? 'http://localhost:3000').replace(/\/$/, '');
export const SANDBOX_URL = (process.env.BENCH_SANDBOX_URL ?? 'http://127.0.0.1:4010').replace(/\/$/, '');
export const SMS_TOKEN = process.env.BENCH_SMS_TOKEN ?? 'sandbox-sms-token';
export const CHROMIUM = process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium';
export const STRESS_CID = process.env.BENCH_CID ?? '3100400678903';
export const STRESS_PHONE = process.env.BENCH_PHONE ?? '0867890123';
/** A typical patient (Somsri: a few hundred records at several hospitals) for the second Lighthouse run. */
export const TYPICAL_CID = '3100400123456';
export const TYPICAL_PHONE = '0812345678';
export const SCROLL_STEPS = Math.max(1, Number(process.env.BENCH_SCROLL_STEPS ?? 40) || 40);
export const LEDGER_TIMEOUT_MS = 180_000;

export const GOALS = { firstLoadGzipKB: 250, longestTaskMs: 50 } as const;
export const OUT_FILE = path.resolve(import.meta.dirname, '../../bench-results/frontend.json');

export { CHROMIUM_ARGS } from '../testing/chromium';

export function kb(bytes: number): number {
  return Math.round((bytes / 1024) * 10) / 10;
}
