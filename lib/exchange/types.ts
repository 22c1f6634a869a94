/**
 * Result and context shapes of the exchange client. Pure (no I/O) so view-model mappers and client
 * components can import the types and the context schema without pulling in server code.
 */
import { z } from 'zod';
import type { ExchangeResource } from './validate';

/** What the exchange accepts as X-Request-Id: no spaces or line breaks that could forge another header. */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/** Who is asking and why; sent as the X- headers on every clinical call and recorded by the exchange. */
export const exchangeContextSchema = z.object({
  /** Correlates our audit row with the exchange's log. */
  requestId: z.string().regex(REQUEST_ID_PATTERN),
  /** TREAT = normal care with consent; ETREAT = emergency (break-the-glass). */
  purpose: z.enum(['TREAT', 'ETREAT']),
  /** Medical Council licence number, digits only. */
  practitioner: z.string().regex(/^\d{4,6}$/),
  /** The requesting hospital's 5-digit hcode. */
  organization: z.string().regex(/^\d{5}$/),
});
export type ExchangeContext = z.infer<typeof exchangeContextSchema>;

export interface HospitalInfo {
  code: string;
  nameTh: string;
  nameEn: string;
  kind: 'hospital' | 'clinic' | 'pharmacy' | 'other';
  /** DOPA code of the province the facility stands in, when the directory says (lib/exchange/province.ts). */
  province?: string;
}

export type PatientQuery = { cid: string } | { passport: string };

export interface PatientIdentity {
  cid?: string;
  passport?: string;
  nameTh: string;
  nameEn: string;
  gender: 'male' | 'female' | 'other' | 'unknown';
  birthDate: string;
  /** Full registered mobile number, for sending the consent OTP only; mask it before display. */
  phone?: string;
  /** When the exchange started holding this number (ContactPoint.period.start), if it says. */
  phoneSince?: string;
  language: 'th' | 'en';
  /** DOPA code of the province of the patient's home address, when the index gives one; never the address. */
  province?: string;
}

export type PatientLookup =
  | { outcome: 'found'; patient: PatientIdentity }
  | { outcome: 'not-found' }
  /** reason is a short code (timeout, network, http-503, malformed, mismatch, ambiguous); no patient data. */
  | { outcome: 'unavailable'; reason: string };

export type SharingResult = { ok: true; hcodes: string[] } | { ok: false; reason: string };

export type HospitalFetchStatus = 'answered' | 'no-data' | 'not-shared' | 'timeout' | 'error' | 'malformed' | 'circuit-open';

export interface HospitalFetchResult {
  hcode: string;
  status: HospitalFetchStatus;
  /** Validated resources that carry this patient's citizen ID; empty unless status is 'answered'. */
  resources: ExchangeResource[];
  /** Kept resources per resourceType. */
  counts: Record<string, number>;
  droppedWrongPatient: number;
  droppedUnverifiable: number;
  droppedDisallowed: number;
  /** HTTP requests made to this hospital (the batch plus each `next` page). */
  pages: number;
  /** ISO time the result was produced. */
  fetchedAt: string;
  elapsedMs: number;
  /** Safe, patient-free explanation for the operator log / status chip. */
  error?: string;
}
