import { describe, expect, it } from 'vitest';
import type { PatientLookup, SharingResult } from '../exchange/types';
import type { ConsentDeps, ConsentDoctor } from './deps';
import { resolvePatient } from './lookup';

const doctor: ConsentDoctor = {
  licence: '12345',
  hospitalCode: '11535',
  role: 'doctor',
  displayName: 'ก / A',
  request: { clientIp: '::1', userAgent: 't', requestId: 'req-1' },
};
const somsri: PatientLookup = {
  outcome: 'found',
  patient: {
    cid: '3100400123456',
    nameTh: 'สมศรี',
    nameEn: 'Somsri',
    gender: 'female',
    birthDate: '1964-03-12',
    phone: '0812345678',
    language: 'th',
  },
};

/** An exchange that answers from scripted queues, counting calls. */
function scripted(finds: PatientLookup[], shares: SharingResult[]) {
  const calls = { find: 0, share: 0 };
  const exchange: ConsentDeps['exchange'] = {
    findPatient: () => Promise.resolve(finds[Math.min(calls.find++, finds.length - 1)]!),
    listSharingHospitals: () => Promise.resolve(shares[Math.min(calls.share++, shares.length - 1)]!),
    listOrganizations: () => Promise.resolve([]),
  };
  return { deps: { exchange } as ConsentDeps, calls };
}

describe('resolvePatient', () => {
  // The retry of a dropped connection lives in the exchange adapter now (exchange/retry.ts, client.test.ts):
  // whatever the adapter still reports as unavailable is passed on once, with its reason.
  it.each([
    ['a timeout', 'timeout'],
    ['an ambiguous answer', 'ambiguous'],
    ['a network failure the adapter could not retry away', 'network'],
  ])('reports %s as exchange-unavailable without asking again', async (_name, reason) => {
    const { deps, calls } = scripted([{ outcome: 'unavailable', reason }], [{ ok: true, hcodes: [] }]);
    expect(await resolvePatient(doctor, { by: 'cid', value: '3100400123456' }, deps)).toEqual({ outcome: 'exchange-unavailable', reason });
    expect(calls.find).toBe(1);
  });

  it('reports a failed sharing lookup with its reason', async () => {
    const { deps, calls } = scripted([somsri], [{ ok: false, reason: 'network' }]);
    expect(await resolvePatient(doctor, { by: 'cid', value: '3100400123456' }, deps)).toEqual({
      outcome: 'exchange-unavailable',
      reason: 'sharing-network',
    });
    expect(calls).toEqual({ find: 1, share: 1 });
  });

  it('treats a person without a valid citizen ID as not found (no consent possible)', async () => {
    const noCid: PatientLookup = {
      outcome: 'found',
      patient: { passport: 'AA1234567', nameTh: 'จ', nameEn: 'J', gender: 'male', birthDate: '1979-10-04', language: 'en' },
    };
    const { deps } = scripted([noCid], [{ ok: true, hcodes: ['11535'] }]);
    expect(await resolvePatient(doctor, { by: 'passport', value: 'AA1234567' }, deps)).toEqual({ outcome: 'not-found' });
  });
});
