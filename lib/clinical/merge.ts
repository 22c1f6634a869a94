/**
 * Merges the facts of every hospital that has answered into one timeline model. Runs in the browser each
 * time another hospital answers (and on the server for print and the emergency view), so it is pure,
 * allocation-conscious and deterministic: the result never depends on the order facts arrive in.
 *
 * Duplicates (the same thing said the same way on the same day) collapse into one entry with its sources;
 * near matches that disagree are never merged, they are linked and flagged as a conflict instead.
 */
import { isStub } from './facts';
import { conceptName, medicationName, type NamedConcept } from './names';
import { buildSeries } from './lab-series';
import type {
  AllergyCoverage,
  AllergyFact,
  AllergyRow,
  AllergyStatement,
  ClinicalFact,
  Conflict,
  ConflictReason,
  CrossCheckFlag,
  EncounterItem,
  FactKind,
  ImagingItem,
  ImmunizationItem,
  MedicationFact,
  MedicationHospitalStatus,
  MedicationRow,
  MergeInput,
  ProblemHospital,
  ProblemRow,
  ProcedureItem,
  SealedFactStub,
  TimelineEntry,
  TimelineModel,
} from './types';
import { FACT_KINDS } from './types';

const DAY_MS = 86_400_000;
const THAI_OFFSET_MS = 7 * 3_600_000;
/** How far apart a "stopped" and an "active" record may be and still describe the same course. */
const COMPARABLE_PERIOD_MS = 180 * DAY_MS;
/** Supply assumed for a dispense that does not state daysSupply. */
const DEFAULT_SUPPLY_DAYS = 90;
const SEP = '\u0000';

// ---------------------------------------------------------------------------------------------------
// Dates

/** Epoch ms of an ISO date; a date without a time counts as Thai midnight. NaN when unparseable. */
export function timeOf(date: string | null): number {
  if (date === null) return Number.NaN;
  const fast = fastIsoTime(date);
  if (!Number.isNaN(fast)) return fast;
  const t = Date.parse(date);
  if (date.length <= 10) return t - THAI_OFFSET_MS;
  return t;
}

function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return Number.NaN;
    n = n * 10 + c;
  }
  return n;
}

