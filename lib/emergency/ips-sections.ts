/**
 * What goes in each IPS section, read from the merged model: the items (a resource and its narrative line)
 * and, for a section with none, why. Every item is one hospital's record (or, for a dose or procedure that
 * several hospitals sent alike, that merged record with every hospital's codings). Pure.
 */
import { analyteName, conceptName, medicationName } from '../clinical/names';
import { formatResultValue } from '../clinical/result-format';
import type { AllergyFact, ClinicalFact, EmergencySummary, LabSeries, ObservationFact, TimelineModel } from '../clinical/types';
import { displayUnit } from '../clinical/unit-display';
import { sourceDay } from '../i18n/format';
import {
  absentConcept,
  allergyResource,
  conditionResource,
  flagResource,
  immunizationResource,
  medicationResource,
  observationResource,
  procedureResource,
  type EntryRefs,
  type Json,
} from './ips-entries';

export interface SectionItem {
  resource: Json;
  line: string;
  /** The hospitals the record came from (each gets a Provenance naming it). */
  hospitals: string[];
}
export interface SectionItems {
  items: SectionItem[];
  /** Used only when `items` is empty. */
  emptyReason: { code: string; display: string };
}

type Key = 'allergies' | 'medications' | 'problems' | 'immunizations' | 'results' | 'vitals' | 'procedures' | 'pastProblems' | 'alerts';

interface Context {
  model: TimelineModel;
  summary: EmergencySummary;
  factById: ReadonlyMap<string, ClinicalFact>;
  refs: EntryRefs;
  hospitalName: (code: string) => string;
}

const UNAVAILABLE = { code: 'unavailable', display: 'Unavailable' };
const NIL_KNOWN = { code: 'nilknown', display: 'Nil Known' };

/** The source's own calendar day (YYYY-MM-DD) for a narrative line; a partial date stays partial. */
function day(date: string | null | undefined): string {
  return date === null || date === undefined ? '' : ` (${sourceDay(date) ?? date})`;
}

function from(hospitals: readonly string[], name: (c: string) => string): string {
  return ` — ${hospitals.map(name).join(', ')}`;
}

function factsOf<K extends ClinicalFact['kind']>(ctx: Context, ids: readonly string[], kind: K): Extract<ClinicalFact, { kind: K }>[] {
  const out: Extract<ClinicalFact, { kind: K }>[] = [];
  for (const id of ids) {
    const f = ctx.factById.get(id);
    if (f?.kind === kind) out.push(f as Extract<ClinicalFact, { kind: K }>);
  }
  return out;
}

function observationsOf(ctx: Context, ids: readonly string[]): ObservationFact[] {
  const out: ObservationFact[] = [];
  for (const id of ids) {
    const f = ctx.factById.get(id);
    if (f?.kind === 'lab' || f?.kind === 'vital') out.push(f);
  }
  return out;
}

function allergyItem(ctx: Context, f: AllergyFact): SectionItem {
  const name = conceptName(f, 'en');
  const reactions = f.reactions.length > 0 ? ` (${f.reactions.join(', ')})` : '';
  return {
    resource: allergyResource(f, ctx.refs),
    line: `${name}${reactions}${from([f.hospitalCode], ctx.hospitalName)}`,
    hospitals: [f.hospitalCode],
  };
}

function allergies(ctx: Context): SectionItems {
  const ids = ctx.model.allergies.flatMap((a) => a.statements.map((s) => s.factId));
  const items = factsOf(ctx, ids, 'allergy').map((f) => allergyItem(ctx, f));
  if (items.length > 0) return { items, emptyReason: UNAVAILABLE };
  // A sealed allergy record exists but its content is not exported.
  if (ctx.summary.allergyStatus === 'allergies') return { items, emptyReason: { code: 'withheld', display: 'Information Withheld' } };
  const nka = [...ctx.factById.values()].filter((f): f is AllergyFact => f.kind === 'allergy' && f.noKnownAllergy);
  if (nka.length > 0) return { items: nka.map((f) => allergyItem(ctx, f)), emptyReason: NIL_KNOWN };
  const resource = {
    resourceType: 'AllergyIntolerance',
    // ait-1: a clinical status is required; "no information" is the current statement.
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
    code: absentConcept('no-allergy-info', 'No information about allergies'),
    patient: ctx.refs.subject,
  };
  return { items: [{ resource, line: 'No information about allergies', hospitals: [] }], emptyReason: UNAVAILABLE };
}

