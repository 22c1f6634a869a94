import 'server-only';
import type { Resource } from '@medplum/fhirtypes';
import { z } from 'zod';
import { accessAuditFields, type PatientAccess } from '../access/patient-access';
import { appendAudit } from '../audit/append';
import type { DoctorContext } from '../auth/guard';
import { sealedLabels } from '../clinical/facts/shared';
import { exchangeContextFor } from '../exchange/request-context';
import { AppError } from '../errors';
import { logger } from '../log';
import { metrics } from '../metrics';
import { ALLOWED_RESOURCE_TYPES } from '../exchange/validate';
import type { RecordDeps } from './deps';
import { openedFactIds } from './hospital-view';

/** The resource types the viewer reads (and so may show as the hospital sent them). */
export const ORIGINAL_RECORD_TYPES = ALLOWED_RESOURCE_TYPES;

export const originalRecordParamsSchema = z.object({
  accessId: z.uuid(),
  hcode: z.string().regex(/^\d{5}$/),
  type: z.enum(ORIGINAL_RECORD_TYPES),
  // FHIR id: [A-Za-z0-9\-\.]{1,64}
  id: z.string().regex(/^[A-Za-z0-9.-]{1,64}$/),
});
export type OriginalRecordParams = z.infer<typeof originalRecordParamsSchema>;

const NOT_FOUND = {
  th: 'ไม่พบข้อมูลนี้ในระบบของโรงพยาบาลต้นทาง',
  en: 'This record was not found at the hospital that sent it.',
};
const SEALED = {
  th: 'ข้อมูลนี้เป็นข้อมูลอ่อนไหว กรุณาระบุเหตุผลเพื่อเปิดดูก่อน',
  en: 'This record is sensitive. Give a reason to open it first.',
};
const UNAVAILABLE = {
  th: 'ไม่สามารถติดต่อโรงพยาบาลต้นทางได้ กรุณาลองใหม่',
  en: 'The hospital that sent this record cannot be reached. Please try again.',
};

/** The resource without narrative (`text`, also in contained resources): narrative is never shown as HTML. */
function withoutNarrative(resource: Resource): Resource {
  const copy = structuredClone(resource) as Resource & { text?: unknown; contained?: (Resource & { text?: unknown })[] };
  delete copy.text;
  for (const c of copy.contained ?? []) delete c.text;
  return copy;
}

/**
 * One resource exactly as the hospital sent it (narrative aside), for the drawer's "view as the hospital sent
 * it". Read through the same path as the record (the exchange's batch read for this patient at this
 * hospital: its patient check, validation, caps and deadline), so a resource of anyone else cannot be named
 * into view. A sealed resource is refused until this access has opened it with a reason. One audit row per
 * request, written before the resource is handed out (fail closed).
 */
export async function readOriginalRecord(
  doctor: DoctorContext,
  access: PatientAccess,
  params: Pick<OriginalRecordParams, 'hcode' | 'type' | 'id'>,
  deps: RecordDeps,
): Promise<Resource> {
  const { hcode, type, id } = params;
  const [result, opened] = await Promise.all([
    deps.exchange.fetchHospitalRecords(hcode, access.cid, exchangeContextFor(doctor, access.purpose)),
    openedFactIds(deps.db, access),
  ]);
  const answered = result.status === 'answered' || result.status === 'no-data';
  const resource = answered ? result.resources.find((r) => r.resourceType === type && r.id === id) : undefined;
  const factId = `${hcode}/${type}/${id}`;
  // Observation components become facts `<id>#…`: opening any of them opens the resource they came from.
  const sealed =
    resource !== undefined &&
    sealedLabels(resource.meta) !== undefined &&
    ![...opened].some((f) => f === factId || f.startsWith(`${factId}#`));
  const outcome = !answered ? 'unavailable' : resource === undefined ? 'not-found' : sealed ? 'sealed' : 'shown';
  try {
    await appendAudit(deps.db, {
      ...accessAuditFields(doctor, access),
      action: 'clinical-read',
      outcome: outcome === 'shown' ? 'success' : 'failure',
      details: { view: 'original-record', sourceHospital: hcode, resourceType: type, outcome, accessKind: access.kind },
    });
  } catch (error) {
    metrics().auditWriteFailures.inc();
    logger().error(
      { err: error instanceof Error ? error.message : 'unknown', hospital: hcode },
      'audit write failed; original record refused',
    );
    throw new AppError('audit-unavailable', {
      th: 'ไม่สามารถบันทึกประวัติการเข้าถึงได้ จึงไม่แสดงข้อมูล กรุณาลองใหม่หรือแจ้งผู้ดูแลระบบ',
      en: 'The access could not be recorded, so no data is shown. Please try again or contact the administrator.',
    });
  }
  if (outcome === 'unavailable') throw new AppError('unavailable', UNAVAILABLE);
  if (outcome === 'not-found' || resource === undefined) throw new AppError('not-found', NOT_FOUND);
  if (outcome === 'sealed') throw new AppError('forbidden', SEALED);
  return withoutNarrative(resource);
}
