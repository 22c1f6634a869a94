/**
 * Load and fault benchmark against a real app instance on PostgreSQL (run through lib/cli/with-postgres.sh:
 * `npm run bench:load`; needs `npm run build` first). N signed-in doctor sessions each load a consented
 * patient's record (twelve hospitals) again and again. Reports throughput, latency percentiles, the app's
 * overhead over the exchange's own time (measured per request by the exchange client), errors, audit rows
 * written versus reads served, and the CPU time each process spent per hospital read (app, the sandbox
 * standing in for the exchange, PostgreSQL, the load generator): the figure that holds on a shared machine.
 * Runs: saturation (no pause between loads: capacity) and paced (each session pauses --think-ms, jittered,
 * between loads: a ward of doctors reading records) through the streamed timeline route, the same two through
 * the record page itself (`/patient/{id}`, which starts the reads with its request), then faults.
 * Flags: --sessions 200 --seconds 60 --paced-seconds 60 --think-ms 60000 --page-seconds 60
 *        --page-paced-seconds 60 --fault-seconds 60 (a run of 0 seconds is skipped)
 * Env: BENCH_APP_CPU_PROF=<dir> / BENCH_SANDBOX_CPU_PROF=<dir> write a V8 CPU profile of the app / the sandbox
 * process there when it stops (for finding where a read's CPU goes; open it in Chrome DevTools).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { TERMS_VERSION } from '../terms/content';
import { loadRun, type RunStats, type RunTarget } from './load-run';
import {
  BENCH_CID,
  BENCH_HOSPITALS,
  BENCH_METRICS_TOKEN,
  BENCH_TOKENS,
  importBenchPatient,
  startAppProcess,
  startSandboxProcess,
} from './load-servers';
import { cpuMsPer, processCpuSeconds, processTreeCpuSeconds, readCpu, selfCpuSeconds } from './process-cpu';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SESSIONS = arg('sessions', 200);
const SECONDS = arg('seconds', 60);
const FAULT_SECONDS = arg('fault-seconds', 60);
const PACED_SECONDS = arg('paced-seconds', 60);
const PAGE_SECONDS = arg('page-seconds', 60);
const PAGE_PACED_SECONDS = arg('page-paced-seconds', 60);
const THINK_MS = arg('think-ms', 60_000);
const PORT = 3950;
const SANDBOX_PORT = 3951;

async function signIn(base: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const csrfCookie = (csrfRes.headers.getSetCookie().find((c) => c.startsWith('hl.csrf=')) ?? '').split(';')[0]!;
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/doctor`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, licence: '12345', pin: '246810', json: 'true' }),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith('hl.session='));
  if (!session) throw new Error(`sign-in failed: ${res.status}`);
  return session.split(';')[0]!;
}

/** The PostgreSQL server's postmaster, whose backends' CPU time is PostgreSQL's share. */
async function postmasterPid(db: pg.Client): Promise<number> {
  const dir = (await db.query<{ data_directory: string }>('SHOW data_directory')).rows[0]!.data_directory;
  return Number(readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

async function sandboxFaults(url: string, faults: Record<string, unknown>): Promise<void> {
  await fetch(`${url}/_sandbox/faults`, {
    method: 'POST',
    headers: { authorization: `Bearer ${BENCH_TOKENS.control}`, 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
}

async function openBreakers(base: string): Promise<number> {
  const text = await (await fetch(`${base}/api/metrics`, { headers: { authorization: `Bearer ${BENCH_METRICS_TOKEN}` } })).text();
  return text.split('\n').filter((l) => l.startsWith('hl_exchange_breaker_open{') && l.endsWith(' 1')).length;
}

/** Creates the consent (directly: the benchmark measures reading, not the OTP flow) and the doctor's terms acceptance. */
async function grantAccess(db: pg.Client): Promise<string> {
  const challengeId = crypto.randomUUID();
  const accessId = crypto.randomUUID();
  await db.query(
    `INSERT INTO consent_challenges (id, licence_number, hospital_code, patient_cid, purpose, code_hash, code_expires_at, last_sent_at, status) VALUES ($1,'12345','11535',$2,'TREAT','bench',now(),now(),'verified')`,
    [challengeId, BENCH_CID],
  );
  // The hospitals the exchange named when the access began: the record page asks them with its request.
  await db.query(
    `INSERT INTO consents (id, licence_number, hospital_code, patient_cid, purpose, method, challenge_id, started_at, expires_at, sharing_hcodes) VALUES ($1,'12345','11535',$2,'TREAT','otp',$3,now(),now() + interval '12 hours',$4)`,
    [accessId, BENCH_CID, challengeId, BENCH_HOSPITALS],
  );
  // The doctor has accepted the current terms of use (the entry layer refuses every record read until then).
  await db.query(
    `INSERT INTO terms_acceptances (licence_number, version, accepted_at, hospital_code) VALUES ('12345', $1, now(), '11535')`,
    [TERMS_VERSION],
  );
  return accessId;
}

/**
 * Three hospitals never answer and one sends truncated JSON for FAULT_SECONDS; then, the faults lifted, the
 * breakers must close again after their 30 s cool-down (one trial request per hospital).
 */
async function faultRun(target: RunTarget, sandboxUrl: string) {
  const [h0, h1, h2, h3] = BENCH_HOSPITALS as [string, string, string, string];
  const faults = {
    [h0]: { timeoutRate: 1 },
    [h1]: { timeoutRate: 1 },
    [h2]: { timeoutRate: 1 },
    [h3]: { malformedRate: 1, malformedKind: 'truncated' },
  };
  await sandboxFaults(sandboxUrl, faults);
  console.log(`fault run: 3 hospitals never answer, 1 sends truncated JSON, for ${FAULT_SECONDS} s…`);
  const faulted = await loadRun(target, FAULT_SECONDS);
  const duringFaults = await openBreakers(target.base);
  await sandboxFaults(sandboxUrl, Object.fromEntries(Object.keys(faults).map((k) => [k, null])));
  await new Promise((r) => setTimeout(r, 31_000));
  await loadRun({ ...target, cookies: target.cookies.slice(0, 1) }, 2);
  return { ...faulted, breakersOpenDuringFaults: duringFaults, breakersOpenAfterRecovery: await openBreakers(target.base) };
}

async function main(): Promise<void> {
  const adminUrl = process.env.TEST_POSTGRES_URL;
  if (!adminUrl) throw new Error('run through lib/cli/with-postgres.sh (npm run bench:load)');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query('CREATE DATABASE load_bench');
  await admin.end();
  const dbUrl = adminUrl.replace(/\/[^/]*$/, '/load_bench');

  // The sandbox runs in its own process, as the exchange is elsewhere in reality: its work must not delay
  // the load client's clock (which measures the app's answers) in this process.
  const sandboxProf = process.env.BENCH_SANDBOX_CPU_PROF;
  const sandbox = await startSandboxProcess(SANDBOX_PORT, sandboxProf ? { cpuProfDir: sandboxProf } : {});
  await importBenchPatient(sandbox.url);
  const app = await startAppProcess(PORT, sandbox.url, dbUrl, process.env.BENCH_APP_CPU_PROF);
  const base = app.url;
  try {
    // The first request opens the database, which applies the migrations.
    const health = await fetch(`${base}/api/health`);
    if (!health.ok) throw new Error(`app not healthy: ${health.status}`);
    const db = new pg.Client({ connectionString: dbUrl });
    await db.connect();
    const accessId = await grantAccess(db);
    const postgres = await postmasterPid(db);
    const cpuSources = {
      app: () => processCpuSeconds(app.pid),
      sandbox: () => processCpuSeconds(sandbox.pid),
      postgres: () => processTreeCpuSeconds(postgres),
      loadGenerator: selfCpuSeconds,
    };

    console.log(`signing in ${SESSIONS} sessions…`);
    const cookies: string[] = [];
    for (let i = 0; i < SESSIONS; i++) cookies.push(await signIn(base));
    const target: RunTarget = { base, cookies, accessId, hospitals: BENCH_HOSPITALS };
    const countReads = async () =>
      (
        await db.query<{ n: number; failed: number }>(
          `SELECT count(*)::int AS n, count(*) FILTER (WHERE outcome <> 'success')::int AS failed FROM audit_log WHERE action = 'clinical-read'`,
        )
      ).rows[0]!;

    // Written again after each run, so a run that breaks (a process gone) leaves the figures taken before it.
    const result: Record<string, unknown> = { date: new Date().toISOString(), sessions: SESSIONS, hospitals: BENCH_HOSPITALS.length };
    const save = (key: string, value: unknown): void => {
      result[key] = value;
      result.loadAverage = os.loadavg().map((l) => Math.round(l * 100) / 100);
      mkdirSync('bench-results', { recursive: true });
      writeFileSync('bench-results/load.json', `${JSON.stringify(result, null, 2)}\n`);
    };

    /** One run, with the audit rows it wrote and each process's CPU milliseconds per hospital read. */
    const measured = async (key: string, label: string, seconds: number, opts: { thinkMs?: number; page?: boolean }) => {
      if (seconds <= 0) return undefined;
      console.log(`${label}: ${SESSIONS} sessions × ${BENCH_HOSPITALS.length} hospitals for ${seconds} s…`);
      const audit0 = await countReads();
      const cpu0 = readCpu(cpuSources);
      const stats: RunStats = await loadRun(target, seconds, opts);
      const cpu1 = readCpu(cpuSources);
      const audit1 = await countReads();
      const auditRows = audit1.n - audit0.n;
      const run = {
        ...stats,
        ...(opts.thinkMs === undefined ? {} : { thinkMs: opts.thinkMs }),
        auditRows,
        auditFailures: audit1.failed - audit0.failed,
        readsServed: stats.ok,
        cpuMsPerRead: cpuMsPer(cpu0, cpu1, auditRows),
      };
      save(key, run);
      return run;
    };

    // A short warm-up (JIT, connection pools, Next's route caches) that no figure counts.
    await loadRun({ ...target, cookies: cookies.slice(0, 20) }, 5);
    await loadRun({ ...target, cookies: cookies.slice(0, 20) }, 5, { page: true });
    await measured('normal', 'saturation (timeline route)', SECONDS, {});
    const pacing = `${THINK_MS / 1000} s ±50 % between loads`;
    await measured('paced', `paced (timeline route, ${pacing})`, PACED_SECONDS, { thinkMs: THINK_MS });
    await measured('page', 'saturation (record page)', PAGE_SECONDS, { page: true });
    await measured('pagePaced', `paced (record page, ${pacing})`, PAGE_PACED_SECONDS, { thinkMs: THINK_MS, page: true });

    if (FAULT_SECONDS > 0) save('fault', await faultRun(target, sandbox.url));
    await db.end();

    console.log(JSON.stringify(result, null, 2));
  } finally {
    await app.close();
    await sandbox.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
