import 'server-only';
import { accessAuditFields, type PatientAccess } from '../access/patient-access';
import { appendAuditGrouped, type AuditEntry } from '../audit/append';
import type { DoctorContext } from '../auth/guard';
import type { ClinicalFact } from '../clinical/types';
import { AppError } from '../errors';
import { logger } from '../log';
import { metrics } from '../metrics';
import type { HospitalView } from '../timeline/types';
import type { PhrAnswer, PhrFacility } from './answer';
import { currentPhrGrant, endPhrGrant, type PhrDeps } from './grants';
import { phrFactsBySource } from './map';
import { PHR_SOURCE } from './source-codes';
import { phrViewStatus } from './status';
import type { PhrRecordRows } from './schemas';

function counts(facts: readonly ClinicalFact[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of facts) out[f.resourceType] = (out[f.resourceType] ?? 0) + 1;
  return out;
}

function newest(facts: readonly ClinicalFact[]): string | null {
  let best: string | null = null;
  for (const f of facts) if (f.date && (!best || f.date > best)) best = f.date;
  return best;
}

function facilitiesOf(rows: PhrRecordRows, sources: Iterable<string>): PhrFacility[] {
  const names = new Map(
    rows.visits.map((v) => [v.encounter.organization_code, v.encounter.organization_name ?? v.encounter.organization_code]),
  );
  return [...sources].map((code) => {
    const hcode = code === PHR_SOURCE ? null : code.slice(PHR_SOURCE.length + 1);
    return { code, hcode, name: hcode === null ? '' : (names.get(hcode) ?? hcode) };
  });
}

/**
 * The access's Mor Prom answers, when the patient gave a code: one HospitalView per facility MOPH-PHR
 * names (`phr:<hcode>`, so a visit both platforms carry meets Health Link's own), plus `phr` for the
 * summary's allergy text. Every read is audited (one `clinical-read` row per source, or one for a failed
 * read) and fails closed like the exchange's: no audit row, no data.
 */
export async function fetchPhrAnswer(doctor: DoctorContext, access: PatientAccess, deps: PhrDeps): Promise<PhrAnswer> {
  const grant = await currentPhrGrant(access, deps);
  if (grant.state === 'none') return grant;
  if (grant.state === 'requested') return { state: 'requested', expiresAt: grant.expiresAt.toISOString() };
  const result = await deps.phr.fetchRecords(doctor.hospitalCode, access.cid, grant.code);
  if (result.status === 'code-refused') await endPhrGrant(deps.db, grant.id, deps.now());
  const bySource = phrFactsBySource(result.rows);
  const status = phrViewStatus(result.status);
  const views: HospitalView[] = [...bySource].map(([code, facts]) => ({
    hcode: code,
    status,
    facts,
    records: facts.length,
    counts: counts(facts),
    newestDate: newest(facts),
    droppedWrongPatient: result.droppedWrongPatient,
    droppedUnverifiable: 0,
    fetchedAt: result.fetchedAt,
    elapsedMs: result.elapsedMs,
  }));
  const common = accessAuditFields(doctor, access);
  const ok = result.status === 'answered' || result.status === 'no-data';
  const entries: AuditEntry[] =
    views.length > 0
      ? views.map((v) => ({
          ...common,
          action: 'clinical-read' as const,
          outcome: 'success' as const,
          details: {
            sourceHospital: v.hcode,
            platform: 'moph-phr',
            status: v.status,
            resourceTypes: v.counts,
            records: v.records,
            accessKind: access.kind,
          },
        }))
      : [
          {
            ...common,
            action: 'clinical-read',
            outcome: ok ? 'success' : 'failure',
            details: {
              sourceHospital: PHR_SOURCE,
              platform: 'moph-phr',
              status: result.status,
              records: 0,
              accessKind: access.kind,
              ...(result.error ? { error: result.error } : {}),
            },
          },
        ];
  if (result.droppedWrongPatient > 0)
    entries.push({
      ...common,
      action: 'safety-wrong-patient',
      outcome: 'failure',
      details: { sourceHospital: PHR_SOURCE, droppedWrongPatient: result.droppedWrongPatient },
    });
  try {
    await appendAuditGrouped(deps.db, entries);
  } catch (error) {
    metrics().auditWriteFailures.inc();
    logger().error(
      { err: error instanceof Error ? error.message : 'unknown', source: PHR_SOURCE },
      'audit write failed; MOPH-PHR read refused',
    );
    throw new AppError('audit-unavailable', {
      th: 'ไม่สามารถบันทึกประวัติการเข้าถึงได้ จึงไม่แสดงข้อมูล กรุณาลองใหม่หรือแจ้งผู้ดูแลระบบ',
      en: 'The access could not be recorded, so no data is shown. Please try again or contact the administrator.',
    });
  }
  return {
    state: 'granted',
    expiresAt: grant.expiresAt.toISOString(),
    status: result.status,
    views,
    facilities: facilitiesOf(result.rows, bySource.keys()),
  };
}
