/**
 * Flag → flag fact: a warning the hospital wants every reader to see first (infection control, DNR, fall
 * risk, behavioural …). The FHIR flag-category codes are kept as sent, so the banner can name the kind.
 */
import type { Flag } from '@medplum/fhirtypes';
import type { FactStatus, FlagFact } from '../types';
import { base, fallbackKey, periodOf, textOf, toCodes } from './shared';

const FLAG_STATUS: Record<string, FactStatus> = { active: 'active', inactive: 'inactive' };

/** Maps one Flag; entered-in-error yields none. */
export function flagFact(r: Flag, hospitalCode: string): FlagFact | null {
  if (r.status === 'entered-in-error') return null;
  const codes = toCodes(r.code);
  const display = textOf(r.code);
  const b = base(
    r,
    hospitalCode,
    r.period?.start,
    fallbackKey(codes, display),
    codes,
    display,
    FLAG_STATUS[r.status] ?? 'unknown',
    undefined,
  );
  const categories: string[] = [];
  for (const cc of r.category ?? []) for (const c of cc.coding ?? []) if (c.code !== undefined) categories.push(c.code);
  const fact: FlagFact = {
    id: b.id,
    hospitalCode: b.hospitalCode,
    resourceType: b.resourceType,
    resourceId: b.resourceId,
    date: b.date,
    conceptKey: b.conceptKey,
    codes: b.codes,
    display: b.display,
    nameTh: b.nameTh,
    nameEn: b.nameEn,
    status: b.status,
    sealed: b.sealed,
    kind: 'flag',
    categories,
  };
  const period = periodOf(r.period);
  if (period !== undefined) fact.period = period;
  return fact;
}
