/**
 * The processes of the load benchmarks (lib/bench/load.ts, lib/bench/read-cost.ts): the sandbox (the stand-in
 * exchange) and the production app, each its own child process so its CPU time can be read from /proc, and the
 * benchmark patient's records imported into the sandbox.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { withCitizenIdCheckDigit } from '../identity/citizen-id';
import { HOSPITALS } from '../sandbox/demo-catalog';
import { buildBenchData } from './merge-bench';

export const BENCH_TOKENS = {
  exchange: 'load-exchange-token',
  council: 'load-council-token',
  sms: 'load-sms-token',
  control: 'load-control-token',
};

/** The benchmark patient: a citizen ID the demo catalogue does not use, with records at all twelve hospitals. */
export const BENCH_CID = withCitizenIdCheckDigit('555000000002');
export const BENCH_HOSPITALS = HOSPITALS.map((h) => h.hcode);

export interface ChildServer {
  url: string;
  pid: number;
  close(): Promise<void>;
}

/** `--cpu-prof` flags when `dir` is set: V8 writes the process's CPU profile there when it exits. */
export const cpuProfileFlags = (dir: string | undefined): string[] => (dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : []);

/** Children being stopped on purpose: their exit is not news. */
const closing = new WeakSet<ChildProcess>();

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      closing.add(child);
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
}

function untilPrinted(child: ChildProcess, text: string, name: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let ready = false;
    child.stdout?.on('data', (b: Buffer) => {
      if (!ready && b.toString().includes(text)) {
        ready = true;
        resolve();
      }
    });
    child.on('exit', (code, signal) => {
      const how = `${name} exited (code ${String(code)}, signal ${String(signal)})`;
      // After start-up an exit is only expected from close(): say so, or a run's figures would hide it.
      if (ready && !closing.has(child)) console.error(`load bench: ${how} during the runs`);
      reject(new Error(how));
    });
  });
}

/**
 * Starts `lib/sandbox/main.ts` as a child process. `latency`: 'default' (each hospital's own range, as the
 * record page meets them) or 'none' (for counting CPU without waiting). `cpuProfDir`: write its CPU profile.
 */
export async function startSandboxProcess(
  port: number,
  opts: { latency?: 'default' | 'none'; cpuProfDir?: string } = {},
): Promise<ChildServer> {
  const child = spawn(process.execPath, [...cpuProfileFlags(opts.cpuProfDir), '--import', 'tsx', 'lib/sandbox/main.ts'], {
    env: {
      ...process.env,
      SANDBOX_PORT: String(port),
      SANDBOX_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'hl-load-')),
      SANDBOX_LATENCY: opts.latency ?? 'default',
      SANDBOX_EXCHANGE_TOKEN: BENCH_TOKENS.exchange,
      SANDBOX_COUNCIL_TOKEN: BENCH_TOKENS.council,
      SANDBOX_SMS_TOKEN: BENCH_TOKENS.sms,
      SANDBOX_CONTROL_TOKEN: BENCH_TOKENS.control,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await untilPrinted(child, 'sandbox listening on', 'sandbox');
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, close: stopper(child) };
}

/** Imports the benchmark patient's records: 100 generated resources at each of the twelve hospitals. */
export async function importBenchPatient(sandboxUrl: string): Promise<void> {
  const data = buildBenchData({ resources: 100 * BENCH_HOSPITALS.length, hospitals: BENCH_HOSPITALS.length });
  for (const [i, hcode] of BENCH_HOSPITALS.entries()) {
    const bundle = { resourceType: 'Bundle', type: 'collection', entry: data[i]!.resources.map((resource) => ({ resource })) };
    const r = await fetch(`${sandboxUrl}/_sandbox/import?hospital=${hcode}&cid=${BENCH_CID}&phone=0800000002`, {
      method: 'POST',
      headers: { authorization: `Bearer ${BENCH_TOKENS.control}`, 'content-type': 'application/json' },
      body: JSON.stringify(bundle),
    });
    if (!r.ok) throw new Error(`import ${hcode}: ${r.status}`);
  }
}

/** The metrics endpoint's token of the benchmark's app. */
export const BENCH_METRICS_TOKEN = 'load-bench-metrics-token-01234';

/** Starts the production app (`lib/cli/server.ts`, needs `npm run build`) on `port`, against the sandbox and `dbUrl`. */
export async function startAppProcess(port: number, sandboxUrl: string, dbUrl: string, cpuProfDir?: string): Promise<ChildServer> {
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...cpuProfileFlags(cpuProfDir), '--import', 'tsx', 'lib/cli/server.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      APP_URL: base,
      APP_ENV: 'test',
      DATABASE_URL: dbUrl,
      SANDBOX_MODE: '1',
      EXCHANGE_URL: sandboxUrl,
      COUNCIL_URL: sandboxUrl,
      SMS_URL: sandboxUrl,
      EXCHANGE_TOKEN: BENCH_TOKENS.exchange,
      COUNCIL_TOKEN: BENCH_TOKENS.council,
      SMS_TOKEN: BENCH_TOKENS.sms,
      AUTH_SECRET: 'load-bench-secret-0123456789abcdef0123',
      SERVICE_TOKEN: 'load-bench-service-token-01234',
      METRICS_TOKEN: BENCH_METRICS_TOKEN,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await untilPrinted(child, 'Ready on', 'app');
  return { url: base, pid: child.pid!, close: stopper(child) };
}
