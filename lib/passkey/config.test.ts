import { describe, expect, it } from 'vitest';
import { checkWebauthnEnv, webauthnConfigOf } from './config';

const base = { APP_URL: 'http://localhost:3000', WEBAUTHN_RP_NAME: 'Health Link Viewer' };

describe('passkey relying party from the environment', () => {
  it('derives the RP id and origin from APP_URL when not set (development, tests)', () => {
    expect(webauthnConfigOf(base)).toEqual({ rpId: 'localhost', rpName: 'Health Link Viewer', origins: ['http://localhost:3000'] });
    expect(checkWebauthnEnv(base)).toBeNull();
    expect(checkWebauthnEnv({ ...base, APP_URL: 'http://127.0.0.1:3000' })).toBeNull(); // derived: not refused, passkeys just cannot work there
  });

  it('accepts an explicit RP id with https origins on it or below it', () => {
    const env = {
      ...base,
      WEBAUTHN_RP_ID: 'hospital.example',
      WEBAUTHN_ORIGINS: 'https://viewer.hospital.example, https://hospital.example',
    };
    expect(checkWebauthnEnv(env)).toBeNull();
    expect(webauthnConfigOf(env).origins).toEqual(['https://viewer.hospital.example', 'https://hospital.example']);
  });

  it.each([
    [{ WEBAUTHN_RP_ID: 'hospital.example', WEBAUTHN_ORIGINS: 'https://evil.example' }, 'WEBAUTHN_ORIGINS'],
    [{ WEBAUTHN_RP_ID: 'hospital.example', WEBAUTHN_ORIGINS: 'https://nothospital.example' }, 'WEBAUTHN_ORIGINS'],
    [{ WEBAUTHN_RP_ID: 'hospital.example', WEBAUTHN_ORIGINS: 'http://viewer.hospital.example' }, 'WEBAUTHN_ORIGINS'],
    [{ WEBAUTHN_RP_ID: 'hospital.example', WEBAUTHN_ORIGINS: 'https://viewer.hospital.example/path' }, 'WEBAUTHN_ORIGINS'],
    [{ WEBAUTHN_RP_ID: '10.0.0.5', WEBAUTHN_ORIGINS: 'https://10.0.0.5' }, 'WEBAUTHN_RP_ID'],
  ])('refuses %o', (extra, path) => {
    expect(checkWebauthnEnv({ ...base, ...extra })?.path).toBe(path);
  });
});