function medications(ctx: Context): SectionItems {
  const ids = ctx.model.medications
    .filter((m) => m.current && !m.sealed)
    .flatMap((m) => m.hospitals.filter((h) => h.current).map((h) => h.factId));
  const item = (f: Extract<ClinicalFact, { kind: 'medication' }>): SectionItem => ({
    resource: medicationResource(f, ctx.refs),
    line: `${medicationName(f, 'en')}${f.dose !== undefined ? `, ${f.dose}` : ''}${f.highRisk !== undefined ? ` [high-risk: ${f.highRisk}]` : ''}${day(f.date)}${from([f.hospitalCode], ctx.hospitalName)}`,
    hospitals: [f.hospitalCode],
  });
  const items = factsOf(ctx, ids, 'medication').map(item);
  if (items.length > 0) return { items, emptyReason: UNAVAILABLE };
  const none = factsOf(
    ctx,
    ctx.model.medicationStatements.map((s) => s.factId),
    'medication',
  );
  if (none.length > 0) return { items: none.map(item), emptyReason: NIL_KNOWN };
  const resource = {
    resourceType: 'MedicationStatement',
    status: 'unknown',
    medicationCodeableConcept: absentConcept('no-medication-info', 'No information about medications'),
    subject: ctx.refs.subject,
    _effectiveDateTime: { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'unknown' }] },
  };
  return { items: [{ resource, line: 'No information about medications', hospitals: [] }], emptyReason: UNAVAILABLE };
}

function conditionItems(ctx: Context, rows: TimelineModel['problems']): SectionItem[] {
  const ids = rows.flatMap((p) => p.hospitals.map((h) => `${h.hospitalCode}/Condition/${h.resourceId}`));
  return factsOf(ctx, ids, 'condition').map((f) => ({
    resource: conditionResource(f, ctx.refs),
    line: `${conceptName(f, 'en')}${f.onset !== undefined ? ` (onset ${sourceDay(f.onset) ?? f.onset})` : ''}${from([f.hospitalCode], ctx.hospitalName)}`,
    hospitals: [f.hospitalCode],
  }));
}

function problems(ctx: Context): SectionItems {
  const items = conditionItems(
    ctx,
    ctx.model.problems.map((p) => ({ ...p, hospitals: p.hospitals.filter((h) => h.status === 'active') })),
  );
  if (items.length > 0) return { items, emptyReason: UNAVAILABLE };
  const none = factsOf(
    ctx,
    ctx.model.problemStatements.map((s) => s.factId),
    'condition',
  );
  if (none.length > 0)
    return {
      items: none.map((f) => ({
        resource: conditionResource(f, ctx.refs),
        line: `${conceptName(f, 'en')}${from([f.hospitalCode], ctx.hospitalName)}`,
        hospitals: [f.hospitalCode],
      })),
      emptyReason: NIL_KNOWN,
    };
  const resource = {
    resourceType: 'Condition',
    code: absentConcept('no-problem-info', 'No information about problems'),
    subject: ctx.refs.subject,
  };
  return { items: [{ resource, line: 'No information about problems', hospitals: [] }], emptyReason: UNAVAILABLE };
}

/** The facts merged into one timeline entry (a dose or procedure several hospitals sent alike). */
function entryFacts<K extends 'immunization' | 'procedure'>(ctx: Context, entryId: string, kind: K): Extract<ClinicalFact, { kind: K }>[] {
  const entry = ctx.model.entries.find((e) => e.id === entryId);
  return entry === undefined
    ? []
    : factsOf(
        ctx,
        entry.sources.map((s) => s.id),
        kind,
      );
}

