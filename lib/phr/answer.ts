/**
 * What the record page and the /phr route exchange about Mor Prom (MOPH-PHR). Pure types: the browser
 * imports them; the code MOPH-PHR sent the patient is never part of any of them.
 */
import type { Failure, Success } from '../result';
import type { HospitalView } from '../timeline/types';

export type PhrReadStatus =
  'answered' | 'no-data' | 'sharing-off' | 'not-found' | 'code-refused' | 'timeout' | 'error' | 'malformed' | 'circuit-open';

/** One facility as MOPH-PHR names it (`phr:<hcode>`), or `phr` for the patient summary. */
export interface PhrFacility {
  code: string;
  hcode: string | null;
  name: string;
}

export type PhrAnswer =
  | { state: 'none' }
  | { state: 'requested'; expiresAt: string }
  | { state: 'granted'; expiresAt: string; status: PhrReadStatus; views: HospitalView[]; facilities: PhrFacility[] };

/** The route's answer: `unavailable` when this deployment has no MOPH-PHR configured. */
export type PhrClientAnswer = PhrAnswer | { state: 'unavailable' };

export type PhrRequestResult =
  | Success<{ expiresAt: string }>
  | Failure<'sharing-off' | 'not-found' | 'unavailable'>
  | (Failure<'resend-too-soon' | 'doctor-limit' | 'patient-daily-limit'> & { retryAt: string });

export type PhrVerifyResult =
  | Success<{ expiresAt: string }>
  | Failure<'invalid-format' | 'no-request' | 'expired' | 'too-many' | 'sharing-off' | 'not-found' | 'unavailable'>
  | (Failure<'wrong'> & { remaining: number });

export type PhrPostResult = PhrRequestResult | PhrVerifyResult;