/** Days since 1970-01-01 of a proleptic Gregorian date, by arithmetic (Date.UTC is a slow runtime call). */
function epochDay(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yearOfEra = yy - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * Parses the two shapes hospitals nearly always send ('YYYY-MM-DD', 'YYYY-MM-DDThh:mm:ss[.sss](Z|±hh:mm)')
 * without Date.parse, which dominated the merge profile; anything else returns NaN and falls back.
 */
function fastIsoTime(s: string): number {
  const len = s.length;
  if (len < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return Number.NaN;
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  if (Number.isNaN(y + mo + d) || mo < 1 || mo > 12 || d < 1 || d > 31) return Number.NaN;
  if (len === 10) return epochDay(y, mo, d) * DAY_MS - THAI_OFFSET_MS;
  if (len < 20 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return Number.NaN;
  const h = digits(s, 11, 2);
  const mi = digits(s, 14, 2);
  const sec = digits(s, 17, 2);
  if (Number.isNaN(h + mi + sec)) return Number.NaN;
  let i = 19;
  let ms = 0;
  if (s.charCodeAt(i) === 46) {
    i++;
    let scale = 100;
    while (i < len) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      ms += c * scale;
      scale /= 10;
      i++;
    }
    ms = Math.floor(ms);
  }
  const base = epochDay(y, mo, d) * DAY_MS + ((h * 60 + mi) * 60 + sec) * 1000 + ms;
  const z = s.charCodeAt(i);
  if (z === 90 && i === len - 1) return base;
  if ((z === 43 || z === 45) && i + 6 === len && s.charCodeAt(i + 3) === 58) {
    const oh = digits(s, i + 1, 2);
    const om = digits(s, i + 4, 2);
    if (Number.isNaN(oh + om)) return Number.NaN;
    const offset = (oh * 60 + om) * 60_000;
    return z === 43 ? base - offset : base + offset;
  }
  return Number.NaN;
}

/**
 * The calendar day the source recorded, in its own UTC offset (a visit at 23:45+01:00 on the 19th is on the
 * 19th, though Bangkok was already on the 20th). Z, or RFC 3339's -00:00, states no local clock: on the Thai
 * exchange such a value gets Bangkok's day (lib/i18n/format.ts formats dates by the same rule).
 */
export function dayOf(date: string | null, time: number): string | null {
  if (date === null) return null;
  if (date.length <= 10 || !hasNoZone(date) || Number.isNaN(time)) return date.slice(0, 10);
  return new Date(time + THAI_OFFSET_MS).toISOString().slice(0, 10);
}

function hasNoZone(date: string): boolean {
  return date.endsWith('Z') || date.endsWith('-00:00');
}

/** Newest first; undated last. */
function byTimeDesc(a: number, b: number): number {
  const an = Number.isNaN(a);
  const bn = Number.isNaN(b);
  if (an || bn) return an === bn ? 0 : an ? 1 : -1;
  return b - a;
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(cmpStr);
}

// ---------------------------------------------------------------------------------------------------
// Grouping

interface Prepared {
  fact: ClinicalFact;
  time: number;
  day: string | null;
}

/**
 * Everything known about the groups while merging. A group is an index: its entry (made once, when the
 * group's first fact arrives) and its member facts (the very array the entry exposes as `sources`) sit
 * in plain arrays, the rest in typed arrays, so a fact that starts a group costs one object, not four.
 */
class GroupStore {
  readonly entries: TimelineEntry[] = [];
  /** Member facts; sorted by id once grouping is complete, so the first is the representative. */
  readonly members: ClinicalFact[][] = [];
  /** Everything except the number that must match for two records to be one statement. */
  readonly sigStr: string[] = [];
  /** Numeric part of what was said (a result value), NaN when not numeric. */
  readonly sigNum: Float64Array;
  /** Time of the representative; -Infinity when undated, so a plain comparison sorts them last. */
  readonly sortTime: Float64Array;
  /** Next group of the same concept on the same day that said something different, or -1. */
  readonly next: Int32Array;

  constructor(capacity: number) {
    this.sigNum = new Float64Array(capacity);
    this.sortTime = new Float64Array(capacity);
    this.next = new Int32Array(capacity);
  }

  get size(): number {
    return this.entries.length;
  }

  add(entry: TimelineEntry, members: ClinicalFact[], sigNum: number, sigStr: string, time: number): number {
    const i = this.entries.length;
    this.entries.push(entry);
    this.members.push(members);
    this.sigStr.push(sigStr);
    this.sigNum[i] = sigNum;
    this.sortTime[i] = Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
    this.next[i] = -1;
    return i;
  }

  /** Results within 0.2 % are the same result: unit conversion rounding, not a different measurement. */
  sameSignature(i: number, sigNum: number, sigStr: string): boolean {
    if (this.sigStr[i] !== sigStr) return false;
    const a = this.sigNum[i]!;
    if (Number.isNaN(a) || Number.isNaN(sigNum)) return Number.isNaN(a) && Number.isNaN(sigNum);
    if (a === sigNum) return true;
    return Math.abs(a - sigNum) <= VALUE_TOLERANCE * Math.max(Math.abs(a), Math.abs(sigNum));
  }
}

const VALUE_TOLERANCE = 0.002;

/**
 * kind → concept → day → first group of that cluster (the others chained through `next`). Lookups use
 * the kind and concept strings the facts already share (hashes cached) and a numeric day, so no key
 * string is built per fact.
 */
class ClusterIndex {
  /** Heads of clusters holding more than one group: the only candidates for a conflict. */
  readonly multi: number[] = [];
  private readonly root = new Map<string, Map<string, Map<number | string, number>>>();

  private slotMap: Map<number | string, number> | undefined;
  private slotKey: number | string = '';
  private slotTail = -1;
  private slotHead = -1;

  constructor(private readonly groups: GroupStore) {}

  /** The group in this cluster that said the same thing, or -1 (then `insert` the new one). */
  find(kindKey: string, conceptKey: string, dayKey: number | string, sigNum: number, sigStr: string): number {
    let byConcept = this.root.get(kindKey);
    if (byConcept === undefined) {
      byConcept = new Map();
      this.root.set(kindKey, byConcept);
    }
    let byDay = byConcept.get(conceptKey);
    if (byDay === undefined) {
      byDay = new Map();
      byConcept.set(conceptKey, byDay);
    }
    const head = byDay.get(dayKey) ?? -1;
    this.slotMap = byDay;
    this.slotKey = dayKey;
    this.slotHead = head;
    this.slotTail = -1;
    const { next } = this.groups;
    for (let g = head; g !== -1; g = next[g]!) {
      if (this.groups.sameSignature(g, sigNum, sigStr)) return g;
      this.slotTail = g;
    }
    return -1;
  }

  /** Adds a group to the cluster of the last `find`. */
  insert(g: number): void {
    const tail = this.slotTail;
    if (tail === -1) {
      this.slotMap!.set(this.slotKey, g);
      return;
    }
    this.groups.next[tail] = g;
    if (tail === this.slotHead) this.multi.push(tail);
  }
}

function normaliseDose(dose: string | undefined): string {
  if (dose === undefined) return '';
  let out = '';
  let space = false;
  for (let i = 0; i < dose.length; i++) {
    const ch = dose[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\n') {
      space = out.length > 0;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ch;
  }
  return out.toLowerCase();
}

function isRefuted(f: AllergyFact): boolean {
  return f.verificationStatus === 'refuted';
}

/** The numeric part of what a record says (its result), NaN when it says no number. */
function signatureNumber(f: ClinicalFact): number {
  if (f.kind === 'lab' || f.kind === 'vital') return f.canonicalValue ?? f.value ?? Number.NaN;
  return Number.NaN;
}

/** What else must be equal for two same-day records of one concept to be the same statement. */
function signatureText(f: ClinicalFact): string {
  switch (f.kind) {
    case 'lab':
    case 'vital':
      if (f.canonicalValue !== undefined) return f.canonicalUnit ?? '';
      if (f.value !== undefined) return (f.unit ?? '') + SEP + (f.valueText ?? '');
      return (f.valueCode ?? '') + SEP + (f.valueText ?? '').toLowerCase();
    case 'medication':
      return f.status + SEP + normaliseDose(f.dose);
    case 'allergy':
      return (isRefuted(f) ? 'refuted' : 'asserted') + SEP + f.status;
    case 'condition':
    case 'lab-report':
    case 'imaging':
    case 'immunization':
    case 'procedure':
    case 'encounter':
      return f.status;
  }
}

/**
 * The day a record belongs to for duplicate detection: a Thai calendar day number when the date is at
 * least day-precise, else the partial date itself ('2024-05' is not the same as 1 May). Deliberately the
 * instant's day in Bangkok, not the source's own day (dayOf): two hospitals writing one instant in
 * different offsets must still fall on one day.
 */
function dayKeyOf(date: string | null, time: number): number | string {
  if (date === null) return '';
  if (date.length < 10 || Number.isNaN(time)) return date;
  return Math.floor((time + THAI_OFFSET_MS) / DAY_MS);
}

/** Thai calendar day text, shared between the entries of one day instead of sliced for each. */
class DayNames {
  private readonly names = new Map<number, string>();

  of(date: string | null, time: number, dayKey: number | string): string | null {
    if (typeof dayKey !== 'number') return dayOf(date, time);
    // The shared name is Bangkok's day; a source in another zone keeps its own (dayOf).
    if (date !== null && date.length > 10 && !hasNoZone(date) && !date.endsWith('+07:00')) return dayOf(date, time);
    let name = this.names.get(dayKey);
    if (name === undefined) {
      name = new Date(dayKey * DAY_MS).toISOString().slice(0, 10);
      this.names.set(dayKey, name);
    }
    return name;
  }
}

/** One shared, frozen `[code]` per hospital: most entries come from a single hospital. */
class SingleHospitals {
  private readonly lists = new Map<string, readonly string[]>();

  of(code: string): readonly string[] {
    let list = this.lists.get(code);
    if (list === undefined) {
      list = Object.freeze([code]);
      this.lists.set(code, list);
    }
    return list;
  }
}

function kindKeyOf(f: ClinicalFact): string {
  // Handing over a drug is not a statement about whether it is still taken.
  return f.kind === 'medication' && f.source === 'dispense' ? 'dispense' : f.kind;
}

function conflictReason(kind: FactKind, reps: ClinicalFact[]): ConflictReason {
  switch (kind) {
    case 'lab':
    case 'vital':
      return 'value';
    case 'medication': {
      const statuses = new Set(reps.map((f) => f.status));
      return statuses.size > 1 ? 'status' : 'dose';
    }
    case 'allergy': {
      const refuted = new Set(reps.map((f) => f.kind === 'allergy' && isRefuted(f)));
      return refuted.size > 1 ? 'verification' : 'status';
    }
    case 'condition':
    case 'lab-report':
    case 'imaging':
    case 'immunization':
    case 'procedure':
    case 'encounter':
      return 'status';
  }
}

function newEntry(f: ClinicalFact, day: string | null, hospitals: readonly string[], sources: ClinicalFact[]): TimelineEntry {
  return {
    id: f.id,
    kind: f.kind,
    date: f.date,
    day,
    sealed: f.sealed !== undefined,
    sealedLabels: f.sealed?.labels,
    fact: f,
    sources,
    hospitals,
    recordedAt: 1,
    conflictGroup: undefined,
    conflict: undefined,
  };
}

/** Points an entry at another representative of its group (the member with the smallest id). */
function representBy(e: TimelineEntry, f: ClinicalFact, day: string | null): void {
  e.id = f.id;
  e.date = f.date;
  e.day = day;
  e.sealed = f.sealed !== undefined;
  e.sealedLabels = f.sealed?.labels;
  e.fact = f;
}

function stubEntry(s: SealedFactStub, time: number): TimelineEntry {
  return {
    id: s.id,
    kind: s.kind,
    date: s.date,
    day: dayOf(s.date, time),
    sealed: true,
    sealedLabels: s.labels,
    sources: [{ id: s.id, hospitalCode: s.hospitalCode, resourceId: '' }],
    hospitals: [s.hospitalCode],
    recordedAt: 1,
  };
}

function byId(a: { id: string }, b: { id: string }): number {
  return cmpStr(a.id, b.id);
}

// ---------------------------------------------------------------------------------------------------
// The merge

/** A step of the merge that may pause (see mergeSteps). */
type Pause = Generator<void, void, void>;
/** Pause after every 512 records (a mask): a few milliseconds of work even on a slow phone. */
const PAUSE_EVERY = 511;

/** Groups the facts: duplicates collapse into one group, same-day disagreements are chained as a cluster. */
function* groupFacts(
  facts: MergeInput['facts'],
  groups: GroupStore,
  clusters: ClusterIndex,
  stubs: { stub: SealedFactStub; time: number }[],
  factHospitals: Set<string>,
): Pause {
  const days = new DayNames();
  const single = new SingleHospitals();
  let n = 0;
  for (const item of facts) {
    if ((++n & PAUSE_EVERY) === 0) yield;
    if (isStub(item)) {
      factHospitals.add(item.hospitalCode);
      stubs.push({ stub: item, time: timeOf(item.date) });
      continue;
    }
    factHospitals.add(item.hospitalCode);
    const factTime = timeOf(item.date);
    const dayKey = dayKeyOf(item.date, factTime);
    const sigNum = signatureNumber(item);
    const sigStr = signatureText(item);
    // A visit is an event at one hospital: two hospitals' same-day visits are two visits.
    const g =
      item.kind === 'encounter'
        ? clusters.find('encounter', item.hospitalCode, item.resourceId, sigNum, sigStr)
        : clusters.find(kindKeyOf(item), item.conceptKey, dayKey, sigNum, sigStr);
    if (g === -1) {
      const members = [item];
      const entry = newEntry(item, days.of(item.date, factTime, dayKey), single.of(item.hospitalCode), members);
      clusters.insert(groups.add(entry, members, sigNum, sigStr, factTime));
      continue;
    }
    const members = groups.members[g]!;
    // The same fact delivered twice (a hospital re-sent) is one record, not a second source.
    if (!members.some((m) => m.id === item.id)) members.push(item);
    const entry = groups.entries[g]!;
    // Copied, never pushed: single-hospital lists are shared.
    if (!entry.hospitals.includes(item.hospitalCode)) entry.hospitals = [...entry.hospitals, item.hospitalCode].sort(cmpStr);
  }
  // Settle the groups of several facts: sources by id, the smallest id represents the group.
  for (let g = 0; g < groups.size; g++) {
    if ((g & PAUSE_EVERY) === 0) yield;
    const members = groups.members[g]!;
    if (members.length === 1) continue;
    members.sort(byId);
    const entry = groups.entries[g]!;
    entry.recordedAt = members.length;
    const rep = members[0]!;
    if (rep !== entry.fact) {
      const time = timeOf(rep.date);
      representBy(entry, rep, dayOf(rep.date, time));
      groups.sortTime[g] = Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
    }
  }
}

/** Merges all answered hospitals' facts into one deterministic timeline model with duplicates collapsed and disagreements flagged. */
export function mergeTimeline(input: MergeInput): TimelineModel {
  const steps = mergeSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/**
 * The merge as a sequence of short steps: it pauses (yields) every few thousand records, so a caller on
 * a browser's main thread can let the page breathe between steps (see components/timeline). Running it
 * to the end is exactly `mergeTimeline`.
 */
export function* mergeSteps(input: MergeInput): Generator<void, TimelineModel, void> {
  const nowTime = Date.parse(input.now);
  const sealedCounts = {} as Record<FactKind, number>;
  for (const k of FACT_KINDS) sealedCounts[k] = 0;

  const groups = new GroupStore(input.facts.length);
  const clusters = new ClusterIndex(groups);
  const stubs: { stub: SealedFactStub; time: number }[] = [];
  const factHospitals = new Set<string>();
  yield* groupFacts(input.facts, groups, clusters, stubs, factHospitals);
  const allergyStubHospitals = new Set<string>();
  for (const { stub } of stubs) {
    sealedCounts[stub.kind]++;
    if (stub.kind === 'allergy') allergyStubHospitals.add(stub.hospitalCode);
  }

  flagNearConflicts(groups, clusters);
  yield;

  // One sort, newest first; every section below walks this order instead of sorting again.
  const order = newestFirst(groups);
  stubs.sort((a, b) => byTimeDesc(a.time, b.time) || cmpStr(a.stub.id, b.stub.id));
  const entries: TimelineEntry[] = [];
  // Each section builder gets only its kind, still newest first.
  const allergyGroups: number[] = [];
  const medicationGroups: number[] = [];
  const conditionGroups: number[] = [];
  const resultGroups: number[] = [];
  const codedResults: TimelineEntry[] = [];
  const imaging: ImagingItem[] = [];
  const immunizations: ImmunizationItem[] = [];
  const procedures: ProcedureItem[] = [];
  const encounters: EncounterItem[] = [];
  let si = 0;
  yield;
  for (let i = 0; i < order.length; i++) {
    if ((i & PAUSE_EVERY) === PAUSE_EVERY) yield;
    const g = order[i]!;
    const e = groups.entries[g]!;
    while (si < stubs.length && stubFirst(stubs[si]!, groups.sortTime[g]!, e.id))
      entries.push(stubEntry(stubs[si]!.stub, stubs[si++]!.time));
    entries.push(e);
    const f = e.fact!;
    switch (f.kind) {
      case 'lab':
      case 'vital':
        resultGroups.push(g);
        if (f.value === undefined && f.valueText !== undefined) codedResults.push(e);
        break;
      case 'medication':
        medicationGroups.push(g);
        break;
      case 'condition':
        conditionGroups.push(g);
        break;
      case 'allergy':
        allergyGroups.push(g);
        break;
      case 'imaging': {
        const item: ImagingItem = {
          entryId: e.id,
          date: e.date,
          hospitals: e.hospitals,
          display: f.display,
          hasReportText: f.reportText !== undefined && f.reportText !== '',
        };
        if (f.modality !== undefined) item.modality = f.modality;
        if (f.bodySite !== undefined) item.bodySite = f.bodySite;
        if (f.conclusion !== undefined) item.conclusion = f.conclusion;
        imaging.push(item);
        break;
      }
      case 'immunization': {
        const item: ImmunizationItem = { entryId: e.id, date: e.date, hospitals: e.hospitals, display: f.display, tetanus: f.tetanus };
        if (f.vaccineKey !== undefined) item.vaccineKey = f.vaccineKey;
        immunizations.push(item);
        break;
      }
      case 'procedure':
        procedures.push({ entryId: e.id, date: e.date, hospitals: e.hospitals, display: f.display, status: f.status });
        break;
      case 'encounter': {
        const item: EncounterItem = { entryId: e.id, date: e.date, hospitals: e.hospitals, encounterClass: f.encounterClass };
        if (f.typeText !== undefined) item.typeText = f.typeText;
        if (f.reason !== undefined) item.reason = f.reason;
        if (f.period !== undefined) item.period = f.period;
        encounters.push(item);
        break;
      }
      case 'lab-report':
        break;
    }
  }
  while (si < stubs.length) entries.push(stubEntry(stubs[si]!.stub, stubs[si++]!.time));
  const answered = sortedUnique([...input.answered, ...factHospitals]);

  const { allergies, allergyCoverage, allergyNkaConflict } = buildAllergies(groups, allergyGroups, answered, allergyStubHospitals);
  if (allergyNkaConflict !== undefined) {
    const conflict: Conflict = {
      reason: 'no-known-allergy',
      hospitals: sortedUnique([...allergyNkaConflict.nkaHospitals, ...allergyNkaConflict.allergyHospitals]),
    };
    for (const e of entries) {
      if (e.kind === 'allergy' && e.fact?.kind === 'allergy' && e.fact.noKnownAllergy && e.conflict === undefined) {
        e.conflict = conflict;
        e.conflictGroup = 'conflict:allergy:no-known-allergy';
      }
    }
  }

  yield;
  const medications = buildMedications(groups, medicationGroups, nowTime);
  const { problems, resolvedProblems } = buildProblems(groups, conditionGroups);
  yield;
  const { labs, vitals } = yield* buildSeries(groups.entries, resultGroups, PAUSE_EVERY);

  const model: TimelineModel = {
    now: input.now,
    answered,
    entries,
    allergies,
    allergyCoverage,
    medications,
    problems,
    resolvedProblems,
    labs,
    vitals,
    codedResults,
    imaging,
    immunizations,
    procedures,
    encounters,
    crossChecks: [],
    sealedCounts,
  };
  if (allergyNkaConflict !== undefined) model.allergyNkaConflict = allergyNkaConflict;

  const flags = checkAllergyMedication(model);
  model.crossChecks = flags;
  if (flags.length > 0) {
    const allergyByKey = new Map(allergies.map((a) => [a.conceptKey, a]));
    const medByKey = new Map(medications.map((m) => [m.key, m]));
    for (const flag of flags) {
      allergyByKey.get(flag.allergyKey)?.medicationConflicts.push(flag);
      medByKey.get(flag.medicationKey)?.allergyConflicts.push(flag);
    }
  }
  return model;
}

/** Same concept, same day, different statements from different hospitals: link and flag, never merge. */
function flagNearConflicts(groups: GroupStore, clusters: ClusterIndex): void {
  for (const head of clusters.multi) {
    const cluster: TimelineEntry[] = [];
    for (let g = head; g !== -1; g = groups.next[g]!) cluster.push(groups.entries[g]!);
    const all: string[] = [];
    for (const e of cluster) for (const h of e.hospitals) if (!all.includes(h)) all.push(h);
    // Two differing results from one hospital on one day are two measurements, not a disagreement.
    if (all.length < 2) continue;
    all.sort(cmpStr);
    const f = groups.entries[head]!.fact!;
    const conflict: Conflict = {
      reason: conflictReason(
        f.kind,
        cluster.map((e) => e.fact!),
      ),
      hospitals: all,
    };
    const conflictGroup = 'conflict:' + kindKeyOf(f) + ':' + f.conceptKey + ':' + (groups.entries[head]!.day ?? '');
    for (const e of cluster) {
      e.conflict = conflict;
      e.conflictGroup = conflictGroup;
    }
  }
}

const INDEX_BITS = 2 ** 20;
const SECONDS_BIAS = 2 ** 31;

/**
 * Group indices newest first, ties by id. Packs (second, index) into one double and sorts a Float64Array
 * natively, then orders each same-second run by time and id: a comparator sort over 50k groups was the
 * merge's largest single cost. The index never decides order, so input order cannot leak in.
 */
function newestFirst(groups: GroupStore): Int32Array {
  const n = groups.size;
  const { sortTime, entries } = groups;
  const exact = (a: number, b: number): number =>
    sortTime[a] === sortTime[b] ? cmpStr(entries[a]!.id, entries[b]!.id) : sortTime[b]! > sortTime[a]! ? 1 : -1;
  const order = new Int32Array(n);
  if (n >= INDEX_BITS) {
    for (let i = 0; i < n; i++) order[i] = i;
    return order.sort(exact);
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = sortTime[i]!;
    let sec = t === Number.NEGATIVE_INFINITY ? -SECONDS_BIAS : Math.floor(t / 1000);
    if (sec < -SECONDS_BIAS) sec = -SECONDS_BIAS;
    else if (sec >= SECONDS_BIAS) sec = SECONDS_BIAS - 1;
    keys[i] = (sec + SECONDS_BIAS) * INDEX_BITS + i;
  }
  keys.sort();
  let out = 0;
  let k = n - 1;
  while (k >= 0) {
    const bucket = Math.floor(keys[k]! / INDEX_BITS);
    let start = k;
    while (start > 0 && Math.floor(keys[start - 1]! / INDEX_BITS) === bucket) start--;
    if (start === k) {
      order[out++] = keys[k]! - bucket * INDEX_BITS;
    } else {
      const run = new Int32Array(k - start + 1);
      for (let j = start; j <= k; j++) run[j - start] = keys[j]! - bucket * INDEX_BITS;
      run.sort(exact);
      order.set(run, out);
      out += run.length;
    }
    k = start - 1;
  }
  return order;
}

/** Facts of some groups with their times, newest first: for the few sections that compare records. */
function preparedOf(groups: GroupStore, indices: number[], kind: FactKind): Prepared[] {
  const out: Prepared[] = [];
  for (const g of indices) {
    for (const f of groups.members[g]!) {
      if (f.kind !== kind) continue;
      out.push({ fact: f, time: timeOf(f.date), day: null });
    }
  }
  return out;
}

function stubFirst(s: { stub: SealedFactStub; time: number }, sortTime: number, id: string): boolean {
  const t = Number.isNaN(s.time) ? Number.NEGATIVE_INFINITY : s.time;
  return t === sortTime ? s.stub.id < id : t > sortTime;
}

// ---------------------------------------------------------------------------------------------------
// Allergies

const CRITICALITY_RANK = { low: 1, 'unable-to-assess': 2, high: 3 } as const;

function buildAllergies(
  groups: GroupStore,
  indices: number[],
  answered: string[],
  stubHospitals: Set<string>,
): {
  allergies: AllergyRow[];
  allergyCoverage: AllergyCoverage[];
  allergyNkaConflict?: { nkaHospitals: string[]; allergyHospitals: string[] };
} {
  const rows = new Map<string, AllergyRow>();
  // The display of a row must not depend on which hospital answered first: it follows the smallest id.
  const repIds = new Map<AllergyRow, string>();
  const nkaHospitals = new Set<string>();
  const recordedHospitals = new Set<string>(stubHospitals);
  const assertingHospitals = new Set<string>(stubHospitals);
  for (const g of indices) {
    for (const f of groups.members[g]!) {
      if (f.kind !== 'allergy') break;
      if (f.noKnownAllergy) {
        nkaHospitals.add(f.hospitalCode);
        continue;
      }
      recordedHospitals.add(f.hospitalCode);
      if (!isRefuted(f)) assertingHospitals.add(f.hospitalCode);
      let row = rows.get(f.conceptKey);
      if (row === undefined) {
        row = {
          conceptKey: f.conceptKey,
          display: f.display,
          drugKeys: [...f.drugKeys],
          statements: [],
          hospitals: [],
          refuted: true,
          conflicts: [],
          medicationConflicts: [],
        };
        if (f.nameTh !== undefined) row.nameTh = f.nameTh;
        if (f.nameEn !== undefined) row.nameEn = f.nameEn;
        rows.set(f.conceptKey, row);
        repIds.set(row, f.id);
      } else if (f.id < repIds.get(row)!) {
        repIds.set(row, f.id);
        row.display = f.display;
      }
      if (f.drugClass !== undefined) row.drugClass ??= f.drugClass;
      for (const d of f.drugKeys) if (!row.drugKeys.includes(d)) row.drugKeys.push(d);
      const st: AllergyStatement = {
        hospitalCode: f.hospitalCode,
        resourceId: f.resourceId,
        factId: f.id,
        date: f.date,
        reactions: f.reactions,
        verificationStatus: f.verificationStatus,
        clinicalStatus: f.status,
      };
      if (f.criticality !== undefined) st.criticality = f.criticality;
      if (f.severity !== undefined) st.severity = f.severity;
      row.statements.push(st);
      if (!isRefuted(f)) {
        row.refuted = false;
        if (
          f.criticality !== undefined &&
          (row.highestCriticality === undefined || CRITICALITY_RANK[f.criticality] > CRITICALITY_RANK[row.highestCriticality])
        ) {
          row.highestCriticality = f.criticality;
        }
      }
    }
  }

  let allergyNkaConflict: { nkaHospitals: string[]; allergyHospitals: string[] } | undefined;
  if (nkaHospitals.size > 0 && assertingHospitals.size > 0) {
    allergyNkaConflict = { nkaHospitals: sortedUnique(nkaHospitals), allergyHospitals: sortedUnique(assertingHospitals) };
  }

  const allergies = [...rows.values()];
  for (const row of allergies) {
    row.statements.sort(
      (a, b) => cmpStr(a.hospitalCode, b.hospitalCode) || byTimeDesc(timeOf(a.date), timeOf(b.date)) || cmpStr(a.factId, b.factId),
    );
    row.hospitals = sortedUnique(row.statements.map((s) => s.hospitalCode));
    row.drugKeys.sort(cmpStr);
    const refutedAt = row.statements.filter((s) => s.verificationStatus === 'refuted').map((s) => s.hospitalCode);
    const assertedAt = row.statements.filter((s) => s.verificationStatus !== 'refuted').map((s) => s.hospitalCode);
    if (refutedAt.length > 0 && assertedAt.length > 0)
      row.conflicts.push({ reason: 'verification', hospitals: sortedUnique([...refutedAt, ...assertedAt]) });
    if (allergyNkaConflict !== undefined && assertedAt.length > 0) {
      row.conflicts.push({ reason: 'no-known-allergy', hospitals: sortedUnique([...allergyNkaConflict.nkaHospitals, ...assertedAt]) });
    }
  }
  allergies.sort(
    (a, b) =>
      Number(a.refuted) - Number(b.refuted) ||
      (b.highestCriticality !== undefined ? CRITICALITY_RANK[b.highestCriticality] : 0) -
        (a.highestCriticality !== undefined ? CRITICALITY_RANK[a.highestCriticality] : 0) ||
      cmpStr(a.conceptKey, b.conceptKey),
  );

  const allergyCoverage: AllergyCoverage[] = answered.map((hospitalCode) => ({
    hospitalCode,
    state: recordedHospitals.has(hospitalCode)
      ? 'allergies-recorded'
      : nkaHospitals.has(hospitalCode)
        ? 'no-known-allergies'
        : 'nothing-recorded',
  }));
  return allergyNkaConflict !== undefined ? { allergies, allergyCoverage, allergyNkaConflict } : { allergies, allergyCoverage };
}

// ---------------------------------------------------------------------------------------------------
// Medications

interface MedAcc {
  facts: Prepared[];
}

function isCurrentRecord(p: Prepared, f: MedicationFact, nowTime: number): boolean {
  if (f.source === 'dispense') {
    if (f.status !== 'completed' && f.status !== 'in-progress') return false;
    if (Number.isNaN(p.time) || Number.isNaN(nowTime)) return false;
    return p.time + (f.daysSupply ?? DEFAULT_SUPPLY_DAYS) * DAY_MS >= nowTime;
  }
  if (f.status !== 'active') return false;
  const end = f.period?.end;
  if (end !== undefined && !Number.isNaN(nowTime)) {
    const endTime = timeOf(end);
    if (!Number.isNaN(endTime) && endTime + DAY_MS < nowTime) return false;
  }
  return true;
}

const ENDED = new Set(['stopped', 'completed', 'cancelled']);

function buildMedications(groups: GroupStore, indices: number[], nowTime: number): MedicationRow[] {
  const byKey = new Map<string, MedAcc>();
  for (const p of preparedOf(groups, indices, 'medication')) {
    let acc = byKey.get(p.fact.conceptKey);
    if (acc === undefined) {
      acc = { facts: [] };
      byKey.set(p.fact.conceptKey, acc);
    }
    acc.facts.push(p);
  }

  const rows: MedicationRow[] = [];
  const rowTimes = new Map<MedicationRow, number>();
  for (const [key, acc] of byKey) {
    // Latest first, then by id, so "the hospital's latest record" is independent of arrival order.
    acc.facts.sort((a, b) => byTimeDesc(a.time, b.time) || cmpStr(a.fact.id, b.fact.id));
    const perHospital = new Map<
      string,
      { latest: Prepared; latestOrder?: Prepared; previousOrder?: Prepared; count: number; dispensedCurrent: boolean; since: number }
    >();
    for (const p of acc.facts) {
      const f = p.fact as MedicationFact;
      let h = perHospital.get(f.hospitalCode);
      if (h === undefined) {
        h = { latest: p, count: 0, dispensedCurrent: false, since: Number.POSITIVE_INFINITY };
        perHospital.set(f.hospitalCode, h);
      }
      h.count++;
      // When this hospital's course began: its earliest record saying the drug is taken.
      if (f.status === 'active' || f.source === 'dispense') {
        const start = f.period?.start !== undefined ? timeOf(f.period.start) : p.time;
        if (!Number.isNaN(start) && start < h.since) h.since = start;
      }
      if (f.source === 'dispense') {
        if (isCurrentRecord(p, f, nowTime)) h.dispensedCurrent = true;
      } else if (h.latestOrder === undefined) h.latestOrder = p;
      else h.previousOrder ??= p;
    }
    const rep = acc.facts.reduce((best, p) => (p.fact.id < best.fact.id ? p : best)).fact as MedicationFact;
    const hospitals: MedicationHospitalStatus[] = [];
    const since = new Map<string, number>();
    const stoppedAt = new Map<string, number>();
    let rowSealed = false;
    for (const [hospitalCode, h] of perHospital) {
      const chosen = h.latestOrder ?? h.latest;
      const f = chosen.fact as MedicationFact;
      const current =
        (h.latestOrder !== undefined && isCurrentRecord(h.latestOrder, h.latestOrder.fact as MedicationFact, nowTime)) ||
        h.dispensedCurrent;
      const st: MedicationHospitalStatus = {
        hospitalCode,
        resourceId: f.resourceId,
        factId: f.id,
        source: f.source,
        status: f.status,
        current,
        date: f.date,
        recordCount: h.count,
      };
      if (f.dose !== undefined) st.dose = f.dose;
      if (f.statusReason !== undefined) st.statusReason = f.statusReason;
      if (f.indication !== undefined) st.indication = f.indication;
      // A dose change within one hospital is shown where its latest record is, so the change is not missed.
      const before = (h.previousOrder?.fact as MedicationFact | undefined)?.dose;
      if (h.latestOrder === chosen && before !== undefined && f.dose !== undefined && normaliseDose(before) !== normaliseDose(f.dose))
        st.previousDose = before;
      hospitals.push(st);
      since.set(hospitalCode, h.since);
      // A stopped course ends at its period end when stated, which may be well after the record was written.
      stoppedAt.set(hospitalCode, f.period?.end !== undefined ? timeOf(f.period.end) : chosen.time);
      if (f.sealed !== undefined) rowSealed = true;
    }
    hospitals.sort((a, b) => cmpStr(a.hospitalCode, b.hospitalCode));

    const conflicts: Conflict[] = [];
    // A hospital still dispensing the drug counts as taking it: that is what a stop elsewhere contradicts.
    const activeAt = hospitals.filter((h) => h.current);
    const endedAt = hospitals.filter((h) => !h.current && ENDED.has(h.status) && h.source !== 'dispense');
    const statusHospitals = new Set<string>();
    for (const a of activeAt) {
      const at = since.get(a.hospitalCode)!;
      for (const e of endedAt) {
        const et = stoppedAt.get(e.hospitalCode)!;
        // A stop long before another hospital began the drug is history (a restart), not disagreement.
        if (!Number.isFinite(at) || Number.isNaN(et) || et >= at - COMPARABLE_PERIOD_MS) {
          statusHospitals.add(a.hospitalCode);
          statusHospitals.add(e.hospitalCode);
        }
      }
    }
    if (statusHospitals.size > 0) conflicts.push({ reason: 'status', hospitals: sortedUnique(statusHospitals) });
    const doses = new Set<string>();
    const doseHospitals: string[] = [];
    for (const h of activeAt) {
      // Pharmacy labels restate the order in their own words: only orders and statements are compared.
      if (h.dose === undefined || h.source === 'dispense') continue;
      doses.add(normaliseDose(h.dose));
      doseHospitals.push(h.hospitalCode);
    }
    if (doses.size > 1) conflicts.push({ reason: 'dose', hospitals: sortedUnique(doseHospitals) });

    const latest = acc.facts[0]!;
    const row: MedicationRow = {
      key,
      display: rep.display,
      current: hospitals.some((h) => h.current),
      latestDate: latest.fact.date,
      hospitals,
      conflicts,
      allergyConflicts: [],
      sealed: rowSealed,
    };
    if (rep.nameTh !== undefined) row.nameTh = rep.nameTh;
    if (rep.nameEn !== undefined) row.nameEn = rep.nameEn;
    for (const p of acc.facts) {
      const f = p.fact as MedicationFact;
      if (row.drugClass === undefined && f.drugClass !== undefined) row.drugClass = f.drugClass;
      if (row.highRisk === undefined && f.highRisk !== undefined) row.highRisk = f.highRisk;
      if (row.atc === undefined && f.atc !== undefined) row.atc = f.atc;
    }
    rows.push(row);
    rowTimes.set(row, latest.time);
  }
  rows.sort((a, b) => Number(b.current) - Number(a.current) || byTimeDesc(rowTimes.get(a)!, rowTimes.get(b)!) || cmpStr(a.key, b.key));
  return rows;
}

// ---------------------------------------------------------------------------------------------------
// Problems

function buildProblems(groups: GroupStore, indices: number[]): { problems: ProblemRow[]; resolvedProblems: ProblemRow[] } {
  const byKey = new Map<string, Prepared[]>();
  for (const p of preparedOf(groups, indices, 'condition')) {
    if (p.fact.kind !== 'condition' || p.fact.verificationStatus === 'refuted') continue;
    const list = byKey.get(p.fact.conceptKey);
    if (list === undefined) byKey.set(p.fact.conceptKey, [p]);
    else list.push(p);
  }
  const problems: ProblemRow[] = [];
  const resolvedProblems: ProblemRow[] = [];
  const rowTimes = new Map<ProblemRow, number>();
  for (const [conceptKey, list] of byKey) {
    list.sort((a, b) => byTimeDesc(a.time, b.time) || cmpStr(a.fact.id, b.fact.id));
    const latestPerHospital = new Map<string, Prepared>();
    for (const p of list) if (!latestPerHospital.has(p.fact.hospitalCode)) latestPerHospital.set(p.fact.hospitalCode, p);
    const hospitals: ProblemHospital[] = [];
    let onset: string | undefined;
    let onsetTime = Number.POSITIVE_INFINITY;
    for (const p of list) {
      if (p.fact.kind !== 'condition' || p.fact.onset === undefined) continue;
      const t = timeOf(p.fact.onset);
      if (t < onsetTime) {
        onsetTime = t;
        onset = p.fact.onset;
      }
    }
    for (const [hospitalCode, p] of latestPerHospital) {
      const f = p.fact;
      const h: ProblemHospital = { hospitalCode, resourceId: f.resourceId, status: f.status, date: f.date };
      if (f.kind === 'condition' && f.onset !== undefined) h.onset = f.onset;
      hospitals.push(h);
    }
    hospitals.sort((a, b) => cmpStr(a.hospitalCode, b.hospitalCode));
    const rep = list.reduce((best, p) => (p.fact.id < best.fact.id ? p : best)).fact;
    const activeAt = hospitals.filter((h) => h.status === 'active').map((h) => h.hospitalCode);
    const endedAt = hospitals.filter((h) => h.status === 'resolved' || h.status === 'inactive').map((h) => h.hospitalCode);
    const row: ProblemRow = {
      conceptKey,
      display: rep.display,
      active: activeAt.length > 0,
      latestDate: list[0]!.fact.date,
      hospitals,
      conflicts:
        activeAt.length > 0 && endedAt.length > 0 ? [{ reason: 'status', hospitals: sortedUnique([...activeAt, ...endedAt]) }] : [],
    };
    if (rep.nameTh !== undefined) row.nameTh = rep.nameTh;
    if (rep.nameEn !== undefined) row.nameEn = rep.nameEn;
    if (rep.kind === 'condition') {
      const icd = rep.icd10 ?? rep.icd10tm;
      if (icd !== undefined) row.icd10 = icd;
      if (rep.chronic !== undefined) row.chronic = rep.chronic;
    }
    if (onset !== undefined) row.onset = onset;
    (row.active ? problems : resolvedProblems).push(row);
    rowTimes.set(row, list[0]!.time);
  }
  const order = (a: ProblemRow, b: ProblemRow): number =>
    byTimeDesc(rowTimes.get(a)!, rowTimes.get(b)!) || cmpStr(a.conceptKey, b.conceptKey);
  problems.sort(order);
  resolvedProblems.sort(order);
  return { problems, resolvedProblems };
}

// ---------------------------------------------------------------------------------------------------
// Cross-checks

/** Just the names of a row, so a flag carries no more of the row than it needs. */
function namedOf(row: NamedConcept): NamedConcept {
  const named: NamedConcept = { display: row.display };
  if (row.nameTh !== undefined) named.nameTh = row.nameTh;
  if (row.nameEn !== undefined) named.nameEn = row.nameEn;
  return named;
}

/**
 * Every current medication (at any hospital) that matches a recorded, not refuted, allergy (at any
 * hospital) by drug, substance or class; penicillin ↔ cephalosporin is a lower-level possible
 * cross-reactivity. Each flag names the hospitals on both sides, because they are usually different.
 */
export function checkAllergyMedication(model: Pick<TimelineModel, 'allergies' | 'medications'>): CrossCheckFlag[] {
  const flags: CrossCheckFlag[] = [];
  for (const allergy of model.allergies) {
    if (allergy.refuted) continue;
    const allergyHospitals = sortedUnique(allergy.statements.filter((s) => s.verificationStatus !== 'refuted').map((s) => s.hospitalCode));
    const allergyNamed = namedOf(allergy);
    const allergyName = conceptName(allergyNamed, 'en');
    for (const med of model.medications) {
      if (!med.current) continue;
      let matchBy: CrossCheckFlag['matchBy'] | undefined;
      if (allergy.drugKeys.includes(med.key)) matchBy = 'drug';
      else if (allergy.conceptKey === med.key) matchBy = 'substance';
      else if (allergy.drugClass !== undefined && allergy.drugClass !== 'other' && allergy.drugClass === med.drugClass) matchBy = 'class';
      else if (
        (allergy.drugClass === 'penicillin' && med.drugClass === 'cephalosporin') ||
        (allergy.drugClass === 'cephalosporin' && med.drugClass === 'penicillin')
      ) {
        matchBy = 'cross-reactivity';
      }
      if (matchBy === undefined) continue;
      const medicationHospitals = med.hospitals.filter((h) => h.current).map((h) => h.hospitalCode);
      const level = matchBy === 'cross-reactivity' ? 'possible-cross-reactivity' : 'allergy-match';
      const medNamed = namedOf(med);
      const medName = medicationName(medNamed, 'en');
      flags.push({
        id: `xc:${allergy.conceptKey}:${med.key}`,
        level,
        matchBy,
        allergyKey: allergy.conceptKey,
        allergyDisplay: allergyName,
        allergyHospitals,
        medicationKey: med.key,
        medicationDisplay: medName,
        medicationHospitals,
        allergy: allergyNamed,
        medication: medNamed,
        message:
          level === 'possible-cross-reactivity'
            ? `Possible cross-reactivity: ${medName} (current at ${medicationHospitals.join(', ')}) with ${allergyName} allergy recorded at ${allergyHospitals.join(', ')}`
            : `${medName} (current at ${medicationHospitals.join(', ')}) matches ${allergyName} allergy recorded at ${allergyHospitals.join(', ')}`,
      });
    }
  }
  flags.sort((a, b) => cmpStr(a.level, b.level) || cmpStr(a.id, b.id));
  return flags;
}
