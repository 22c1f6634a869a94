import 'server-only';
import { SYSTEMS } from '../clinical/terminology';
import { CID_SYSTEM, CID_SYSTEM_DOPA, CID_SYSTEMS } from '../identity/citizen-id';
import { CID, clinicalHeaders, type ExchangeConnection } from './connection';
import { reasonOf } from './failure';
import { provinceOf } from './province';
import { searchAll } from './search';
import { exchangeContextSchema, type ExchangeContext, type PatientIdentity, type PatientLookup, type PatientQuery } from './types';
import { patientSchema, type HumanNameBody, type PatientBody } from './validate';

const PASSPORT = /^[A-Z0-9]{5,20}$/i;
const MAX_PATIENT_PAGES = 5;

function thaiScript(s: string): boolean {
  return /[\u0E00-\u0E7F]/.test(s);
}

function nameText(n: HumanNameBody): string {
  if (n.text !== undefined && n.text.trim() !== '') return n.text.trim();
  const given = (n.given ?? []).join(' ');
  const prefix = (n.prefix ?? []).join(' ');
  const family = n.family ?? '';
  // Thai writes the title joined to the given name (นางสมศรี มีสุข); English separates them.
  const head = thaiScript(prefix + given) ? `${prefix}${given}` : [prefix, given].filter((s) => s !== '').join(' ');
  return [head, family].filter((s) => s !== '').join(' ');
}

/** The identity the viewer shows, or null when the Patient does not carry the identifier we asked for. */
export function toIdentity(p: PatientBody, query: PatientQuery): PatientIdentity | null {
  const ids = p.identifier ?? [];
  const cid = ids.find(
    (i) => i.system !== undefined && (CID_SYSTEMS as readonly string[]).includes(i.system) && i.value !== undefined && CID.test(i.value),
  )?.value;
  const passport = ids.find((i) => i.system === SYSTEMS.passport && i.value !== undefined)?.value;
  // The exchange must answer about the person we asked for; anything else is a mix-up.
  if ('cid' in query ? cid !== query.cid : passport?.toUpperCase() !== query.passport.toUpperCase()) return null;
  const names = (p.name ?? []).map(nameText).filter((s) => s !== '');
  const nameTh = names.find(thaiScript) ?? names[0] ?? '';
  const nameEn = names.find((s) => !thaiScript(s)) ?? nameTh;
  const phones = (p.telecom ?? []).filter(
    (t) => t.system === 'phone' && t.use === 'mobile' && t.value !== undefined && t.value.trim() !== '',
  );
  const chosen = phones.sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99))[0];
  const phone = chosen?.value?.trim();
  const phoneSince = chosen?.period?.start;
  const comms = p.communication ?? [];
  const comm = comms.find((c) => c.preferred === true) ?? comms[0];
  const langCode = comm?.language.coding?.[0]?.code ?? '';
  const gender = p.gender === 'male' || p.gender === 'female' || p.gender === 'other' ? p.gender : 'unknown';
  const province = provinceOf(p.address);
  return {
    ...(cid === undefined ? {} : { cid }),
    ...(passport === undefined ? {} : { passport }),
    nameTh,
    nameEn,
    gender,
    birthDate: p.birthDate ?? '',
    ...(phone === undefined ? {} : { phone }),
    ...(phoneSince === undefined ? {} : { phoneSince }),
    language: langCode.toLowerCase().startsWith('en') ? 'en' : 'th',
    ...(province === undefined ? {} : { province }),
  };
}

async function findOnce(
  conn: ExchangeConnection,
  system: string,
  value: string,
  query: PatientQuery,
  headers: Record<string, string>,
): Promise<PatientLookup> {
  const url = `${conn.baseUrl}/Patient?identifier=${encodeURIComponent(`${system}|${value}`)}`;
  const r = await searchAll(conn, url, 'Patient', headers, MAX_PATIENT_PAGES);
  if (!r.ok) return { outcome: 'unavailable', reason: reasonOf(r.failure) };
  if (r.value.length === 0) return { outcome: 'not-found' };
  if (r.value.length > 1) return { outcome: 'unavailable', reason: 'ambiguous' };
  const parsed = patientSchema.safeParse(r.value[0]);
  if (!parsed.success) return { outcome: 'unavailable', reason: 'malformed' };
  const identity = toIdentity(parsed.data, query);
  if (identity === null) return { outcome: 'unavailable', reason: 'mismatch' };
  return { outcome: 'found', patient: identity };
}

/**
 * Looks a person up in the exchange's patient index by citizen ID (th-cid system first, then DOPA)
 * or passport. A returned Patient that does not carry the queried identifier is reported as
 * unavailable, never as found. `phone` is the full registered mobile number: callers mask it.
 */
export async function findPatient(conn: ExchangeConnection, query: PatientQuery, ctx?: ExchangeContext): Promise<PatientLookup> {
  const headers = ctx !== undefined && exchangeContextSchema.safeParse(ctx).success ? clinicalHeaders(conn, ctx) : { ...conn.auth };
  if ('cid' in query) {
    if (!CID.test(query.cid)) return { outcome: 'not-found' };
    const first = await findOnce(conn, CID_SYSTEM, query.cid, query, headers);
    if (first.outcome !== 'not-found') return first;
    return findOnce(conn, CID_SYSTEM_DOPA, query.cid, query, headers);
  }
  if (!PASSPORT.test(query.passport)) return { outcome: 'not-found' };
  return findOnce(conn, SYSTEMS.passport, query.passport, query, headers);
}
