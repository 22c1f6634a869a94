/**
 * The patient banner's alerts, from the merged record: allergies (how many, and the most severe), current
 * high-alert drugs, pregnancy, and the hospitals' own FHIR Flags (infection control, DNR …) with advance
 * directives apart. Every alert names the hospitals it comes from; what the banner could not see (a
 * hospital not answered, sealed records) is the coverage's job, asked with ALERT_KINDS. Pure.
 */
import type { FactKind, FlagFact, MedicationRow, TimelineEntry, TimelineModel } from './types';
import type { HighRiskClass } from './terminology';
import { BANNER_HIGH_ALERT_CLASSES } from './terminology/high-alert';
import {
  POSITIVE_SNOMED,
  PREGNANCY_ICD10_PREFIXES,
  PREGNANCY_SNOMED,
  PREGNANCY_TEST_LOINC,
  PREGNANCY_TEST_RECENT_DAYS,
} from './terminology/pregnancy';
import { SYSTEMS } from './terminology/systems';
import { DAY_MS, timeOf } from './merge/dates';
import { sortedUnique } from './merge/order';

/** The record kinds the banner's alerts are made of: a hospital missing any of them leaves the banner incomplete. */
export const ALERT_KINDS: readonly FactKind[] = ['allergy', 'medication', 'condition', 'lab', 'flag'];

type Criticality = 'low' | 'high' | 'unable-to-assess';
type Severity = 'mild' | 'moderate' | 'severe';

export interface AllergyAlert {
  count: number;
  /** The allergy to name first: highest criticality, then the most severe reaction recorded. */
  mostSevere?: { display: string; nameTh?: string; nameEn?: string; criticality?: Criticality; severity?: Severity; hospitals: string[] };
}

export interface HighAlertDrug {
  display: string;
  nameTh?: string;
  nameEn?: string;
  highRisk: HighRiskClass;
  /** Hospitals whose latest record says the patient takes it now. */
  hospitals: string[];
}

export interface PregnancyAlert {
  source: 'condition' | 'test';
  display: string;
  date: string | null;
  hospitals: string[];
}

export interface FlagAlert {
  entryId: string;
  display: string;
  categories: string[];
  date: string | null;
  hospitals: string[];
  advanceDirective: boolean;
}

export interface AlertFlags {
  allergies: AllergyAlert;
  highAlertDrugs: HighAlertDrug[];
  pregnancy: PregnancyAlert[];
  flags: FlagAlert[];
}

const CRITICALITY_RANK: Record<Criticality, number> = { high: 3, 'unable-to-assess': 2, low: 1 };
const SEVERITY_RANK: Record<Severity, number> = { severe: 3, moderate: 2, mild: 1 };

/** Builds the banner's alerts from the merged model; `now` decides what a "recent" pregnancy test is. */
export function deriveAlertFlags(model: TimelineModel, now: string): AlertFlags {
  return {
    allergies: allergyAlert(model),
    highAlertDrugs: highAlertDrugs(model.medications),
    pregnancy: pregnancyAlerts(model, Date.parse(now)),
    flags: flagAlerts(model.entries, Date.parse(now)),
  };
}

function allergyAlert(model: TimelineModel): AllergyAlert {
  const rows = model.allergies.filter((r) => !r.refuted);
  let best: { rank: number; out: NonNullable<AllergyAlert['mostSevere']> } | undefined;
  for (const r of rows) {
    let severity: Severity | undefined;
    for (const s of r.statements)
      if (s.severity !== undefined && (severity === undefined || SEVERITY_RANK[s.severity] > SEVERITY_RANK[severity]))
        severity = s.severity;
    const rank =
      (r.highestCriticality === undefined ? 0 : CRITICALITY_RANK[r.highestCriticality]) * 10 +
      (severity === undefined ? 0 : SEVERITY_RANK[severity]);
    if (best !== undefined && rank <= best.rank) continue;
    const out: NonNullable<AllergyAlert['mostSevere']> = { display: r.display, hospitals: [...r.hospitals] };
    if (r.nameTh !== undefined) out.nameTh = r.nameTh;
    if (r.nameEn !== undefined) out.nameEn = r.nameEn;
    if (r.highestCriticality !== undefined) out.criticality = r.highestCriticality;
    if (severity !== undefined) out.severity = severity;
    best = { rank, out };
  }
  return best === undefined ? { count: rows.length } : { count: rows.length, mostSevere: best.out };
}

