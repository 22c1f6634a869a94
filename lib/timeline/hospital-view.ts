import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { accessAuditFields, type PatientAccess } from '../access/patient-access';
import { appendAuditGrouped, type AuditEntry } from '../audit/append';
import type { DoctorContext } from '../auth/guard';
import { sealFact, toClinicalFacts } from '../clinical/facts';
import type { ClinicalFact, SealedFactStub } from '../clinical/types';
import type { Db } from '../db';
import { exchangeContextFor } from '../exchange/request-context';
import { preparedPer } from '../db/prepared';
import { sealedOpenings } from '../db/schema';
import { AppError } from '../errors';
import { logger } from '../log';
import { metrics } from '../metrics';
import type { RecordDeps } from './deps';
import type { HospitalView } from './types';

const openedQuery = preparedPer((database) =>
  database
    .select({ factId: sealedOpenings.factId })
    .from(sealedOpenings)
    .where(and(eq(sealedOpenings.accessKind, sql.placeholder('kind')), eq(sealedOpenings.accessId, sql.placeholder('id'))))
    .prepare('opened_fact_ids'),
);

/** The fact ids this access has opened with a reason (sealed records stay open only for that access). */
export async function openedFactIds(database: Db, access: PatientAccess): Promise<Set<string>> {
  const rows = await openedQuery(database).execute({ kind: access.kind, id: access.id });
  return new Set(rows.map((r) => r.factId));
}

function newestDate(facts: readonly (ClinicalFact | SealedFactStub)[]): string | null {
  let newest: string | null = null;
  for (const f of facts) if (f.date && (!newest || f.date > newest)) newest = f.date;
  return newest;
}

/**
 * Fetches one hospital's records for the patient of an active access, maps them to facts, seals sensitive
 * ones not yet opened, and audits the read. Fail closed: if the audit row cannot be written, nothing is
 * returned (503). Resources of another patient were already dropped by the exchange client; they are
 * counted here and recorded as a safety event. `openedIds`: the access's opened record ids when the caller
 * reads them once for several hospitals (fetchHospitalViews); without it they are read here.
 */
export async function fetchHospitalView(
  doctor: DoctorContext,
  access: PatientAccess,
  hcode: string,
  deps: RecordDeps,
  openedIds?: Promise<ReadonlySet<string>>,
): Promise<HospitalView> {
  const result = await deps.exchange.fetchHospitalRecords(hcode, access.cid, exchangeContextFor(doctor, access.purpose));
  const database = deps.db;
  const opened = await (openedIds ?? openedFactIds(database, access));
  // An opened record travels in full and unsealed (its labels are no longer a reason to hide it on screen).
  const facts = toClinicalFacts(result.resources, hcode).map((f) =>
    f.sealed ? (opened.has(f.id) ? { ...f, sealed: undefined } : sealFact(f)) : f,
  );
  const view: HospitalView = {
    hcode,
    status: result.status,
    facts,
    records: facts.length,
    counts: result.counts,
    newestDate: newestDate(facts),
    droppedWrongPatient: result.droppedWrongPatient,
    droppedUnverifiable: result.droppedUnverifiable,
    fetchedAt: result.fetchedAt,
    elapsedMs: result.elapsedMs,
  };
  const common = accessAuditFields(doctor, access);
  const entries: AuditEntry[] = [
    {
      ...common,
      action: 'clinical-read',
      outcome: result.status === 'answered' || result.status === 'no-data' ? 'success' : 'failure',
      details: {
        sourceHospital: hcode,
        status: result.status,
        resourceTypes: result.counts,
        records: facts.length,
        sealed: facts.filter((f) => !('resourceType' in f)).length,
        accessKind: access.kind,
      },
    },
  ];
  if (result.droppedWrongPatient > 0 || result.droppedUnverifiable > 0) {
    entries.push({
      ...common,
      action: 'safety-wrong-patient',
      outcome: 'failure',
      details: { sourceHospital: hcode, droppedWrongPatient: result.droppedWrongPatient, droppedUnverifiable: result.droppedUnverifiable },
    });
  }
  try {
    // Reads are the busiest audited action: concurrent ones share one chain-lock transaction (see appendAuditGrouped).
    await appendAuditGrouped(database, entries);
  } catch (error) {
    metrics().auditWriteFailures.inc();
    logger().error(
      { err: error instanceof Error ? error.message : 'unknown', hospital: hcode },
      'audit write failed; clinical read refused',
    );
    throw new AppError('audit-unavailable', {
      th: 'ไม่สามารถบันทึกประวัติการเข้าถึงได้ จึงไม่แสดงข้อมูล กรุณาลองใหม่หรือแจ้งผู้ดูแลระบบ',
      en: 'The access could not be recorded, so no data is shown. Please try again or contact the administrator.',
    });
  }
  if (result.droppedWrongPatient > 0)
    logger().warn({ hospital: hcode, dropped: result.droppedWrongPatient }, 'wrong-patient resources dropped');
  return view;
}

/**
 * fetchHospitalView for several hospitals at once, in parallel: one promise per hospital, in order. The
 * access's opened records are read from PostgreSQL once for all of them (not once per hospital).
 */
export function fetchHospitalViews(
  doctor: DoctorContext,
  access: PatientAccess,
  hcodes: readonly string[],
  deps: RecordDeps,
): Promise<HospitalView>[] {
  const opened = openedFactIds(deps.db, access);
  // Each read awaits it only once its own hospital has answered: mark it handled now, so a failure is not an
  // unhandled rejection in between. Every read that awaits it still fails (closed) with that error.
  opened.catch(() => undefined);
  return hcodes.map((hcode) => fetchHospitalView(doctor, access, hcode, deps, opened));
}
