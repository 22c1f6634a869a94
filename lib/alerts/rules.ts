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
/** How far back the alert rules look (the longest window above). */
export const ALERT_LOOKBACK_MS = Math.max(MANY_PATIENTS_ALERT.windowMs, REPEATED_EMERGENCY_ALERT.windowMs);

export const ALERT_RULES = ['many-patients', 'repeated-emergency'] as const;
export type AlertRule = (typeof ALERT_RULES)[number];

/** What an alert shows the reviewer: audit row numbers and counts, never names or citizen IDs. */
export interface AlertFinding {
  rule: AlertRule;
  auditSeqs: number[];
  count: number;
  windowMinutes: number;
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

/**
 * The alerts a doctor's record opens at one hospital call for. `reviewedAt` says when the privacy officer
 * last closed an alert of each rule for this doctor: only opens after it count, so a reviewed burst is not
 * raised again, while fresh evidence raises a new alert.
 */
export function findUnusualAccess(
  events: readonly RecordOpen[],
  now: Date,
  reviewedAt: Partial<Record<AlertRule, Date>> = {},
): AlertFinding[] {
  const within = (windowMs: number, rule: AlertRule) =>
    events.filter((o) => now.getTime() - o.at.getTime() < windowMs && o.at.getTime() > (reviewedAt[rule]?.getTime() ?? -Infinity));
  const findings: AlertFinding[] = [];
  const patients = firstOpens(within(MANY_PATIENTS_ALERT.windowMs, 'many-patients'), (o) => o.patientCid);
  if (patients.length >= MANY_PATIENTS_ALERT.patients)
    findings.push({
      rule: 'many-patients',
      auditSeqs: patients.map((o) => o.seq),
      count: patients.length,
      windowMinutes: MANY_PATIENTS_ALERT.windowMs / 60_000,
    });
  const emergencies = firstOpens(
    within(REPEATED_EMERGENCY_ALERT.windowMs, 'repeated-emergency').filter((o) => o.purpose === 'ETREAT'),
    (o) => o.accessRef ?? `seq-${o.seq}`,
  );
  if (emergencies.length >= REPEATED_EMERGENCY_ALERT.accesses)
    findings.push({
      rule: 'repeated-emergency',
      auditSeqs: emergencies.map((o) => o.seq),
      count: emergencies.length,
      windowMinutes: REPEATED_EMERGENCY_ALERT.windowMs / 60_000,
    });
  return findings;
}
