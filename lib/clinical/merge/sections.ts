/**
 * One walk over the groups, newest first: the timeline entries (sealed stubs placed by time) and the
 * groups of each section, still newest first, so no section sorts again.
 */
import type { StubList } from './dedupe';
import type { DocumentFact, DocumentItem, EncounterItem, ImagingItem, ImmunizationItem, ProcedureItem, TimelineEntry } from '../types';
import { newestFirst, stubEntry, stubFirst } from './entries';
import { PAUSE_EVERY, type GroupStore } from './groups';
import { byTimeDesc, cmpStr } from './order';

export interface Sections {
  entries: TimelineEntry[];
  allergyGroups: number[];
  medicationGroups: number[];
  conditionGroups: number[];
  resultGroups: number[];
  codedResults: TimelineEntry[];
  imaging: ImagingItem[];
  immunizations: ImmunizationItem[];
  procedures: ProcedureItem[];
  encounters: EncounterItem[];
  documents: DocumentItem[];
}

/** Sorts the groups newest first and deals each to its section; pauses like the rest of the merge. */
export function* sortIntoSections(groups: GroupStore, stubs: StubList): Generator<void, Sections, void> {
  // One sort, newest first; every section below walks this order instead of sorting again.
  const order = newestFirst(groups);
  sortStubs(stubs);
  yield;
  return yield* dealSections(groups, order, stubs);
}

/** Sealed stubs newest first, ties by id: the order they take among the entries. */
export function sortStubs(stubs: StubList): void {
  stubs.sort((a, b) => byTimeDesc(a.time, b.time) || cmpStr(a.stub.id, b.stub.id));
}

/**
 * Walks the groups in timeline order (newest first) with the sorted stubs and deals each to its section.
 * The walk itself is a plain function over runs of groups, paused between runs: V8 does not optimise a
 * loop inside a generator while it runs (no on-stack replacement there), and it ran twice as long.
 */
export function* dealSections(groups: GroupStore, order: Int32Array, stubs: StubList): Generator<void, Sections, void> {
  const s: Sections = {
    entries: [],
    allergyGroups: [],
    medicationGroups: [],
    conditionGroups: [],
    resultGroups: [],
    codedResults: [],
    imaging: [],
    immunizations: [],
    procedures: [],
    encounters: [],
    documents: [],
  };
  let si = 0;
  for (let from = 0; from < order.length; from += PAUSE_EVERY + 1) {
    if (from > 0) yield;
    si = dealRun(s, groups, order, from, Math.min(order.length, from + PAUSE_EVERY + 1), stubs, si);
  }
  while (si < stubs.length) s.entries.push(stubEntry(stubs[si]!.stub, stubs[si++]!.time));
  return s;
}

/** Deals order[from, to), placing the stubs that come before each group; returns the next stub's index. */
function dealRun(s: Sections, groups: GroupStore, order: Int32Array, from: number, to: number, stubs: StubList, si: number): number {
  for (let i = from; i < to; i++) {
    const g = order[i]!;
    const e = groups.entries[g]!;
    while (si < stubs.length && stubFirst(stubs[si]!, groups.sortTime[g]!, e.id))
      s.entries.push(stubEntry(stubs[si]!.stub, stubs[si++]!.time));
    s.entries.push(e);
    dealEntry(s, g, e);
  }
  return si;
}

/** Puts one group in its section: list sections get their item, compared sections the group index. */
function dealEntry(s: Sections, g: number, e: TimelineEntry): void {
  const f = e.fact!;
  switch (f.kind) {
    case 'lab':
    case 'vital':
      s.resultGroups.push(g);
      if (f.value === undefined && f.valueText !== undefined) s.codedResults.push(e);
      break;
    case 'medication':
      s.medicationGroups.push(g);
      break;
    case 'condition':
      s.conditionGroups.push(g);
      break;
    case 'allergy':
      s.allergyGroups.push(g);
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
      s.imaging.push(item);
      break;
    }
    case 'immunization': {
      const item: ImmunizationItem = {
        entryId: e.id,
        date: e.date,
        hospitals: e.hospitals,
        display: f.display,
        tetanus: f.tetanus,
        status: f.status,
      };
      if (f.vaccineKey !== undefined) item.vaccineKey = f.vaccineKey;
      s.immunizations.push(item);
      break;
    }
    case 'procedure':
      s.procedures.push({ entryId: e.id, date: e.date, hospitals: e.hospitals, display: f.display, status: f.status });
      break;
    case 'encounter': {
      const item: EncounterItem = { entryId: e.id, date: e.date, hospitals: e.hospitals, encounterClass: f.encounterClass };
      if (f.typeText !== undefined) item.typeText = f.typeText;
      if (f.reason !== undefined) item.reason = f.reason;
      if (f.period !== undefined) item.period = f.period;
      s.encounters.push(item);
      break;
    }
    case 'document':
      s.documents.push(documentItem(e, f));
      break;
    case 'lab-report':
    case 'flag':
      break;
  }
}

/** A document's row in the Documents tab: what it is and whether it can be opened, never its content. */
function documentItem(e: TimelineEntry, f: DocumentFact): DocumentItem {
  const item: DocumentItem = {
    entryId: e.id,
    factId: f.id,
    date: e.date,
    hospitals: e.hospitals,
    title: f.display,
    typeText: f.typeText,
    status: f.status,
    contentKind: f.contentKind,
    sectionTitles: (f.sections ?? []).map((s) => s.title),
  };
  if (f.authorOrganization !== undefined) item.authorOrganization = f.authorOrganization;
  if (f.contentType !== undefined) item.contentType = f.contentType;
  if (f.size !== undefined) item.size = f.size;
  if (f.problem !== undefined) item.problem = f.problem;
  return item;
}
