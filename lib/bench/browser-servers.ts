/**
 * Starts one checkout's production build (its own `lib/cli/start.ts`: sandbox exchange + app, fresh data)
 * for the browser benchmark, and fixes the sandbox's hospital latencies through its control route.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';

const CONTROL_TOKEN = 'sandbox-control-token';

export interface RunningApp {
  label: string;
  url: string;
  sandboxUrl: string;
  stop: () => Promise<void>;
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the app at ${url} exited with code ${String(child.exitCode)}`);
    const ok = await fetch(`${url}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the app at ${url} did not answer /api/health within ${timeoutMs / 1000} s`);
}

/** Starts `checkout`'s built app on `port` with its sandbox on `sandboxPort`; logs go to its data folder. */
export async function startApp(label: string, checkout: string, port: number, sandboxPort: number): Promise<RunningApp> {
  const data = path.join(checkout, 'data', `bench-browser-${port}`);
  await rm(data, { recursive: true, force: true });
  await mkdir(data, { recursive: true });
  const log = createWriteStream(path.join(data, 'app.log'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    SANDBOX_PORT: String(sandboxPort),
    SANDBOX_DATA_DIR: path.join(data, 'sandbox'),
    SANDBOX_LOG_FILE: path.join(data, 'sandbox.log'),
    PGLITE_DIR: path.join(data, 'pglite'),
    APP_ENV: 'test',
    LOG_LEVEL: 'warn',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  delete env.EXCHANGE_URL;
  delete env.DATABASE_URL;
  // detached: its own process group, so stopping it also stops the sandbox and the Next server it started.
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'lib/cli/start.ts'], {
    cwd: checkout,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const url = `http://localhost:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  };
  try {
    await waitForHealth(url, child, 240_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { label, url, sandboxUrl: `http://127.0.0.1:${sandboxPort}`, stop };
}

/** Sets every hospital's latency (ms, on every request) in a running sandbox. */
export async function fixLatencies(sandboxUrl: string, latencies: Record<string, number>): Promise<void> {
  const patch = Object.fromEntries(Object.entries(latencies).map(([hcode, ms]) => [hcode, { latencyMs: ms }]));
  const res = await fetch(`${sandboxUrl}/_sandbox/faults`, {
    method: 'POST',
    headers: { authorization: `Bearer ${CONTROL_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(patch),
  });
  if (!res.ok) throw new Error(`the sandbox refused the latencies: HTTP ${res.status} ${await res.text()}`);
}
