import { describe, expect, it } from 'vitest';
import { consentAsFhir, type ConsentRecord } from './fhir';
import { toPatientCard } from './view-model';

const consent: ConsentRecord = {
  id: '8a6b8b0e-0f7e-4a39-9d3c-111111111111',
  licenceNumber: '12345',
  hospitalCode: '11535',
  patientCid: '3100400123456',
  purpose: 'TREAT',
  method: 'otp',
  startedAt: new Date('2026-11-20T03:00:00Z'),
  expiresAt: new Date('2026-11-20T15:00:00Z'),
  endedAt: null,
};

describe('consentAsFhir', () => {
  it('maps an active consent to a FHIR R4 Consent', () => {
    const r = consentAsFhir(consent, new Date('2026-11-20T04:00:00Z'));
    expect(r).toMatchObject({
      resourceType: 'Consent',
      id: consent.id,
      status: 'active',
      scope: { coding: [{ code: 'patient-privacy' }] },
      category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }] }],
      patient: { identifier: { system: 'https://terms.sil-th.org/id/th-cid', value: '3100400123456' } },
      organization: [{ identifier: { value: '11535' } }],
      provision: {
        type: 'permit',
        period: { start: '2026-11-20T03:00:00.000Z', end: '2026-11-20T15:00:00.000Z' },
        purpose: [{ code: 'TREAT', system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason' }],
      },
    });
    expect(r.provision.actor[0]?.reference.identifier.value).toBe('12345');
    expect(r.policyRule.coding[0]?.code).toBe('OPTIN');
  });

  it.each([
    ['expired', { ...consent }, new Date('2026-11-20T15:00:00Z'), '2026-11-20T15:00:00.000Z'],
    [
      'ended early',
      { ...consent, endedAt: new Date('2026-11-20T05:00:00Z') },
      new Date('2026-11-20T06:00:00Z'),
      '2026-11-20T05:00:00.000Z',
    ],
  ])('is inactive once %s, with the real end in the period', (_name, c, now, end) => {
    const r = consentAsFhir(c, now);
    expect(r.status).toBe('inactive');
    expect(r.provision.period.end).toBe(end);
  });
});

describe('toPatientCard', () => {
  it('masks the phone, formats the ID and carries no clinical data', () => {
    const card = toPatientCard(
      {
        cid: '3100400123456',
        nameTh: 'สมศรี มีสุข',
        nameEn: 'Somsri Meesuk',
        gender: 'female',
        birthDate: '1960-05-01',
        phone: '0812345678',
        language: 'th',
      },
      'cid',
      5,
      new Date('2026-11-20T03:00:00Z'),
    );
    expect(card).toEqual({
      identifier: '3-1004-00123-45-6',
      identifierKind: 'cid',
      nameTh: 'สมศรี มีสุข',
      nameEn: 'Somsri Meesuk',
      gender: 'female',
      birthDate: '1960-05-01',
      age: 66,
      phoneMasked: '••• ••• 5678',
      sharingHospitals: 5,
      language: 'th',
    });
    expect(JSON.stringify(card)).not.toContain('0812345678');
  });

  it('shows the passport for a passport search and null phone when none is registered', () => {
    const card = toPatientCard(
      {
        cid: '0099912345673',
        passport: 'AA1234567',
        nameTh: 'จอห์น สมิธ',
        nameEn: 'John Smith',
        gender: 'male',
        birthDate: '1980-01-01',
        language: 'en',
      },
      'passport',
      1,
      new Date('2026-11-20T03:00:00Z'),
    );
    expect(card.identifier).toBe('AA1234567');
    expect(card.phoneMasked).toBeNull();
  });
});
