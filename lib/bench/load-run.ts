/**
 * The load generator of bench:load (lib/bench/load.ts): sessions loading a patient's record again and again,
 * either through the streamed timeline route (`/api/access/{id}/timeline`: each hospital's answer timed when
 * its line arrives, with the exchange's own time in it) or through the record page itself (`/patient/{id}`:
 * the page starts the hospital reads with its request and streams each answer into its own response).
 */
import { performance } from 'node:perf_hooks';
import { jsonLines } from '../http/json-lines';

export interface RunStats {
  seconds: number;
  /** Hospital answers received (a page counts the hospitals whose answers arrived in it). */
  requests: number;
  ok: number;
  errors5xx: number;
  otherErrors: number;
  statuses: Record<string, number>;
  p50: number;
  p95: number;
  p99: number;
  exchangeP95: number;
  overheadP50: number;
  overheadP95: number;
  throughputPerS: number;
  /** Page runs: time to the page's last byte (all hospitals in). */
  pageP50?: number;
  pageP95?: number;
}

const pct = (xs: number[], p: number) =>
  xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! : NaN;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface RunTarget {
  base: string;
  cookies: string[];
  accessId: string;
  hospitals: string[];
}

interface Tally {
  latencies: number[];
  exchange: number[];
  overhead: number[];
  pages: number[];
  statuses: Record<string, number>;
  ok: number;
  e5: number;
  other: number;
}

/** One streamed timeline load: one JSON line per hospital (a large answer in several), each timed on arrival. */
async function loadTimeline(t: RunTarget, cookie: string, tally: Tally): Promise<void> {
  const t0 = performance.now();
  const n = t.hospitals.length;
  let received = 0;
  try {
    const res = await fetch(`${t.base}/api/access/${t.accessId}/timeline?h=${t.hospitals.join(',')}`, { headers: { cookie } });
    if (!res.ok || res.body === null) {
      if (res.status >= 500) tally.e5 += n;
      else tally.other += n;
      await res.body?.cancel();
      return;
    }
    for await (const value of jsonLines(res.body)) {
      const line = value as { view?: { status: string; elapsedMs: number }; error?: { status: number }; facts?: unknown[] };
      if (line.facts) continue; // the first part of a large answer; its hospital is timed by its last line
      const ms = performance.now() - t0;
      tally.latencies.push(ms);
      received++;
      if (line.view) {
        tally.ok++;
        tally.statuses[line.view.status] = (tally.statuses[line.view.status] ?? 0) + 1;
        tally.exchange.push(line.view.elapsedMs);
        tally.overhead.push(ms - line.view.elapsedMs);
      } else if ((line.error?.status ?? 500) >= 500) tally.e5++;
      else tally.other++;
    }
  } catch {
    // the connection broke: every hospital not yet received counts as an error
  }
  tally.other += n - received;
}

/**
 * Where a hospital's answer starts in the page's stream: each answer is a list of wire-form lines
 * (lib/timeline/wire.ts) whose first new string is the hospital's code, carried as a string inside the
 * React payload (so its quotes arrive escaped once or twice).
 */
const ANSWER_START = /\{(?:\\*")s(?:\\*"):\[(?:\\*")(\d{5})(?:\\*")/g;

/**
 * One load of the record page, read to its end. A hospital is timed when its answer's first bytes arrive;
 * whether it was read without error is told by the audit rows (the answers are in React's payload). The
 * page's own HTML (the shell, the client component) is part of its cost, as in a physician's browser.
 */
async function loadPage(t: RunTarget, cookie: string, tally: Tally): Promise<void> {
  const t0 = performance.now();
  const n = t.hospitals.length;
  const seen = new Set<string>();
  try {
    const res = await fetch(`${t.base}/patient/${t.accessId}`, { headers: { cookie }, redirect: 'manual' });
    if (res.status !== 200 || res.body === null) {
      if (res.status >= 500) tally.e5 += n;
      else tally.other += n;
      await res.body?.cancel();
      return;
    }
    const decoder = new TextDecoder();
    let tail = '';
    const reader = res.body.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      const text = tail + decoder.decode(next.value, { stream: true });
      const ms = performance.now() - t0;
      for (const m of text.matchAll(ANSWER_START)) {
        const hcode = m[1]!;
        if (seen.has(hcode) || !t.hospitals.includes(hcode)) continue;
        seen.add(hcode);
        tally.latencies.push(ms);
      }
      tail = text.slice(-64); // an answer's start split across two chunks
    }
    tally.pages.push(performance.now() - t0);
    tally.ok += seen.size;
  } catch {
    // the connection broke: the hospitals not yet received count as errors
  }
  tally.other += n - seen.size;
}

/**
 * Every session loads the record again and again until `seconds` have passed: at once (saturation) or,
 * with `thinkMs`, after a pause of 0.5–1.5 think times (paced sessions start spread over one think time).
 */
export async function loadRun(t: RunTarget, seconds: number, opts: { thinkMs?: number; page?: boolean } = {}): Promise<RunStats> {
  const thinkMs = opts.thinkMs ?? 0;
  const tally: Tally = { latencies: [], exchange: [], overhead: [], pages: [], statuses: {}, ok: 0, e5: 0, other: 0 };
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    t.cookies.map(async (cookie) => {
      if (thinkMs > 0) await pause(Math.random() * thinkMs);
      while (performance.now() < end) {
        await (opts.page === true ? loadPage(t, cookie, tally) : loadTimeline(t, cookie, tally));
        if (thinkMs > 0) await pause(Math.min(thinkMs * (0.5 + Math.random()), Math.max(0, end - performance.now())));
      }
    }),
  );
  return {
    seconds,
    requests: tally.latencies.length,
    ok: tally.ok,
    errors5xx: tally.e5,
    otherErrors: tally.other,
    statuses: tally.statuses,
    p50: pct(tally.latencies, 50),
    p95: pct(tally.latencies, 95),
    p99: pct(tally.latencies, 99),
    exchangeP95: pct(tally.exchange, 95),
    overheadP50: pct(tally.overhead, 50),
    overheadP95: pct(tally.overhead, 95),
    throughputPerS: tally.latencies.length / seconds,
    ...(opts.page === true ? { pageP50: pct(tally.pages, 50), pageP95: pct(tally.pages, 95) } : {}),
  };
}
