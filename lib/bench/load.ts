/**
 * Load and fault benchmark against a real app instance on PostgreSQL (run through lib/cli/with-postgres.sh:
 * `npm run bench:load`; needs `npm run build` first). N signed-in doctor sessions each load a consented
 * patient's timeline (one streamed request for all twelve hospitals, as the record page does) again and again.
 * Reports throughput, latency percentiles, the app's overhead over the exchange's own time (measured per
 * request by the exchange client), errors, and audit rows written versus reads served.
 * Three runs: saturation (no pause between loads: what the issue asks, and it measures capacity), paced
 * (each session pauses --think-ms, jittered, between loads: a ward of doctors reading records) and faults.
 * Flags: --sessions 200 --seconds 60 --paced-seconds 60 --think-ms 60000 --fault-seconds 60
 * Env: BENCH_APP_CPU_PROF=<dir> writes a V8 CPU profile of the app process there when it stops (for finding
 * where a read's CPU goes; open it in Chrome DevTools).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { jsonLines } from '../http/json-lines';
import { withCitizenIdCheckDigit } from '../identity/citizen-id';
import { HOSPITALS } from '../sandbox/demo-catalog';
import { TERMS_VERSION } from '../terms/content';
import { buildBenchData } from './merge-bench';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SESSIONS = arg('sessions', 200);
const SECONDS = arg('seconds', 60);
const FAULT_SECONDS = arg('fault-seconds', 60);
const PACED_SECONDS = arg('paced-seconds', 60);
const THINK_MS = arg('think-ms', 60_000);
const PORT = 3950;
const SANDBOX_PORT = 3951;
const tokens = { exchange: 'load-exchange-token', council: 'load-council-token', sms: 'load-sms-token', control: 'load-control-token' };
const pct = (xs: number[], p: number) =>
  xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! : NaN;

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

interface RunStats {
  seconds: number;
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
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function loadRun(
  base: string,
  cookies: string[],
  accessId: string,
  hospitals: string[],
  seconds: number,
  thinkMs = 0,
): Promise<RunStats> {
  const latencies: number[] = [];
  const exchange: number[] = [];
  const overhead: number[] = [];
  const statuses: Record<string, number> = {};
  let ok = 0;
  let e5 = 0;
  let other = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    cookies.map(async (cookie) => {
      // Paced sessions start spread over one think time, then pause 0.5–1.5 think times between loads.
      if (thinkMs > 0) await pause(Math.random() * thinkMs);
      while (performance.now() < end) {
        // One timeline load as the record page does it: one streamed request, one JSON line per hospital.
        const t0 = performance.now();
        let received = 0;
        try {
          const res = await fetch(`${base}/api/access/${accessId}/timeline?h=${hospitals.join(',')}`, { headers: { cookie } });
          if (!res.ok || res.body === null) {
            if (res.status >= 500) e5 += hospitals.length;
            else other += hospitals.length;
            await res.body?.cancel();
            received = hospitals.length;
          } else {
            for await (const value of jsonLines(res.body)) {
              const line = value as { view?: { status: string; elapsedMs: number }; error?: { status: number }; facts?: unknown[] };
              if (line.facts) continue; // the first part of a large answer; its hospital is timed by its last line
              const ms = performance.now() - t0;
              latencies.push(ms);
              received++;
              if (line.view) {
                ok++;
                statuses[line.view.status] = (statuses[line.view.status] ?? 0) + 1;
                exchange.push(line.view.elapsedMs);
                overhead.push(ms - line.view.elapsedMs);
              } else if ((line.error?.status ?? 500) >= 500) e5++;
              else other++;
            }
          }
        } catch {
          // the connection broke: every hospital not yet received counts as an error
        }
        other += hospitals.length - received;
        if (thinkMs > 0) await pause(Math.min(thinkMs * (0.5 + Math.random()), Math.max(0, end - performance.now())));
      }
    }),
  );
  return {
    seconds,
    requests: latencies.length,
    ok,
    errors5xx: e5,
    otherErrors: other,
    statuses,
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    p99: pct(latencies, 99),
    exchangeP95: pct(exchange, 95),
    overheadP50: pct(overhead, 50),
    overheadP95: pct(overhead, 95),
    throughputPerS: latencies.length / seconds,
  };
}

/** Starts `lib/sandbox/main.ts` as a child process on SANDBOX_PORT with default latencies. */
async function startSandboxProcess(): Promise<{ url: string; close(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'lib/sandbox/main.ts'], {
    env: {
      ...process.env,
      SANDBOX_PORT: String(SANDBOX_PORT),
      SANDBOX_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'hl-load-')),
      SANDBOX_LATENCY: 'default',
      SANDBOX_EXCHANGE_TOKEN: tokens.exchange,
      SANDBOX_COUNCIL_TOKEN: tokens.council,
      SANDBOX_SMS_TOKEN: tokens.sms,
      SANDBOX_CONTROL_TOKEN: tokens.control,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (b: Buffer) => b.toString().includes('sandbox listening on') && resolve());
    child.on('exit', (c) => reject(new Error(`sandbox exited ${String(c)}`)));
  });
  return {
    url: `http://127.0.0.1:${SANDBOX_PORT}`,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
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
  const sandbox = await startSandboxProcess();
  const cid = withCitizenIdCheckDigit('555000000002');
  const hospitals = HOSPITALS.map((h) => h.hcode);
  const data = buildBenchData({ resources: 100 * hospitals.length, hospitals: hospitals.length });
  for (const [i, hcode] of hospitals.entries()) {
    const bundle = { resourceType: 'Bundle', type: 'collection', entry: data[i]!.resources.map((resource) => ({ resource })) };
    const r = await fetch(`${sandbox.url}/_sandbox/import?hospital=${hcode}&cid=${cid}&phone=0800000002`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.control}`, 'content-type': 'application/json' },
      body: JSON.stringify(bundle),
    });
    if (!r.ok) throw new Error(`import ${hcode}: ${r.status}`);
  }

  const base = `http://127.0.0.1:${PORT}`;
  const profile = process.env.BENCH_APP_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_APP_CPU_PROF}`] : [];
  const app = spawn(process.execPath, [...profile, '--import', 'tsx', 'lib/cli/server.ts'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      APP_URL: base,
      APP_ENV: 'test',
      DATABASE_URL: dbUrl,
      SANDBOX_MODE: '1',
      EXCHANGE_URL: sandbox.url,
      COUNCIL_URL: sandbox.url,
      SMS_URL: sandbox.url,
      EXCHANGE_TOKEN: tokens.exchange,
      COUNCIL_TOKEN: tokens.council,
      SMS_TOKEN: tokens.sms,
      AUTH_SECRET: 'load-bench-secret-0123456789abcdef0123',
      SERVICE_TOKEN: 'load-bench-service-token-01234',
      METRICS_TOKEN: 'load-bench-metrics-token-01234',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    app.stdout.on('data', (b: Buffer) => b.toString().includes('Ready on') && resolve());
    app.on('exit', (c) => reject(new Error(`app exited ${String(c)}`)));
  });
  try {
    // The first request opens the database, which applies the migrations.
    const health = await fetch(`${base}/api/health`);
    if (!health.ok) throw new Error(`app not healthy: ${health.status}`);
    // The consent is created directly in the database: the benchmark measures reading, not the OTP flow.
    const db = new pg.Client({ connectionString: dbUrl });
    await db.connect();
    const challengeId = crypto.randomUUID();
    const accessId = crypto.randomUUID();
    await db.query(
      `INSERT INTO consent_challenges (id, licence_number, hospital_code, patient_cid, purpose, code_hash, code_expires_at, last_sent_at, status) VALUES ($1,'12345','11535',$2,'TREAT','bench',now(),now(),'verified')`,
      [challengeId, cid],
    );
    await db.query(
      `INSERT INTO consents (id, licence_number, hospital_code, patient_cid, purpose, method, challenge_id, started_at, expires_at) VALUES ($1,'12345','11535',$2,'TREAT','otp',$3,now(),now() + interval '12 hours')`,
      [accessId, cid, challengeId],
    );

    // The doctor has accepted the current terms of use (the entry layer refuses every record read until then).
    await db.query(
      `INSERT INTO terms_acceptances (licence_number, version, accepted_at, hospital_code) VALUES ('12345', $1, now(), '11535')`,
      [TERMS_VERSION],
    );

    console.log(`signing in ${SESSIONS} sessions…`);
    const cookies: string[] = [];
    for (let i = 0; i < SESSIONS; i++) cookies.push(await signIn(base));
    const countReads = async () =>
      (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'clinical-read'`)).rows[0]!.n;
    const auditBefore = await countReads();

    console.log(`load: ${SESSIONS} sessions × ${hospitals.length} hospitals for ${SECONDS} s (sandbox default latencies)…`);
    const normal = await loadRun(base, cookies, accessId, hospitals, SECONDS);
    const auditAfter = await countReads();
    const auditRows = auditAfter - auditBefore;

    console.log(`paced: ${SESSIONS} sessions, each pausing ${THINK_MS / 1000} s (±50 %) between timeline loads, for ${PACED_SECONDS} s…`);
    const paced = await loadRun(base, cookies, accessId, hospitals, PACED_SECONDS, THINK_MS);
    const pacedAuditRows = (await countReads()) - auditAfter;

    const faults = {
      [hospitals[0]!]: { timeoutRate: 1 },
      [hospitals[1]!]: { timeoutRate: 1 },
      [hospitals[2]!]: { timeoutRate: 1 },
      [hospitals[3]!]: { malformedRate: 1, malformedKind: 'truncated' },
    };
    await fetch(`${sandbox.url}/_sandbox/faults`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.control}`, 'content-type': 'application/json' },
      body: JSON.stringify(faults),
    });
    console.log(`fault run: 3 hospitals never answer, 1 sends truncated JSON, for ${FAULT_SECONDS} s…`);
    const faulted = await loadRun(base, cookies, accessId, hospitals, FAULT_SECONDS);
    const metricsText = await (
      await fetch(`${base}/api/metrics`, { headers: { authorization: 'Bearer load-bench-metrics-token-01234' } })
    ).text();
    const openBreakers = metricsText.split('\n').filter((l) => l.startsWith('hl_exchange_breaker_open{') && l.endsWith(' 1')).length;
    await fetch(`${sandbox.url}/_sandbox/faults`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.control}`, 'content-type': 'application/json' },
      body: JSON.stringify(Object.fromEntries(Object.keys(faults).map((k) => [k, null]))),
    });
    // After the 30 s cool-down one trial request per hospital closes the breakers again.
    await new Promise((r) => setTimeout(r, 31_000));
    await loadRun(base, cookies.slice(0, 1), accessId, hospitals, 2);
    const after = await (
      await fetch(`${base}/api/metrics`, { headers: { authorization: 'Bearer load-bench-metrics-token-01234' } })
    ).text();
    const stillOpen = after.split('\n').filter((l) => l.startsWith('hl_exchange_breaker_open{') && l.endsWith(' 1')).length;
    await db.end();

    const result = {
      date: new Date().toISOString(),
      sessions: SESSIONS,
      hospitals: hospitals.length,
      normal: { ...normal, auditRows, readsServed: normal.ok },
      paced: { ...paced, thinkMs: THINK_MS, auditRows: pacedAuditRows, readsServed: paced.ok },
      fault: { ...faulted, breakersOpenDuringFaults: openBreakers, breakersOpenAfterRecovery: stillOpen },
    };
    console.log(JSON.stringify(result, null, 2));
    mkdirSync('bench-results', { recursive: true });
    writeFileSync('bench-results/load.json', `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    app.kill('SIGTERM');
    await sandbox.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
