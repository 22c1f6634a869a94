/** Shared set-up for the sandbox's own contract tests: an in-process sandbox on a free port. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { startSandbox, type RunningSandbox } from './server';

export const TOKENS = { exchange: 'ex-token', council: 'co-token', sms: 'sms-token', control: 'ctl-token' } as const;
export const TH_CID = 'https://terms.sil-th.org/id/th-cid';
export const DOPA = 'http://dopa.go.th';

export interface TestSandbox extends RunningSandbox {
  dataDir: string;
  get(pathAndQuery: string, token?: string): Promise<Response>;
  post(pathAndQuery: string, body: unknown, token?: string): Promise<Response>;
  dispose(): Promise<void>;
}

export function makeDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'sandbox-test-'));
}

export async function startTestSandbox(dataDir = makeDataDir()): Promise<TestSandbox> {
  const sb = await startSandbox({ port: 0, dataDir, latency: 'none', tokens: TOKENS, log: () => undefined });
  const auth = (token: string | undefined): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});
  return {
    ...sb,
    dataDir,
    get: (p, token = TOKENS.exchange) => fetch(`${sb.url}${p}`, { headers: auth(token) }),
    post: (p, body, token = TOKENS.exchange) =>
      fetch(`${sb.url}${p}`, {
        method: 'POST',
        headers: { ...auth(token), 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    dispose: async () => {
      await sb.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function resources<T extends Resource = Resource>(bundle: Bundle): T[] {
  return (bundle.entry ?? []).map((e) => e.resource as T);
}

export function nextLink(bundle: Bundle): string | undefined {
  return bundle.link?.find((l) => l.relation === 'next')?.url;
}

export function q(system: string, cid: string): string {
  return encodeURIComponent(`${system}|${cid}`);
}
