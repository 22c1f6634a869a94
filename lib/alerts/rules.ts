import { provinceByCode, provincesOfRegion } from '../geo/provinces';

/**
 * Unusual access (issue 21 §5), as pure arithmetic over a doctor's record opens: the per-doctor record-open
 * limit and the rules that raise an alert for the privacy officer. Every threshold is a named constant here,
 * so the privacy office can read (and change, with a review) exactly what is noticed.
 */

/** One record open as the audit trail holds it (`record-open`, outcome success). */
export interface RecordOpen {
  seq: number;
  at: Date;
  patientCid: string;
  purpose: 'TREAT' | 'ETREAT';
  accessRef: string | null;
  /** The DOPA code of the patient's province as the exchange gave it when the doctor found them; null when unknown. */
  province?: string | null;
}

/**
 * Distinct patients one doctor may open in an hour. Re-opening a patient already opened in the hour is
 * always allowed (reloads, the print view, a retry). A ward round or a busy ED shift opens far fewer; a
 * trawl through records opens more.
 */
export const MAX_RECORD_OPENS_PER_DOCTOR_HOUR = 30;
export const RECORD_OPEN_WINDOW_MS = 3600_000;

/** Many different patients in a short time: more than a clinician sees in half an hour. */
export const MANY_PATIENTS_ALERT = { patients: 5, windowMs: 30 * 60_000 } as const;
/** Break-the-glass is for the unexpected: a third emergency access within a day is worth a second look. */
export const REPEATED_EMERGENCY_ALERT = { accesses: 3, windowMs: 24 * 3600_000 } as const;
/**
 * Patients from outside the hospital's catchment (its health region, or the whole country when its admin says
 * so). One such patient is ordinary: a referral, a traveller, someone living away from the province of their
 * house registration. Five different ones in a day from one doctor is more than referrals explain, and is
 * the pattern of someone looking up people they know back home or on request. A patient whose province the
 * exchange does not give never counts as outside: no evidence is not evidence.
 */
export const OUTSIDE_CATCHMENT_ALERT = { patients: 5, windowMs: 24 * 3600_000 } as const;
/**
 * A patient on the hospital's own staff list (docs/security.md): colleagues' records are the ones most often
 * read out of curiosity, so every first open in the hour (RECORD_OPEN_WINDOW_MS, as the gate counts) is an
 * alert of its own, reviewed one by one.
 */
export const STAFF_RECORD_ALERT = { windowMs: RECORD_OPEN_WINDOW_MS } as const;
/** How far back the alert rules look (the longest window above). */
export const ALERT_LOOKBACK_MS = Math.max(
  MANY_PATIENTS_ALERT.windowMs,
  REPEATED_EMERGENCY_ALERT.windowMs,
  OUTSIDE_CATCHMENT_ALERT.windowMs,
);

export const ALERT_RULES = ['many-patients', 'repeated-emergency', 'outside-catchment', 'staff-record'] as const;
export type AlertRule = (typeof ALERT_RULES)[number];

/** What an alert shows the reviewer: audit row numbers and counts, never names or citizen IDs. */
export interface AlertFinding {
  rule: AlertRule;
  auditSeqs: number[];
  count: number;
  windowMinutes: number;
  /** outside-catchment: the DOPA codes of the patients' provinces, each once (a province is not a person). */
  provinces?: string[];
}

/**
 * The provinces a hospital's patients are expected from: those of its health region, or everywhere for a
 * national referral centre. Null when the hospital's own province is unknown: then nobody is "outside".
 */
export type Catchment = { nationwide: true } | { nationwide: false; provinces: ReadonlySet<string> };

/** The catchment of a hospital in this province (DOPA code): its health region's provinces, or nationwide. */
export function catchmentOf(hospitalProvince: string | null | undefined, nationwide: boolean): Catchment | null {
  if (nationwide) return { nationwide: true };
  const home = provinceByCode(hospitalProvince);
  return home ? { nationwide: false, provinces: new Set(provincesOfRegion(home.region)) } : null;
}

/** Whether a patient of this province is outside the catchment; an unknown province never is. */
export function isOutsideCatchment(province: string | null | undefined, catchment: Catchment | null): boolean {
  if (!province || catchment === null || catchment.nationwide) return false;
  return !catchment.provinces.has(province);
}

export type RecordOpenVerdict = { ok: true; reopen: boolean } | { ok: false; retryAt: Date };

