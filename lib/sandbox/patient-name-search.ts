/**
 * The patient index's search by name (FHIR `Patient?name=&given=&family=&birthdate=`), as Health Link
 * offers it: each name parameter matches the start of a name part (given or family, Thai or English)
 * regardless of tone marks, spacing and case (FHIR's default string search, normalised as lib/identity
 * normalises); several are all required. `birthdate` is a FHIR date at year, month or day precision
 * (`eq` prefix allowed). The answer carries `total` (every match) and the first `_count` entries, in
 * citizen-ID order, so a client can tell "too many" without reading them all.
 */
import type { Bundle } from '@medplum/fhirtypes';
import { nameKey } from '../identity/name-key';
import { HttpError } from './http-util';
import type { IndexPatient } from './model';
import type { SandboxStore } from './store';

const NAME_PARAMS = ['name', 'given', 'family'] as const;
const DEFAULT_NAME_COUNT = 20;
const MAX_NAME_COUNT = 50;

/** True when the query is a search by name (rather than by identifier). */
export function isNameSearch(url: URL): boolean {
  return NAME_PARAMS.some((p) => url.searchParams.has(p));
}

function partsFor(p: IndexPatient, param: (typeof NAME_PARAMS)[number]): string[] {
  const given = [p.givenTh, p.givenEn];
  const family = [p.familyTh, p.familyEn];
  const parts = param === 'given' ? given : param === 'family' ? family : [...given, ...family];
  return parts.filter((s) => s !== '').map(nameKey);
}

function birthFilter(url: URL): ((birthDate: string) => boolean) | null {
  const values = url.searchParams.getAll('birthdate');
  if (values.length === 0) return null;
  const wanted = values.map((raw) => {
    const v = raw.replace(/^eq/, '');
    if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) throw new HttpError(400, 'birthdate must be YYYY, YYYY-MM or YYYY-MM-DD (prefix eq only)');
    return v;
  });
  return (birthDate) => wanted.every((w) => birthDate.startsWith(w));
}

/** Matches by name (and birth date), with the total and the first `_count` patients. */
export function searchPatientsByName(store: SandboxStore, url: URL, toBundle: (patients: IndexPatient[], total: number) => Bundle): Bundle {
  const terms = NAME_PARAMS.flatMap((param) => url.searchParams.getAll(param).map((value) => ({ param, key: nameKey(value) })));
  if (terms.some((t) => t.key === '' || t.key.length > 100)) throw new HttpError(400, 'a name parameter must be 1–100 characters');
  const rawCount = url.searchParams.get('_count');
  if (rawCount !== null && !/^\d+$/.test(rawCount)) throw new HttpError(400, '_count must be a non-negative integer');
  const count = Math.min(MAX_NAME_COUNT, rawCount === null ? DEFAULT_NAME_COUNT : Number(rawCount));
  const born = birthFilter(url);
  const matches = [...store.patients.values()]
    .filter((p) => terms.every((t) => partsFor(p, t.param).some((part) => part.startsWith(t.key))))
    .filter((p) => born === null || born(p.birthDate))
    .sort((a, b) => (a.cid < b.cid ? -1 : a.cid > b.cid ? 1 : 0));
  return toBundle(matches.slice(0, count), matches.length);
}
