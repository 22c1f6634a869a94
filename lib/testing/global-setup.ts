import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    sandboxUrl: string;
    postgresUrl: string;
  }
}

/** Test-only tokens the sandbox is started with; the app adapters are configured with the same. */
export const TEST_TOKENS = {
  exchange: 'test-exchange-token',
  council: 'test-council-token',
  sms: 'test-sms-token',
  control: 'test-control-token',
} as const;

let child: ChildProcess | undefined;

/** Starts the sandbox exchange as its own process (as in production, the app reaches it only over HTTP). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = path.resolve(import.meta.dirname, '../..');
  child = spawn(process.execPath, ['--import', 'tsx', 'lib/sandbox/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      SANDBOX_PORT: '0',
      SANDBOX_LATENCY: 'none',
      SANDBOX_DATA_DIR: path.join(root, 'data', `sandbox-test-${process.pid}`),
      SANDBOX_EXCHANGE_TOKEN: TEST_TOKENS.exchange,
      SANDBOX_COUNCIL_TOKEN: TEST_TOKENS.council,
      SANDBOX_SMS_TOKEN: TEST_TOKENS.sms,
      SANDBOX_CONTROL_TOKEN: TEST_TOKENS.control,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('sandbox did not start within 60 s')), 60_000);
    let buffered = '';
    child!.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const match = /sandbox listening on (http:\/\/[^\s]+)/.exec(buffered);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child!.on('exit', (code) => reject(new Error(`sandbox exited early with code ${String(code)}`)));
  });
  project.provide('sandboxUrl', url);
  project.provide('postgresUrl', process.env.TEST_POSTGRES_URL ?? '');
  return async () => {
    child?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
  };
}
