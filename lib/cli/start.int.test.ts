import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function startProd(extra: Record<string, string>) {
  return spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'lib/cli/start.ts', '--production'], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', APP_ENV: 'production', ...extra },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('npm run start:prod', () => {
  it('refuses to start without a real exchange (it never starts the sandbox)', () => {
    const r = startProd({});
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('EXCHANGE_URL: is required but not set');
    expect(r.stdout).not.toContain('sandbox listening');
  });

  it('refuses demo secrets, loopback adapters and the embedded database, naming each variable', () => {
    const r = startProd({
      APP_URL: 'https://viewer.example',
      AUTH_SECRET: 'demo-auth-secret-change-me-0123456789abcdef',
      EXCHANGE_URL: 'http://127.0.0.1:4010',
      EXCHANGE_TOKEN: 'sandbox-exchange-token',
      COUNCIL_URL: 'https://council.example',
      COUNCIL_TOKEN: 'real-council-token-123',
      SMS_URL: 'https://sms.example',
      SMS_TOKEN: 'real-sms-token-123',
      SERVICE_TOKEN: 'demo-service-token-0123456789',
      METRICS_TOKEN: 'a-real-metrics-token-0123456789',
      SANDBOX_MODE: '1',
    });
    expect(r.status).toBe(1);
    for (const name of ['AUTH_SECRET', 'EXCHANGE_URL', 'EXCHANGE_TOKEN', 'SERVICE_TOKEN', 'SANDBOX_MODE', 'DATABASE_URL'])
      expect(r.stderr).toContain(`- ${name}:`);
    expect(r.stderr).not.toContain('COUNCIL_TOKEN');
  });
});
