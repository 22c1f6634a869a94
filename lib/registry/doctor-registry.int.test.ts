import { afterEach, describe, expect, inject, it } from 'vitest';
import { TEST_TOKENS } from '../testing/global-setup';
import { sandboxControl } from '../testing/sandbox-control';
import { createDoctorRegistry } from './doctor-registry';

const sandboxUrl = inject('sandboxUrl');

const control = (path: string, body?: unknown): Promise<void> => sandboxControl(sandboxUrl, path, body);

afterEach(async () => {
  await control('reset');
});

const registry = (timeoutMs = 5000) => createDoctorRegistry({ baseUrl: sandboxUrl, token: TEST_TOKENS.council, timeoutMs });

describe('verifyCredentials', () => {
  it('accepts a valid licence and PIN and returns the practitioner', async () => {
    expect(await registry().verifyCredentials('12345', '246810')).toEqual({
      outcome: 'valid',
      practitioner: {
        licenseNumber: '12345',
        nameTh: 'พญ.สมหญิง ใจดี',
        nameEn: 'Dr Somying Jaidee',
        status: 'active',
        specialty: { th: 'อายุรศาสตร์', en: 'Internal medicine' },
      },
    });
  });

  it.each(['ว.12345', 'ว 12345', '๑๒๓๔๕'])('normalises the typed licence %s before asking', async (typed) => {
    expect((await registry().verifyCredentials(typed, '246810')).outcome).toBe('valid');
  });

  it('rejects a wrong PIN and an unknown licence the same way', async () => {
    expect(await registry().verifyCredentials('12345', '000000')).toEqual({ outcome: 'invalid' });
    expect(await registry().verifyCredentials('99999', '246810')).toEqual({ outcome: 'invalid' });
    expect(await registry().verifyCredentials('not a licence', '246810')).toEqual({ outcome: 'invalid' });
  });

  it('reports suspended and revoked licences as valid credentials with their status (the caller refuses them)', async () => {
    expect(await registry().verifyCredentials('45678', '445566')).toMatchObject({
      outcome: 'valid',
      practitioner: { status: 'suspended', statusReason: expect.any(String) as string },
    });
    expect(await registry().verifyCredentials('56789', '778899')).toMatchObject({ outcome: 'valid', practitioner: { status: 'revoked' } });
  });

  it('is unavailable when the registry is down, slow or malformed', async () => {
    await control('faults', { council: { errorRate: 1 } });
    expect(await registry().verifyCredentials('12345', '246810')).toEqual({ outcome: 'unavailable' });
    await control('faults', { council: { errorRate: 0, timeoutRate: 1 } });
    expect(await registry(300).verifyCredentials('12345', '246810')).toEqual({ outcome: 'unavailable' });
    await control('faults', { council: { timeoutRate: 0, malformedRate: 1, malformedKind: 'wrong-type' } });
    expect(await registry().verifyCredentials('12345', '246810')).toEqual({ outcome: 'unavailable' });
  });

  it('is unavailable (never valid) with a wrong registry token', async () => {
    const r = await createDoctorRegistry({ baseUrl: sandboxUrl, token: 'wrong' }).verifyCredentials('12345', '246810');
    expect(r).toEqual({ outcome: 'unavailable' });
  });
});

describe('getPractitioner', () => {
  it('finds a registered practitioner with status', async () => {
    expect(await registry().getPractitioner('ว.45678')).toMatchObject({
      outcome: 'found',
      practitioner: { licenseNumber: '45678', status: 'suspended' },
    });
    expect(await registry().getPractitioner('56789')).toMatchObject({ outcome: 'found', practitioner: { status: 'revoked' } });
  });

  it('reports an unknown licence as not-found', async () => {
    expect(await registry().getPractitioner('99999')).toEqual({ outcome: 'not-found' });
  });

  it('is unavailable when the registry fails', async () => {
    await control('faults', { council: { errorRate: 1 } });
    expect(await registry().getPractitioner('12345')).toEqual({ outcome: 'unavailable' });
    await control('faults', { council: { errorRate: 0, malformedRate: 1, malformedKind: 'html' } });
    expect(await registry().getPractitioner('12345')).toEqual({ outcome: 'unavailable' });
  });
});
