import 'server-only';
import type { PatientAccess } from '../access/patient-access';
import type { DoctorContext } from '../auth/guard';
import { toHttpError } from '../errors';
import type { RecordDeps } from './deps';
import { fetchHospitalViews } from './hospital-view';
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
