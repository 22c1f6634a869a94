import 'server-only';
import { doctorActor } from '../audit/actor';
import type { DoctorContext } from '../auth/guard';
import type { Db } from '../db';
import type { ExchangeClient } from '../exchange/client';
import type { SmsGateway } from '../sms/sms-gateway';

/** What the consent services need from the outside world; tests pass their own (database, sandbox, clock). */
export interface ConsentDeps {
  db: Db;
  exchange: Pick<ExchangeClient, 'findPatient' | 'listSharingHospitals' | 'listOrganizations'>;
  sms: SmsGateway;
  /** Keys the OTP hashes (AUTH_SECRET). */
  secret: string;
  consentHours: number;
  /** Codes one patient may be sent in 24 hours (CONSENT_CODES_PER_PATIENT_DAY); the rule's default when absent. */
  codesPerPatientDay?: number;
  now: () => Date;
}

/** The doctor facts the consent services use (a subset of the signed-in DoctorContext). */
export type ConsentDoctor = Pick<DoctorContext, 'licence' | 'hospitalCode' | 'role' | 'displayName' | 'request'>;

/** The audit fields every consent row shares. */
export const auditActor = doctorActor;
