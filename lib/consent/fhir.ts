/** FHIR R4 view of a consent given by OTP (pure). */
import { SYSTEMS } from '../clinical/terminology';
import { CID_SYSTEM } from '../identity/citizen-id';

const HCODE_SYSTEM = SYSTEMS.hcode;
const LICENCE_SYSTEM = SYSTEMS.licence;

export interface ConsentRecord {
  id: string;
  licenceNumber: string;
  hospitalCode: string;
  patientCid: string;
  purpose: 'TREAT';
  method: 'otp';
  startedAt: Date;
  expiresAt: Date;
  endedAt: Date | null;
}

export interface FhirConsent {
  resourceType: 'Consent';
  id: string;
  status: 'active' | 'inactive';
  scope: { coding: { system: string; code: string }[] };
  category: { coding: { system: string; code: string; display?: string }[] }[];
  patient: { identifier: { system: string; value: string } };
  dateTime: string;
  performer: { identifier: { system: string; value: string }; display?: string }[];
  organization: { identifier: { system: string; value: string } }[];
  policyRule: { coding: { system: string; code: string }[] };
  verification: { verified: boolean; verificationDate: string }[];
  provision: {
    type: 'permit';
    period: { start: string; end: string };
    actor: { role: { coding: { system: string; code: string }[] }; reference: { identifier: { system: string; value: string } } }[];
    purpose: { system: string; code: string; display: string }[];
  };
}

/** The consent as a FHIR R4 Consent: active while in force at `now`, inactive once ended or expired. */
export function consentAsFhir(consent: ConsentRecord, now: Date = new Date()): FhirConsent {
  const active = consent.endedAt === null && consent.expiresAt.getTime() > now.getTime();
  const end = consent.endedAt && consent.endedAt.getTime() < consent.expiresAt.getTime() ? consent.endedAt : consent.expiresAt;
  return {
    resourceType: 'Consent',
    id: consent.id,
    status: active ? 'active' : 'inactive',
    scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
    category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Patient Consent' }] }],
    patient: { identifier: { system: CID_SYSTEM, value: consent.patientCid } },
    dateTime: consent.startedAt.toISOString(),
    performer: [{ identifier: { system: CID_SYSTEM, value: consent.patientCid }, display: 'patient (by one-time password)' }],
    organization: [{ identifier: { system: HCODE_SYSTEM, value: consent.hospitalCode } }],
    policyRule: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN' }] },
    verification: [{ verified: true, verificationDate: consent.startedAt.toISOString() }],
    provision: {
      type: 'permit',
      period: { start: consent.startedAt.toISOString(), end: end.toISOString() },
      actor: [
        {
          role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'PRCP' }] },
          reference: { identifier: { system: LICENCE_SYSTEM, value: consent.licenceNumber } },
        },
      ],
      purpose: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'TREAT', display: 'treatment' }],
    },
  };
}
