import { describe, expect, it } from 'vitest';
import { createDoctorRegistry } from './doctor-registry';

const practitioner = { licenseNumber: '12345', nameTh: 'ก', nameEn: 'A', status: 'active', specialty: { th: 'ก', en: 'A' } };

function registryAnswering(status: number, body: unknown, seen: { body?: unknown; url?: string }[] = []) {
  const fetchImpl: typeof fetch = (input, init) => {
    seen.push({
      url: typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url,
      ...(typeof init?.body === 'string' ? { body: JSON.parse(init.body) as unknown } : {}),
    });
    return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  };
  return createDoctorRegistry({ baseUrl: 'http://council.test/', token: 't', fetchImpl });
}

describe('doctor registry decisions', () => {
  it('sends the normalised licence number', async () => {
    const seen: { body?: unknown }[] = [];
    await registryAnswering(200, { valid: true, practitioner }, seen).verifyCredentials('ว. ๑๒๓๔๕', '246810');
    expect(seen[0]?.body).toEqual({ licenseNumber: '12345', pin: '246810' });
  });

  it('does not call the council for an unparseable licence or empty PIN', async () => {
    const seen: { body?: unknown }[] = [];
    expect(await registryAnswering(200, { valid: true, practitioner }, seen).verifyCredentials('abc', '1')).toEqual({ outcome: 'invalid' });
    expect(await registryAnswering(200, { valid: true, practitioner }, seen).verifyCredentials('12345', '')).toEqual({
      outcome: 'invalid',
    });
    expect(seen).toHaveLength(0);
  });

  it('treats a council answer about another licence as unavailable', async () => {
    expect(
      await registryAnswering(200, { valid: true, practitioner: { ...practitioner, licenseNumber: '99999' } }).verifyCredentials(
        '12345',
        'x',
      ),
    ).toEqual({ outcome: 'unavailable' });
    expect(await registryAnswering(200, { ...practitioner, licenseNumber: '99999' }).getPractitioner('12345')).toEqual({
      outcome: 'unavailable',
    });
  });

  it.each([
    ['valid without practitioner', 200, { valid: true }],
    ['unknown status', 200, { valid: true, practitioner: { ...practitioner, status: 'retired' } }],
    ['not an object', 200, ['x']],
    ['server error', 500, { error: 'x' }],
    ['unauthorised', 401, { error: 'x' }],
  ])('%s → unavailable', async (_n, status, body) => {
    expect(await registryAnswering(status, body).verifyCredentials('12345', 'x')).toEqual({ outcome: 'unavailable' });
  });

  it('drops unexpected fields from the practitioner it returns', async () => {
    const r = await registryAnswering(200, { ...practitioner, internalNote: 'x' }).getPractitioner('12345');
    expect(r).toEqual({ outcome: 'found', practitioner });
  });

  it('asks the council once for concurrent lookups of one licence, and again once that answer is in', async () => {
    const seen: { url?: string }[] = [];
    const registry = registryAnswering(200, practitioner, seen);
    const answers = await Promise.all(
      ['12345', 'ว.12345', ...Array.from({ length: 10 }, () => '12345')].map((l) => registry.getPractitioner(l)),
    );
    expect(answers.every((a) => a.outcome === 'found')).toBe(true);
    expect(seen).toHaveLength(1);
    await Promise.all([registry.getPractitioner('12345'), registry.getPractitioner('23456')]);
    expect(seen.map((s) => s.url)).toEqual([
      'http://council.test/council/practitioners/12345',
      'http://council.test/council/practitioners/12345',
      'http://council.test/council/practitioners/23456',
    ]);
  });
});