function immunizations(ctx: Context): SectionItems {
  const items: SectionItem[] = [];
  for (const i of ctx.model.immunizations) {
    const facts = entryFacts(ctx, i.entryId, 'immunization');
    if (facts.length === 0) continue;
    const notDone = i.status === 'not-done' ? ' [not given]' : '';
    items.push({
      resource: immunizationResource(facts, ctx.refs),
      line: `${i.display}${notDone}${day(i.date)}${from(i.hospitals, ctx.hospitalName)}`,
      hospitals: [...i.hospitals],
    });
  }
  return { items, emptyReason: UNAVAILABLE };
}

function procedures(ctx: Context): SectionItems {
  const items: SectionItem[] = [];
  for (const p of ctx.model.procedures) {
    const facts = entryFacts(ctx, p.entryId, 'procedure');
    if (facts.length === 0) continue;
    items.push({
      resource: procedureResource(facts, ctx.refs),
      line: `${p.display}${day(p.date)}${from(p.hospitals, ctx.hospitalName)}`,
      hospitals: [...p.hospitals],
    });
  }
  return { items, emptyReason: UNAVAILABLE };
}

/** The latest value of each analyte (each series kept apart by unit is its own analyte here). */
function latestResults(ctx: Context, series: readonly LabSeries[]): SectionItem[] {
  return observationsOf(
    ctx,
    series.map((s) => s.latest.factId),
  ).map((f) => ({
    resource: observationResource(f, ctx.refs),
    line: `${analyteName(f, 'en')}: ${f.value !== undefined ? `${formatResultValue(f.analyteKey, f.value, f.unit)} ${displayUnit(f.unit)}` : (f.valueText ?? '')}${day(f.date)}${from([f.hospitalCode], ctx.hospitalName)}`,
    hospitals: [f.hospitalCode],
  }));
}

function results(ctx: Context): SectionItems {
  // Coded results (blood group and the like) come newest first: the first of each concept is its latest.
  const seen = new Set<string>();
  const coded: string[] = [];
  for (const e of ctx.model.codedResults) {
    const f = e.fact;
    if (f === undefined || f.kind !== 'lab' || seen.has(f.conceptKey)) continue;
    seen.add(f.conceptKey);
    coded.push(f.id);
  }
  const items = latestResults(ctx, ctx.model.labs);
  for (const f of observationsOf(ctx, coded))
    items.push({
      resource: observationResource(f, ctx.refs),
      line: `${analyteName(f, 'en')}: ${f.valueText ?? ''}${day(f.date)}${from([f.hospitalCode], ctx.hospitalName)}`,
      hospitals: [f.hospitalCode],
    });
  return { items, emptyReason: UNAVAILABLE };
}

/** The hospitals' active alerts (FHIR Flag: infection control, DNR …), each as its hospital sent it. */
function alerts(ctx: Context): SectionItems {
  const items: SectionItem[] = [];
  for (const f of ctx.factById.values()) {
    if (f.kind !== 'flag' || f.status !== 'active') continue;
    const kinds = f.categories.length > 0 ? ` [${f.categories.join(', ')}]` : '';
    items.push({
      resource: flagResource(f, ctx.refs),
      line: `${f.display}${kinds}${day(f.date)}${from([f.hospitalCode], ctx.hospitalName)}`,
      hospitals: [f.hospitalCode],
    });
  }
  return { items, emptyReason: UNAVAILABLE };
}

/** Every section's items, from the merged model of the hospitals that answered. */
export function ipsSectionItems(ctx: Context): Record<Key, SectionItems> {
  return {
    allergies: allergies(ctx),
    medications: medications(ctx),
    problems: problems(ctx),
    immunizations: immunizations(ctx),
    results: results(ctx),
    vitals: { items: latestResults(ctx, ctx.model.vitals), emptyReason: UNAVAILABLE },
    procedures: procedures(ctx),
    pastProblems: { items: conditionItems(ctx, ctx.model.resolvedProblems), emptyReason: UNAVAILABLE },
    alerts: alerts(ctx),
  };
}
