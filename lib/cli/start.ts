/**
 * Starts the viewer: the sandbox exchange first when EXCHANGE_URL is unset (demo mode), then checks the
 * configuration and the database (migrations, demo data), then `next start`. Prints the URL and demo logins.
 * Usage: npm start            (after `npm run build`; `npm run demo` does install + build + start)
 *        npm start -- --dev   (next dev instead of next start)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const dev = process.argv.includes('--dev');
// --production never starts the sandbox; lib/env.ts then refuses demo secrets and loopback adapters.
const production = process.argv.includes('--production');
const children: ChildProcess[] = [];

function stopAll(code: number): never {
  for (const c of children) c.kill('SIGTERM');
  process.exit(code);
}
let appChild: ChildProcess | undefined;
let sandboxChild: ChildProcess | undefined;

// The app drains its in-flight requests first; the sandbox goes after it.
function forward(signal: NodeJS.Signals, code: number): void {
  if (!appChild) stopAll(code);
  appChild.once('exit', () => {
    sandboxChild?.kill('SIGTERM');
    process.exit(code);
  });
  appChild.kill(signal);
}
process.on('SIGINT', () => forward('SIGINT', 130));
process.on('SIGTERM', () => forward('SIGTERM', 143));

function waitForLine(
  child: ChildProcess,
  pattern: RegExp,
  what: string,
  timeoutMs: number,
  sink: NodeJS.WritableStream = process.stdout,
): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start within ${timeoutMs / 1000} s`)), timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      sink.write(chunk);
      buffered = (buffered + chunk.toString()).slice(-4000);
      const m = pattern.exec(buffered);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with code ${String(code)}`));
    });
  });
}

async function main(): Promise<void> {
  const env: Record<string, string | undefined> = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  const port = env.PORT ?? '3000';
  env.APP_URL ??= `http://localhost:${port}`;
  let sandbox = false;

  if (!env.EXCHANGE_URL && production) {
    console.error('Invalid configuration:\n  - EXCHANGE_URL: is required but not set (start:prod never starts the sandbox)');
    stopAll(1);
  }
  if (!env.EXCHANGE_URL) {
    sandbox = true;
    const sandboxPort = env.SANDBOX_PORT ?? '4010';
    const child = spawn(process.execPath, ['--import', 'tsx', 'lib/sandbox/main.ts'], {
      cwd: root,
      env: { ...(env as NodeJS.ProcessEnv), SANDBOX_PORT: sandboxPort },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    sandboxChild = child;
    // SANDBOX_LOG_FILE keeps the sandbox's own output (its demo banner lists patients and PINs) out of the app's log.
    const sink = env.SANDBOX_LOG_FILE ? createWriteStream(env.SANDBOX_LOG_FILE, { flags: 'a' }) : process.stdout;
    const m = await waitForLine(child, /sandbox listening on (http:\/\/\S+)/, 'The sandbox exchange', 120_000, sink);
    const url = m[1]!;
    Object.assign(env, {
      EXCHANGE_URL: url,
      COUNCIL_URL: url,
      SMS_URL: url,
      EXCHANGE_TOKEN: env.SANDBOX_EXCHANGE_TOKEN ?? 'sandbox-exchange-token',
      COUNCIL_TOKEN: env.SANDBOX_COUNCIL_TOKEN ?? 'sandbox-council-token',
      SMS_TOKEN: env.SANDBOX_SMS_TOKEN ?? 'sandbox-sms-token',
      SANDBOX_MODE: '1',
      APP_ENV: env.APP_ENV ?? 'demo',
    });
    // Demo-only secrets: refused by lib/env.ts whenever APP_ENV=production.
    env.AUTH_SECRET ??= 'demo-auth-secret-change-me-0123456789abcdef';
    env.SERVICE_TOKEN ??= 'demo-service-token-0123456789';
    env.METRICS_TOKEN ??= 'demo-metrics-token-0123456789';
    env.AUDIT_CHECKPOINT_KEY ??= 'ZGVtby1hdWRpdC1jaGVja3BvaW50LWtleS0wMTIzNDU=';
    env.AUDIT_CHECKPOINT_DIR ??= path.join(path.dirname(env.PGLITE_DIR ?? 'data/pglite'), 'audit-checkpoints');
  }

  const { parseEnv } = await import('../env');
  const parsed = parseEnv(env);
  if (!parsed.ok) {
    console.error('Invalid configuration:');
    for (const e of parsed.errors) console.error(`  - ${e}`);
    stopAll(1);
  }

  // Open the database once before the server: migrations run here, and a bad DATABASE_URL fails loudly now.
  const { openDatabase } = await import('../db/client');
  const config = parsed.env;
  try {
    const d = await openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL } : { pgliteDir: config.PGLITE_DIR });
    await d.close();
  } catch (error) {
    console.error(
      `Database not usable (${config.DATABASE_URL ? 'PostgreSQL' : `PGlite in ${config.PGLITE_DIR}`}): ${error instanceof Error ? error.message : String(error)}`,
    );
    stopAll(1);
  }

  const host = env.HOST ?? '127.0.0.1';
  const args = dev
    ? [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'dev', '-p', port, '-H', host]
    : ['--import', 'tsx', 'lib/cli/server.ts'];
  const next = spawn(process.execPath, args, {
    cwd: root,
    env: { ...(env as NodeJS.ProcessEnv), PORT: port, HOST: host },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(next);
  appChild = next;
  next.on('exit', (code) => stopAll(code ?? 1));
  await waitForLine(next, /Ready on|Ready in|Local:/i, 'The web app', 180_000);
  const lines = [
    '',
    '────────────────────────────────────────────────────────────',
    ` Health Link Viewer is running: ${config.APP_URL}`,
    ` Database: ${config.DATABASE_URL ? 'PostgreSQL' : `embedded PGlite (${config.PGLITE_DIR})`}`,
  ];
  if (sandbox && config.APP_ENV !== 'test') {
    lines.push(
      ` Sandbox exchange + SMS inbox: ${config.EXCHANGE_URL}/sms`,
      ` Mor Prom app inbox (MOPH-PHR codes): ${config.EXCHANGE_URL}/moph-phr/inbox`,
      ' Demo doctors (licence / PIN):',
      '   ว.12345 / 246810  Dr Somying Jaidee, Klang Hospital (one hospital)',
      '   ว.34567 / 112233  Dr Kamonwan Srisuk (three hospitals)',
      '   ว.23456 / 135790  Dr Prasert Wongsawat, emergency physician',
      ' Demo patient: 3-1004-00123-45-6 (Somsri Meesuk) — the OTP arrives in the SMS inbox above',
      ' Demo admin: admin11535 / Klang-Admin-2569!  (TOTP code: npm run admin:totp -- admin11535)',
    );
  }
  lines.push('────────────────────────────────────────────────────────────', '');
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  stopAll(1);
});
