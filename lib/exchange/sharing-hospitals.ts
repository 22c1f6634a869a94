import 'server-only';
import { SYSTEMS } from '../clinical/terminology';
import { CID_SYSTEM, CID_SYSTEMS } from '../identity/citizen-id';
import { CID, HCODE, clinicalHeaders, type ExchangeConnection } from './connection';
import { reasonOf } from './failure';
import { searchAll } from './search';
import { exchangeContextSchema, type ExchangeContext, type SharingResult } from './types';
import { consentSchema } from './validate';

const MAX_CONSENT_PAGES = 20;

/**
 * The hospitals a patient has an active sharing consent with. Consents naming another citizen make
 * the whole answer untrustworthy (unavailable) rather than being silently mixed in.
 */
export async function listSharingHospitals(conn: ExchangeConnection, cid: string, ctx: ExchangeContext): Promise<SharingResult> {
  if (!CID.test(cid) || !exchangeContextSchema.safeParse(ctx).success) return { ok: false, reason: 'invalid request' };
  const url = `${conn.baseUrl}/Consent?patient.identifier=${encodeURIComponent(`${CID_SYSTEM}|${cid}`)}&category=sharing`;
  const r = await searchAll(conn, url, 'Consent', clinicalHeaders(conn, ctx), MAX_CONSENT_PAGES);
  if (!r.ok) return { ok: false, reason: reasonOf(r.failure) };
  const hcodes: string[] = [];
  for (const raw of r.value) {
    const c = consentSchema.safeParse(raw);
    if (!c.success) return { ok: false, reason: 'malformed' };
    const pid = c.data.patient?.identifier;
    if (pid?.system !== undefined && (CID_SYSTEMS as readonly string[]).includes(pid.system) && pid.value !== cid)
      return { ok: false, reason: 'mismatch' };
    if (c.data.status !== 'active' || c.data.provision?.type === 'deny') continue;
    const actor = c.data.provision?.actor?.[0]?.reference;
    const byIdentifier = actor?.identifier?.system === SYSTEMS.hcode ? actor.identifier.value : undefined;
    const byReference = /^Organization\/(\d{5})$/.exec(actor?.reference ?? '')?.[1];
    const hcode = byIdentifier ?? byReference;
    if (hcode !== undefined && HCODE.test(hcode) && !hcodes.includes(hcode)) hcodes.push(hcode);
  }
  return { ok: true, hcodes };
}
