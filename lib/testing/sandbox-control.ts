import { TEST_TOKENS } from './global-setup';

/** Calls the running test sandbox's control API (reset, faults, …); throws unless it answers 200. */
export async function sandboxControl(sandboxUrl: string, path: string, body?: unknown): Promise<void> {
  const res = await fetch(`${sandboxUrl}/_sandbox/${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TEST_TOKENS.control}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  if (res.status !== 200) throw new Error(`sandbox control ${path} answered HTTP ${res.status}`);
}
