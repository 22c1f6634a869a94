import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

const valid = {
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

describe('parseEnv', () => {
  it('accepts a complete development configuration and applies documented defaults', () => {
    const result = parseEnv(valid);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.env.EXCHANGE_URL).toBe('http://127.0.0.1:4010');
    expect(result.env.EXCHANGE_TIMEOUT_MS).toBe(8000);
    expect(result.env.SESSION_IDLE_MINUTES).toBe(30);
    expect(result.env.CONSENT_HOURS).toBe(12);
    expect(result.env.DATABASE_URL).toBeUndefined();
  });

  it('reads TRUSTED_PROXIES as CIDRs (none by default) and names a bad entry', () => {
    const none = parseEnv(valid);
    expect(none.ok && none.env.TRUSTED_PROXIES).toEqual([]);
    const two = parseEnv({ ...valid, TRUSTED_PROXIES: '10.0.0.0/8, ::1' });
    expect(two.ok && two.env.TRUSTED_PROXIES.length).toBe(2);
    const bad = parseEnv({ ...valid, TRUSTED_PROXIES: '10.0.0.0/8, proxy.internal' });
    expect(bad.ok ? [] : bad.errors).toEqual(['TRUSTED_PROXIES: not an address or CIDR: proxy.internal']);
  });

  it('names every missing or invalid variable on its own line', () => {
    const result = parseEnv({ ...valid, AUTH_SECRET: 'short', EXCHANGE_URL: undefined, CONSENT_HOURS: '100' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        'AUTH_SECRET: must be at least 32 characters',
        'EXCHANGE_URL: is required but not set',
        expect.stringMatching(/^CONSENT_HOURS: /),
      ]),
    );
    expect(result.errors).toHaveLength(3);
  });

  it('refuses a production start with demo secrets, the sandbox, loopback adapters or no PostgreSQL', () => {
    const result = parseEnv({
      ...valid,
      NODE_ENV: 'production',
      APP_ENV: 'production',
      SANDBOX_MODE: '1',
      AUTH_SECRET: 'demo-auth-secret-change-me-0123456789abcdef',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const names = result.errors.map((e) => e.split(':')[0]);
    expect(names).toEqual(
      expect.arrayContaining([
        'SANDBOX_MODE',
        'AUTH_SECRET',
        'DATABASE_URL',
        'EXCHANGE_URL',
        'COUNCIL_URL',
        'SMS_URL',
        'AUDIT_CHECKPOINT_KEY',
        'AUDIT_CHECKPOINT_DIR',
        'WEBAUTHN_RP_ID',
        'STAFF_LIST_KEY',
      ]),
    );
  });

  it('refuses production without AUTH_SECRET', () => {
    const { AUTH_SECRET: _omit, ...rest } = valid;
    const result = parseEnv({ ...rest, NODE_ENV: 'production', APP_ENV: 'production' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContain('AUTH_SECRET: is required but not set');
  });

  it('accepts a real production configuration', () => {
    const result = parseEnv({
      ...valid,
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
    });
    expect(result.ok).toBe(true);
  });
});
