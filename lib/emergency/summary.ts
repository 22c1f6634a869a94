import 'server-only';
import type { PatientAccess } from '../access/patient-access';
import type { DoctorContext } from '../auth/guard';
import { buildEmergencySummary } from '../clinical/emergency-summary';
import { mergeTimeline } from '../clinical/merge';
import type { ClinicalFact, EmergencySummary, SealedFactStub } from '../clinical/types';
import type { HospitalFetchStatus } from '../exchange/types';
import { fetchHospitalViews } from '../timeline/hospital-view';
import { loadPatientContext, type PatientBanner } from '../timeline/patient-context';

/** One row of the coverage ledger: did this hospital answer, and with how many records. */
export interface CoverageRow {
  code: string;
  nameTh: string;
  nameEn: string;
  status: HospitalFetchStatus;
  records: number;
}

export type EmergencySummaryView =
  | { ok: true; banner: PatientBanner; coverage: CoverageRow[]; summary: EmergencySummary; hospitalNames: Record<string, { th: string; en: string }> }
  | { ok: false; reason: 'exchange-unavailable' | 'patient-not-found'; banner?: PatientBanner };

/** Statuses after which silence from a hospital means "nothing there", not "we do not know". */
export function hasAnswered(status: HospitalFetchStatus): boolean {
  return status === 'answered' || status === 'no-data';
}

/**
 * Fetches every sharing hospital in parallel on the server (each read audited by fetchHospitalViews, which
 * fails closed), merges the facts and builds the one-screen emergency summary with its coverage ledger.
 */
export async function loadEmergencySummary(doctor: DoctorContext, access: PatientAccess, now = new Date()): Promise<EmergencySummaryView> {
  const context = await loadPatientContext(doctor, access);
  if (!context.ok) return context.banner ? { ok: false, reason: context.reason, banner: context.banner } : { ok: false, reason: context.reason };
  const views = await Promise.all(fetchHospitalViews(doctor, access, context.hospitals.map((h) => h.code)));
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
  const coverage = context.hospitals.map((h, i) => ({ code: h.code, nameTh: h.nameTh, nameEn: h.nameEn, status: views[i]?.status ?? 'error', records: views[i]?.records ?? 0 }));
  return { ok: true, banner: context.banner, coverage, summary, hospitalNames };
}