/**
 * Whether the doctor may open this patient's record now, given their opens of the last hour (any order).
 * When not, the moment one of the counted patients leaves the window.
 */
export function recordOpenVerdict(recent: readonly RecordOpen[], patientCid: string, now: Date): RecordOpenVerdict {
  const latest = new Map<string, number>();
  for (const o of recent) {
    const t = o.at.getTime();
    if (now.getTime() - t >= RECORD_OPEN_WINDOW_MS) continue;
    latest.set(o.patientCid, Math.max(latest.get(o.patientCid) ?? 0, t));
  }
  if (latest.has(patientCid)) return { ok: true, reopen: true };
  if (latest.size < MAX_RECORD_OPENS_PER_DOCTOR_HOUR) return { ok: true, reopen: false };
  const times = [...latest.values()].sort((a, b) => a - b);
  return { ok: false, retryAt: new Date(times[latest.size - MAX_RECORD_OPENS_PER_DOCTOR_HOUR]! + RECORD_OPEN_WINDOW_MS) };
}

/** The first open of each distinct key (patient or access) among the events, oldest first. */
function firstOpens(events: readonly RecordOpen[], key: (o: RecordOpen) => string): RecordOpen[] {
  const first = new Map<string, RecordOpen>();
  for (const o of [...events].sort((a, b) => a.seq - b.seq)) if (!first.has(key(o))) first.set(key(o), o);
  return [...first.values()];
}

/** A rule's finding over the opens that make its evidence. */
function finding(rule: AlertRule, opens: readonly RecordOpen[], windowMs: number): AlertFinding {
  return { rule, auditSeqs: opens.map((o) => o.seq), count: opens.length, windowMinutes: windowMs / 60_000 };
}

/**
 * The alerts a doctor's record opens at one hospital call for. `reviewedAt` says when the privacy officer
 * last closed an alert of each rule for this doctor: only opens after it count, so a reviewed burst is not
 * raised again, while fresh evidence raises a new alert. `catchment` is the hospital's (null: not known, so
 * no open is outside it).
 */
export function findUnusualAccess(
  events: readonly RecordOpen[],
  now: Date,
  reviewedAt: Partial<Record<AlertRule, Date>> = {},
  catchment: Catchment | null = null,
): AlertFinding[] {
  const within = (windowMs: number, rule: AlertRule) =>
    events.filter((o) => now.getTime() - o.at.getTime() < windowMs && o.at.getTime() > (reviewedAt[rule]?.getTime() ?? -Infinity));
  const findings: AlertFinding[] = [];
  const patients = firstOpens(within(MANY_PATIENTS_ALERT.windowMs, 'many-patients'), (o) => o.patientCid);
  if (patients.length >= MANY_PATIENTS_ALERT.patients) findings.push(finding('many-patients', patients, MANY_PATIENTS_ALERT.windowMs));
  const emergencies = firstOpens(
    within(REPEATED_EMERGENCY_ALERT.windowMs, 'repeated-emergency').filter((o) => o.purpose === 'ETREAT'),
    (o) => o.accessRef ?? `seq-${o.seq}`,
  );
  if (emergencies.length >= REPEATED_EMERGENCY_ALERT.accesses)
    findings.push(finding('repeated-emergency', emergencies, REPEATED_EMERGENCY_ALERT.windowMs));
  const outside = firstOpens(
    within(OUTSIDE_CATCHMENT_ALERT.windowMs, 'outside-catchment').filter((o) => isOutsideCatchment(o.province, catchment)),
    (o) => o.patientCid,
  );
  if (outside.length >= OUTSIDE_CATCHMENT_ALERT.patients)
    findings.push({
      ...finding('outside-catchment', outside, OUTSIDE_CATCHMENT_ALERT.windowMs),
      provinces: [...new Set(outside.flatMap((o) => (o.province ? [o.province] : [])))].sort(),
    });
  return findings;
}

/**
 * The alert one record open of a patient on the hospital's staff list calls for: its own, with that open as
 * the evidence. Whether it is the doctor's own record is not known: the viewer holds no doctor's citizen ID.
 */
export function staffRecordFinding(open: Pick<RecordOpen, 'seq'>, onStaffList: boolean): AlertFinding | null {
  if (!onStaffList) return null;
  return { rule: 'staff-record', auditSeqs: [open.seq], count: 1, windowMinutes: STAFF_RECORD_ALERT.windowMs / 60_000 };
}
