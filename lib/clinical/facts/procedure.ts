/** Procedure → procedure fact. */
import type { Procedure } from '@medplum/fhirtypes';
import type { FactStatus, ProcedureFact } from '../types';
import { base, fallbackKey, textOf, toCodes } from './shared';

const PROCEDURE_STATUS: Record<string, FactStatus> = {
  preparation: 'planned',
  'in-progress': 'in-progress',
  'not-done': 'not-done',
  'on-hold': 'on-hold',
  stopped: 'stopped',
  completed: 'completed',
  unknown: 'unknown',
};

export function procedureFact(r: Procedure, hospitalCode: string): ProcedureFact | null {
  if (r.status === 'entered-in-error') return null;
  const codes = toCodes(r.code);
  const display = textOf(r.code);
  const b = base(
    r,
    hospitalCode,
    r.performedDateTime ?? r.performedPeriod?.start,
    fallbackKey(codes, display),
    codes,
    display,
    PROCEDURE_STATUS[r.status] ?? 'unknown',
    undefined,
  );
  const fact: ProcedureFact = {
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
    kind: 'procedure',
  };
  const site = r.bodySite?.[0];
  if (site !== undefined) fact.bodySite = textOf(site);
  return fact;
}
