import 'server-only';
import { z } from 'zod';
import { requestJson, type HttpResult } from '../exchange/http';
import { normaliseLicenceNumber } from './licence';

/**
 * Medical Council registry adapter: verifies a doctor's licence number and PIN and reads the licence
 * status. It reports what the council says; deciding that a suspended or revoked licence may not sign in
 * is the caller's job. PINs never appear in errors or logs.
 */

export const practitionerSchema = z.looseObject({
  licenseNumber: z.string().regex(/^\d{4,6}$/),
  nameTh: z.string().min(1),
  nameEn: z.string().min(1),
  status: z.enum(['active', 'suspended', 'revoked']),
  statusReason: z.string().optional(),
  specialty: z.object({ th: z.string(), en: z.string() }),
});
export type Practitioner = z.infer<typeof practitionerSchema>;

const verifyResponseSchema = z.union([
  z.looseObject({ valid: z.literal(false) }),
  z.looseObject({ valid: z.literal(true), practitioner: practitionerSchema }),
]);

export type VerifyResult = { outcome: 'valid'; practitioner: Practitioner } | { outcome: 'invalid' } | { outcome: 'unavailable' };
export type PractitionerLookup = { outcome: 'found'; practitioner: Practitioner } | { outcome: 'not-found' } | { outcome: 'unavailable' };

export interface DoctorRegistryConfig {
  baseUrl: string;
  token: string;
  /** Per call (default 5000 ms). */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

export interface DoctorRegistry {
  verifyCredentials(licence: string, pin: string): Promise<VerifyResult>;
  getPractitioner(licence: string): Promise<PractitionerLookup>;
}

function pick(p: Practitioner): Practitioner {
  return {
    licenseNumber: p.licenseNumber,
    nameTh: p.nameTh,
    nameEn: p.nameEn,
    status: p.status,
    ...(p.statusReason === undefined ? {} : { statusReason: p.statusReason }),
    specialty: { th: p.specialty.th, en: p.specialty.en },
  };
}

/** Creates the council registry adapter; timeouts, 5xx and malformed answers all become 'unavailable'. */
export function createDoctorRegistry(config: DoctorRegistryConfig): DoctorRegistry {
  let base: string;
  try {
    base = new URL(config.baseUrl).toString().replace(/\/+$/, '');
  } catch {
    throw new Error('doctor registry: baseUrl is not a valid URL');
  }
  if (config.token.trim() === '') throw new Error('doctor registry: token is empty');
  const call = (path: string, json?: unknown): Promise<HttpResult> =>
    requestJson({
      url: `${base}${path}`,
      method: json === undefined ? 'GET' : 'POST',
      headers: { Authorization: `Bearer ${config.token}` },
      json,
      timeoutMs: config.timeoutMs ?? 5000,
      maxBytes: 256 * 1024,
      fetchImpl: config.fetchImpl,
    });

  const lookups = new Map<string, Promise<PractitionerLookup>>();
  async function lookUp(licenseNumber: string): Promise<PractitionerLookup> {
    const r = await call(`/council/practitioners/${licenseNumber}`);
    if (!r.ok) return r.kind === 'http' && r.status === 404 ? { outcome: 'not-found' } : { outcome: 'unavailable' };
    const parsed = practitionerSchema.safeParse(r.body);
    if (!parsed.success || parsed.data.licenseNumber !== licenseNumber) return { outcome: 'unavailable' };
    return { outcome: 'found', practitioner: pick(parsed.data) };
  }

  return {
    /**
     * Checks a licence number and PIN with the council. 'valid' carries the licence status, which may be
     * suspended or revoked: the caller must refuse those. A licence that cannot be parsed is 'invalid'
     * without asking the council.
     */
    async verifyCredentials(licence, pin) {
      const licenseNumber = normaliseLicenceNumber(licence);
      if (licenseNumber === null || pin.length === 0 || pin.length > 64) return { outcome: 'invalid' };
      const r = await call('/council/verify', { licenseNumber, pin });
      if (!r.ok) return { outcome: 'unavailable' };
      const parsed = verifyResponseSchema.safeParse(r.body);
      if (!parsed.success) return { outcome: 'unavailable' };
      if (!parsed.data.valid) return { outcome: 'invalid' };
      // The council must vouch for the licence we asked about, not some other doctor.
      if (parsed.data.practitioner.licenseNumber !== licenseNumber) return { outcome: 'unavailable' };
      return { outcome: 'valid', practitioner: pick(parsed.data.practitioner) };
    },

    /**
     * Reads a licence's current registry entry (re-checked during a session to catch suspensions).
     * Lookups of one licence made while another is on its way share that call's answer: a timeline's
     * twelve reads that find the check due ask the council once, and every one of them waits for it.
     */
    getPractitioner(licence) {
      const licenseNumber = normaliseLicenceNumber(licence);
      if (licenseNumber === null) return Promise.resolve({ outcome: 'not-found' });
      let pending = lookups.get(licenseNumber);
      if (!pending) {
        pending = lookUp(licenseNumber).finally(() => lookups.delete(licenseNumber));
        lookups.set(licenseNumber, pending);
      }
      return pending;
    },
  };
}
