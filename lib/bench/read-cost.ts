/**
 * CPU cost of one hospital read, without Next.js or PostgreSQL in the way: the exchange client (batch request,
 * JSON parsing, validation, the patient check, joining the date windows) and what the app does with its answer
 * (facts, the streamed route's JSON lines, the record page's wire form), run in this process against the
 * sandbox in its own process (no latency), with date windows on and off. Reports CPU milliseconds per read on
 * each side; bench:load gives the whole app's figure (routing, session, audit) under load.
 * Run: `tsx --conditions=react-server lib/bench/read-cost.ts [--loads 60] [--concurrency 4] [--windows on|off]`.
 * Env: BENCH_READ_CPU_PROF=<dir> writes this process's and the sandbox's CPU profiles there.
 */
import { performance } from 'node:perf_hooks';
import { toClinicalFacts } from '../clinical/facts';
import { createExchangeClient, type HospitalFetchResult } from '../exchange/client';
import { viewLines } from '../timeline/stream-lines';
import type { HospitalView } from '../timeline/types';
import { wireEncoder } from '../timeline/wire';
import { BENCH_CID, BENCH_HOSPITALS, BENCH_TOKENS, importBenchPatient, startSandboxProcess } from './load-servers';
import { cpuMsPer, processCpuSeconds, readCpu, selfCpuSeconds } from './process-cpu';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const LOADS = arg('loads', 60);
const CONCURRENCY = arg('concurrency', 4);
/** `--windows on` or `off` measures one kind of read only (for a profile of it); both by default. */
const WINDOWS = process.argv.includes('--windows') ? process.argv[process.argv.indexOf('--windows') + 1] : 'both';
const PORT = 3952;
const ctx = { requestId: 'read-cost', purpose: 'TREAT' as const, practitioner: '12345', organization: '11535' };

/** What the app does with one answer before it leaves: facts, then the route's lines and the page's wire form. */
function shapeAnswer(r: HospitalFetchResult): number {
  const facts = toClinicalFacts(r.resources, r.hcode);
  const view: HospitalView = {
    hcode: r.hcode,
    status: r.status,
    facts,
    records: facts.length,
    counts: r.counts,
    newestDate: null,
    droppedWrongPatient: r.droppedWrongPatient,
    droppedUnverifiable: r.droppedUnverifiable,
    fetchedAt: r.fetchedAt,
    elapsedMs: r.elapsedMs,
  };
  let bytes = 0;
  const wire = wireEncoder();
  for (const line of viewLines(r.hcode, view)) {
    bytes += JSON.stringify(line).length;
    bytes += JSON.stringify(wire.encode(line)).length;
  }
  return bytes;
}

async function measure(sandboxUrl: string, sandboxPid: number, partitionByDate: boolean) {
  // No window plan: every read is a first read, windowed or not as asked.
  const client = createExchangeClient({
    baseUrl: sandboxUrl,
    token: BENCH_TOKENS.exchange,
    timeoutMs: 60_000,
    partitionByDate,
    learnWindowPlan: false,
  });
  const sources = { client: selfCpuSeconds, sandbox: () => processCpuSeconds(sandboxPid) };
  const results: HospitalFetchResult[] = [];
  // Warm up (JIT, connection pool) before counting.
  for (let i = 0; i < 5; i++) await Promise.all(client.fetchAllHospitals(BENCH_HOSPITALS, BENCH_CID, ctx));
  const t0 = performance.now();
  const before = readCpu(sources);
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < LOADS) results.push(...(await Promise.all(client.fetchAllHospitals(BENCH_HOSPITALS, BENCH_CID, ctx))));
    }),
  );
  const fetched = readCpu(sources);
  let bytes = 0;
  for (const r of results) bytes += shapeAnswer(r);
  const shaped = readCpu(sources);
  const statuses = [...new Set(results.map((r) => r.status))].join(',');
  return {
    partitionByDate,
    reads: results.length,
    statuses,
    records: results.reduce((n, r) => n + r.resources.length, 0) / results.length,
    wallS: Math.round(performance.now() - t0) / 1000,
    cpuMsPerRead: {
      exchangeClient: cpuMsPer(before, fetched, results.length).client,
      factsAndSerialising: cpuMsPer(fetched, shaped, results.length).client,
      sandbox: cpuMsPer(before, fetched, results.length).sandbox,
    },
    bytesPerRead: Math.round(bytes / results.length),
  };
}

async function main(): Promise<void> {
  const prof = process.env.BENCH_READ_CPU_PROF;
  const sandbox = await startSandboxProcess(PORT, { latency: 'none', ...(prof ? { cpuProfDir: prof } : {}) });
  try {
    await importBenchPatient(sandbox.url);
    const rows = [];
    // Twice each, alternating, so a burst of other work on the machine shows as disagreement.
    const kinds = WINDOWS === 'on' ? [true, true] : WINDOWS === 'off' ? [false, false] : [true, false, true, false];
    for (const partition of kinds) rows.push(await measure(sandbox.url, sandbox.pid, partition));
    console.log(JSON.stringify(rows, null, 2));
  } finally {
    await sandbox.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
