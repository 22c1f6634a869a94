import { describe, expect, it } from 'vitest';
import { parseEnv, phrConfig } from '../env';

const base = {
  APP_URL: 'http://localhost:3000',
  AUTH_SECRET: 'x'.repeat(40),
  EXCHANGE_URL: 'http://127.0.0.1:4010/',
  EXCHANGE_TOKEN: 'exchange-token-123',
  COUNCIL_URL: 'http://127.0.0.1:4010',
  COUNCIL_TOKEN: 'council-token-123',
  SMS_URL: 'http://127.0.0.1:4010',
  SMS_TOKEN: 'sms-token-12345',
  SERVICE_TOKEN: 's'.repeat(30),
  METRICS_TOKEN: 'm'.repeat(30),
};
const production = {
  ...base,
  NODE_ENV: 'production',
  APP_ENV: 'production',
  DATABASE_URL: 'postgres://viewer@db.internal/viewer',
  EXCHANGE_URL: 'https://exchange.example.th',
  COUNCIL_URL: 'https://council.example.th',
  SMS_URL: 'https://sms.example.th',
  AUDIT_CHECKPOINT_KEY: 'q5Hq0Qy4u3w0dQm8cH1cQw7Yx6k2a9sZbQ1mT3pXr0E=',
  AUDIT_CHECKPOINT_DIR: '/var/lib/viewer/audit-checkpoints',
  WEBAUTHN_RP_ID: 'viewer.example.th',
  WEBAUTHN_ORIGINS: 'https://viewer.example.th',
  STAFF_LIST_KEY: 'k7Hq0Qy4u3w0dQm8cH1cQw7Yx6k2a9sZ',
};
const real = {
  PHR_URL: 'https://phr1.moph.go.th/api',
  PHR_ACCOUNT_URL: 'https://cvp1.moph.go.th',
  PHR_USER: 'viewer-hie',
  PHR_PASSWORD_HASH: 'a'.repeat(64),
};

function parsed(source: Record<string, string>) {
  const r = parseEnv(source);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.env;
}

describe('MOPH-PHR configuration', () => {
  it('uses the stand-in on the sandbox outside production when nothing is set', () => {
    expect(phrConfig(parsed(base))).toEqual({
      baseUrl: 'http://127.0.0.1:4010/moph-phr/api',
      accountUrl: 'http://127.0.0.1:4010/moph-phr',
      user: 'sandbox-phr-user',
      passwordHash: 'sandbox-phr-password-hash',
    });
    expect(parsed(base).PHR_TIMEOUT_MS).toBe(30_000);
  });

  it('offers no Mor Prom in production unless configured, and then uses exactly what is set', () => {
    expect(phrConfig(parsed(production))).toBeNull();
    expect(phrConfig(parsed({ ...production, ...real }))).toEqual({
      baseUrl: real.PHR_URL,
      accountUrl: real.PHR_ACCOUNT_URL,
      user: real.PHR_USER,
      passwordHash: real.PHR_PASSWORD_HASH,
    });
  });

  it('refuses a partial configuration, a loopback URL or the demo password in production', () => {
    const partial = parseEnv({ ...base, PHR_URL: real.PHR_URL });
    expect(!partial.ok && partial.errors.join()).toContain(
      'PHR_URL: set PHR_URL, PHR_ACCOUNT_URL, PHR_USER and PHR_PASSWORD_HASH together',
    );
    const loopback = parseEnv({ ...production, ...real, PHR_URL: 'http://127.0.0.1:4010/moph-phr/api' });
    expect(!loopback.ok && loopback.errors.join()).toContain('PHR_URL: points at a loopback sandbox');
    const demo = parseEnv({ ...production, ...real, PHR_PASSWORD_HASH: 'sandbox-phr-password-hash' });
    expect(!demo.ok && demo.errors.join()).toContain('PHR_PASSWORD_HASH: is a demo value');
  });
});
