import 'server-only';
import type { PatientAccess } from '../access/patient-access';
import type { DoctorContext } from '../auth/guard';
import { hasAnswered, hospitalAnswers, type HospitalAnswer } from '../clinical/coverage';
import { buildEmergencySummary } from '../clinical/emergency-summary';
import { mergeTimeline } from '../clinical/merge';
import type { ClinicalFact, EmergencySummary, FactKind, SealedFactStub } from '../clinical/types';
import type { HospitalFetchStatus } from '../exchange/types';
import { fetchHospitalViews } from '../timeline/hospital-view';
import type { RecordDeps } from '../timeline/deps';
import { loadPatientContext, type PatientBanner } from '../timeline/patient-context';

/** One row of the coverage ledger: did this hospital answer, and with how many records. */
export interface CoverageRow {
  code: string;
  nameTh: string;
  nameEn: string;
  status: HospitalFetchStatus;
  records: number;
  /** Records withheld from this answer (another patient's or unverifiable). */
  dropped: number;
  /** Sealed records not yet opened, by kind. */
  sealed: Partial<Record<FactKind, number>>;
}

export type EmergencySummaryView =
  | {
      ok: true;
      banner: PatientBanner;
      coverage: CoverageRow[];
      /** The same ledger as the coverage functions read it (for the IPS narrative). */
      answers: HospitalAnswer[];
      summary: EmergencySummary;
      /** The facts the summary was made from (sealed ones as stubs), for the IPS export; server-side only. */
      facts: (ClinicalFact | SealedFactStub)[];
      hospitalNames: Record<string, { th: string; en: string }>;
    }
  | { ok: false; reason: 'exchange-unavailable' | 'patient-not-found'; banner?: PatientBanner };

/**
 * Fetches every sharing hospital in parallel on the server (each read audited by fetchHospitalViews, which
 * fails closed), merges the facts and builds the one-screen emergency summary with its coverage ledger.
 */
export async function loadEmergencySummary(
  doctor: DoctorContext,
  access: PatientAccess,
  deps: RecordDeps,
  now = new Date(),
): Promise<EmergencySummaryView> {
  const context = await loadPatientContext(doctor, access, deps);
  if (!context.ok)
    return context.banner ? { ok: false, reason: context.reason, banner: context.banner } : { ok: false, reason: context.reason };
  const views = await Promise.all(
    fetchHospitalViews(
      doctor,
      access,
      context.hospitals.map((h) => h.code),
      deps,
    ),
  );
  const facts: (ClinicalFact | SealedFactStub)[] = [];
  const answered: string[] = [];
  for (const v of views) {
    if (!hasAnswered(v.status)) continue;
    answered.push(v.hcode);
    facts.push(...v.facts);
  }
  const model = mergeTimeline({ facts, answered, now: now.toISOString() });
  const summary = buildEmergencySummary(model, answered);
  const hospitalNames: Record<string, { th: string; en: string }> = {};
  for (const h of context.hospitals) hospitalNames[h.code] = { th: h.nameTh, en: h.nameEn };
  const answers = hospitalAnswers(
    context.hospitals.map((h) => h.code),
    (code) => views.find((v) => v.hcode === code) ?? 'failed',
  );
  const coverage = context.hospitals.map((h, i) => {
    const a = answers[i]!;
    return {
      code: h.code,
      nameTh: h.nameTh,
      nameEn: h.nameEn,
      status: views[i]?.status ?? 'error',
      records: views[i]?.records ?? 0,
      dropped: a.dropped,
      sealed: a.sealed,
    };
  });
  return { ok: true, banner: context.banner, coverage, answers, summary, facts, hospitalNames };
}
