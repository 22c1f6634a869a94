import 'server-only';
import type { PatientAccess } from '../access/patient-access';
import type { DoctorContext } from '../auth/guard';
import { mergeTimeline } from '../clinical/merge';
import type { TimelineModel } from '../clinical/types';
import { fetchHospitalViews } from './hospital-view';
import type { RecordDeps } from './deps';
import type { HospitalView, SharingHospital } from './types';

/**
 * Fetches every sharing hospital in parallel on the server (each read audited) and merges them, for views
 * that need the whole picture at once (print, emergency summary). Hospitals that fail are reported, not hidden.
 */
export async function loadFullRecord(
  doctor: DoctorContext,
  access: PatientAccess,
  hospitals: readonly SharingHospital[],
  deps: RecordDeps,
  now = new Date(),
): Promise<{ model: TimelineModel; views: HospitalView[] }> {
  const views = await Promise.all(
    fetchHospitalViews(
      doctor,
      access,
      hospitals.map((h) => h.code),
      deps,
    ),
  );
  const answered = views.filter((v) => v.status === 'answered' || v.status === 'no-data').map((v) => v.hcode);
  const model = mergeTimeline({ facts: views.flatMap((v) => v.facts), answered, now: now.toISOString() });
  return { model, views };
}