function highAlertDrugs(rows: readonly MedicationRow[]): HighAlertDrug[] {
  const out: HighAlertDrug[] = [];
  for (const r of rows) {
    if (!r.current || r.highRisk === undefined || !BANNER_HIGH_ALERT_CLASSES.includes(r.highRisk)) continue;
    const drug: HighAlertDrug = {
      display: r.display,
      highRisk: r.highRisk,
      hospitals: sortedUnique(r.hospitals.filter((h) => h.current).map((h) => h.hospitalCode)),
    };
    if (r.nameTh !== undefined) drug.nameTh = r.nameTh;
    if (r.nameEn !== undefined) drug.nameEn = r.nameEn;
    out.push(drug);
  }
  return out.sort((a, b) => BANNER_HIGH_ALERT_CLASSES.indexOf(a.highRisk) - BANNER_HIGH_ALERT_CLASSES.indexOf(b.highRisk));
}

function isPregnancyCode(system: string, code: string): boolean {
  if (system === SYSTEMS.snomed) return PREGNANCY_SNOMED.has(code);
  if (system === SYSTEMS.icd10 || system === SYSTEMS.icd10tm) {
    const c = code.replace('.', '').toUpperCase();
    return PREGNANCY_ICD10_PREFIXES.some((p) => c.startsWith(p));
  }
  return false;
}

/** An active pregnancy problem (its merged row, so a hospital that resolved it wins as it does in the list), or a recent positive hCG. */
function pregnancyAlerts(model: TimelineModel, now: number): PregnancyAlert[] {
  const pregnancyConcepts = new Set<string>();
  const out: PregnancyAlert[] = [];
  for (const e of model.entries) {
    const f = e.fact;
    if (f === undefined) continue;
    if (f.kind === 'condition' && f.codes.some((c) => isPregnancyCode(c.system, c.code))) pregnancyConcepts.add(f.conceptKey);
    if (f.kind === 'lab' && isPositivePregnancyTest(e) && e.date !== null && now - timeOf(e.date) <= PREGNANCY_TEST_RECENT_DAYS * DAY_MS)
      out.push({ source: 'test', display: f.display, date: e.date, hospitals: [...e.hospitals] });
  }
  const conditions: PregnancyAlert[] = model.problems
    .filter((p) => p.active && pregnancyConcepts.has(p.conceptKey))
    .map((p) => ({
      source: 'condition',
      display: p.display,
      date: p.onset ?? p.latestDate,
      hospitals: sortedUnique(p.hospitals.map((h) => h.hospitalCode)),
    }));
  // Newest test first; one is enough to say it, the rest only repeat it.
  out.sort((a, b) => timeOf(b.date) - timeOf(a.date));
  return [...conditions, ...out.slice(0, 1)];
}

function isPositivePregnancyTest(e: TimelineEntry): boolean {
  const f = e.fact;
  if (f === undefined || (f.kind !== 'lab' && f.kind !== 'vital')) return false;
  if (!f.codes.some((c) => c.system === SYSTEMS.loinc && PREGNANCY_TEST_LOINC.has(c.code))) return false;
  if (f.valueCode === POSITIVE_SNOMED || f.valueCode === 'POS') return true;
  return f.valueText !== undefined && /^\s*(positive|pos|\+|บวก)/i.test(f.valueText);
}

/** Active Flags whose period has not ended, newest first; advance directives marked. */
function flagAlerts(entries: readonly TimelineEntry[], now: number): FlagAlert[] {
  const out: FlagAlert[] = [];
  for (const e of entries) {
    const f = e.fact;
    if (f?.kind !== 'flag' || f.status !== 'active') continue;
    if (isEnded(f, now)) continue;
    out.push({
      entryId: e.id,
      display: f.display,
      categories: f.categories,
      date: e.date,
      hospitals: [...e.hospitals],
      advanceDirective: f.categories.includes('advance-directive'),
    });
  }
  return out;
}

function isEnded(f: FlagFact, now: number): boolean {
  const end = f.period?.end;
  if (end === undefined) return false;
  const t = timeOf(end);
  return Number.isFinite(t) && t < now;
}
