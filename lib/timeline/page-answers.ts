import 'server-only';
import { accessAuditFields, rememberSharingHospitals, type PatientAccess } from '../access/patient-access';
import { appendAudit } from '../audit/append';
import type { DoctorContext } from '../auth/guard';
import { toHttpError } from '../errors';
import { logger } from '../log';
import type { RecordDeps } from './deps';
import { fetchHospitalViews } from './hospital-view';
import { loadPatientContext, type PatientContext } from './patient-context';
import { planPageReads, sharingChanged } from './read-plan';
import type { PageRecord } from './types';
import { viewLines, type TimelineLine } from './stream-lines';
import { wireEncoder } from './wire';

/**
 * One promise per hospital for the record page: the lines of that hospital's answer (see
 * lib/timeline/stream-lines.ts), or one error line, each serialised in the compact wire form (lib/timeline/wire.ts:
 * every string and key list sent once per answer). The page starts these reads as its
 * request arrives and hands the promises to the client component; React streams each answer into the same
 * response the moment it resolves, so no hospital waits for the page to load and hydrate before it is asked.
 * Each read is audited exactly as in the one-hospital route (fetchHospitalView, failing closed). A promise
 * never rejects: an error crosses to the browser as a value (a rejected promise would lose its message in
 * a production build).
 */
export function pageHospitalAnswers(
  doctor: DoctorContext,
  access: PatientAccess,
  hcodes: readonly string[],
  deps: RecordDeps,
): Record<string, Promise<string[]>> {
  const reads = fetchHospitalViews(doctor, access, hcodes, deps);
  return Object.fromEntries(
    hcodes.map((hcode, i) => [
      hcode,
      reads[i]!.then(
        (view): TimelineLine[] => viewLines(hcode, view),
        (error: unknown): TimelineLine[] => {
          const { status, body } = toHttpError(error);
          return [{ hcode, error: { status, message: body.message } }];
        },
      ).then((lines) => {
        const wire = wireEncoder();
        return lines.map((line) => JSON.stringify(wire.encode(line)));
      }),
    ]),
  );
}

/**
 * Starts the record page's reads the moment its request arrives: the hospitals the access recorded as
 * sharing are asked at once, while the exchange is asked again who the patient shares with (and who the
 * patient is). Only the re-check decides what the page sees (lib/timeline/read-plan.ts): an early answer
 * from a hospital it no longer lists is discarded — its read is audited as every read is, then a denied
 * `clinical-read` row says it was never shown — and a hospital it newly lists is asked then. A failed
 * re-check shows nothing. The access's stored list is refreshed when the exchange's differs.
 */
export async function startPageRecord(doctor: DoctorContext, access: PatientAccess, deps: RecordDeps): Promise<PageRecord> {
  const early = access.sharingHcodes ?? [];
  const earlyAnswers = pageHospitalAnswers(doctor, access, early, deps);
  let context: PatientContext;
  try {
    context = await loadPatientContext(doctor, access, deps);
  } catch (error) {
    for (const hcode of early) void discardAnswer(doctor, access, hcode, earlyAnswers[hcode]!, deps);
    throw error;
  }
  const confirmed = context.ok ? context.hospitals.map((h) => h.code) : null;
  const plan = planPageReads(early, confirmed);
  for (const hcode of plan.discard) void discardAnswer(doctor, access, hcode, earlyAnswers[hcode]!, deps);
  if (confirmed && sharingChanged(access.sharingHcodes, confirmed))
    void rememberSharingHospitals(deps.db, access, confirmed).catch((error: unknown) =>
      logger().warn({ err: error instanceof Error ? error.message : 'unknown' }, 'could not refresh the access sharing list'),
    );
  const late = pageHospitalAnswers(doctor, access, plan.start, deps);
  const answers: Record<string, Promise<string[]>> = {};
  for (const hcode of confirmed ?? []) answers[hcode] = earlyAnswers[hcode] ?? late[hcode]!;
  return { context, answers };
}

/** Once a discarded read has finished (and been audited), records that its answer was not shown. */
async function discardAnswer(
  doctor: DoctorContext,
  access: PatientAccess,
  hcode: string,
  answer: Promise<string[]>,
  deps: RecordDeps,
): Promise<void> {
  await answer;
  try {
    await appendAudit(deps.db, {
      ...accessAuditFields(doctor, access),
      action: 'clinical-read',
      outcome: 'denied',
      details: { sourceHospital: hcode, reason: 'not-shared-on-recheck', shown: false },
    });
  } catch (error) {
    logger().error({ err: error instanceof Error ? error.message : 'unknown', hospital: hcode }, 'audit of a discarded read failed');
  }
}
