/**
 * The in-memory exchange: patient index plus per-hospital records, indexed by (hcode, cid, type) so a
 * search for the 20,000-resource patient is a map lookup and an array slice, not a scan.
 */
import type {
  AllergyIntolerance,
  Binary,
  Composition,
  DocumentReference,
  Condition,
  DiagnosticReport,
  Encounter,
  Flag,
  Immunization,
  Medication,
  MedicationDispense,
  MedicationRequest,
  MedicationStatement,
  Observation,
  Procedure,
  Resource,
} from '@medplum/fhirtypes';
import { markImmutable } from './json-text';
import { isServedType, type Dataset, type IndexPatient, type ServedType, type StoredResource } from './model';

type TypeIndex = Map<ServedType, Resource[]>;

/** Aliases so `category=LAB` and `category=laboratory` select the same reports. */
const CATEGORY_ALIASES: Record<string, string> = { lab: 'laboratory', rad: 'imaging', radiology: 'imaging' };

function normaliseCategory(code: string): string {
  const lower = code.toLowerCase();
  return CATEGORY_ALIASES[lower] ?? lower;
}

function categoriesOf(resource: Resource): string[] {
  if (resource.resourceType !== 'Observation' && resource.resourceType !== 'DiagnosticReport' && resource.resourceType !== 'Condition')
    return [];
  const codes: string[] = [];
  for (const cat of resource.category ?? []) for (const c of cat.coding ?? []) if (c.code) codes.push(normaliseCategory(c.code));
  return codes;
}

/** The date a clinician would sort by; falls back to lastUpdated for shapes we did not generate. */
type ServedResource =
  | AllergyIntolerance
  | MedicationStatement
  | MedicationRequest
  | MedicationDispense
  | Condition
  | Observation
  | DiagnosticReport
  | Immunization
  | Procedure
  | Encounter
  | DocumentReference
  | Composition
  | Flag;

export function clinicalDate(resource: Resource): string {
  const r = resource as ServedResource;
  switch (r.resourceType) {
    case 'Observation':
    case 'DiagnosticReport':
      return r.effectiveDateTime ?? r.effectivePeriod?.start ?? r.issued ?? r.meta?.lastUpdated ?? '';
    case 'Condition':
      return r.onsetDateTime ?? r.recordedDate ?? r.meta?.lastUpdated ?? '';
    case 'MedicationStatement':
      return r.effectivePeriod?.start ?? r.effectiveDateTime ?? r.dateAsserted ?? r.meta?.lastUpdated ?? '';
    case 'MedicationRequest':
      return r.authoredOn ?? r.meta?.lastUpdated ?? '';
    case 'MedicationDispense':
      return r.whenHandedOver ?? r.whenPrepared ?? r.meta?.lastUpdated ?? '';
    case 'AllergyIntolerance':
      return r.recordedDate ?? r.onsetDateTime ?? r.meta?.lastUpdated ?? '';
    case 'Immunization':
      return r.occurrenceDateTime ?? r.recorded ?? r.meta?.lastUpdated ?? '';
    case 'Procedure':
      return r.performedDateTime ?? r.performedPeriod?.start ?? r.meta?.lastUpdated ?? '';
    case 'Encounter':
    case 'Flag':
      return r.period?.start ?? r.meta?.lastUpdated ?? '';
    case 'DocumentReference':
      return r.date ?? r.context?.period?.start ?? r.meta?.lastUpdated ?? '';
    case 'Composition':
      return r.date;
  }
}

export class SandboxStore {
  readonly patients = new Map<string, IndexPatient>();
  private readonly passports = new Map<string, string>();
  private readonly records = new Map<string, Map<string, TypeIndex>>();
  /** Medications a hospital's records point at (`Medication/<id>`), by `hcode|cid|id`: never searched, only included. */
  private readonly medications = new Map<string, Medication>();
  /** Attachments' bytes, by `hcode|id` (served at `/hospitals/<hcode>/fhir/Binary/<id>`, never searched). */
  private readonly binaries = new Map<string, { cid: string; binary: Binary }>();
  private sorted = true;
  /**
   * Each list's records by requested category, so the windows of one search do not filter it again. Keyed
   * by the list itself: finalise() makes new lists after any change, and search() always finalises first.
   */
  private readonly byCategory = new WeakMap<Resource[], Map<string, Resource[]>>();

  /** Builds a store over a dataset; patients are copied because imports modify them. */
  static fromDataset(dataset: Dataset): SandboxStore {
    const store = new SandboxStore();
    for (const p of dataset.patients) store.upsertPatient(structuredClone(p));
    for (const r of dataset.resources) store.addResource(r);
    store.finalise();
    return store;
  }

  upsertPatient(p: IndexPatient): void {
    this.patients.set(p.cid, p);
    if (p.passport) this.passports.set(p.passport.toUpperCase(), p.cid);
  }

  cidForPassport(passport: string): string | undefined {
    return this.passports.get(passport.toUpperCase());
  }

  addResource(stored: StoredResource): void {
    const type = stored.resource.resourceType;
    // Stored records are replaced, never changed in place: their JSON text is kept (json-text.ts).
    markImmutable(stored.resource);
    if (stored.resource.resourceType === 'Medication') {
      if (stored.resource.id) this.medications.set(`${stored.hcode}|${stored.cid}|${stored.resource.id}`, stored.resource);
      return;
    }
    if (stored.resource.resourceType === 'Binary') {
      if (stored.resource.id) this.binaries.set(`${stored.hcode}|${stored.resource.id}`, { cid: stored.cid, binary: stored.resource });
      return;
    }
    if (!isServedType(type)) return;
    let byCid = this.records.get(stored.hcode);
    if (!byCid) {
      byCid = new Map();
      this.records.set(stored.hcode, byCid);
    }
    let byType = byCid.get(stored.cid);
    if (!byType) {
      byType = new Map();
      byCid.set(stored.cid, byType);
    }
    const list = byType.get(type);
    if (list) list.push(stored.resource);
    else byType.set(type, [stored.resource]);
    this.sorted = false;
  }

  /** Replaces a resource with the same type and id for that patient (re-importing a file is idempotent). */
  upsertResource(stored: StoredResource): void {
    const list = this.records
      .get(stored.hcode)
      ?.get(stored.cid)
      ?.get(stored.resource.resourceType as ServedType);
    if (list && stored.resource.id) {
      const at = list.findIndex((r) => r.id === stored.resource.id);
      if (at >= 0) {
        markImmutable(stored.resource);
        list[at] = stored.resource;
        this.sorted = false;
        return;
      }
    }
    this.addResource(stored);
  }

  /** Newest first, then by id, so paging is stable across requests. */
  finalise(): void {
    if (this.sorted) return;
    for (const byCid of this.records.values()) {
      for (const byType of byCid.values()) {
        for (const [type, list] of byType) {
          const keyed = list.map((r) => ({ r, d: clinicalDate(r) }));
          keyed.sort((a, b) => (a.d < b.d ? 1 : a.d > b.d ? -1 : (a.r.id ?? '') < (b.r.id ?? '') ? -1 : 1));
          byType.set(
            type,
            keyed.map((k) => k.r),
          );
        }
      }
    }
    this.sorted = true;
  }

  search(hcode: string, cid: string, type: ServedType, category?: string): Resource[] {
    this.finalise();
    const list = this.records.get(hcode)?.get(cid)?.get(type) ?? [];
    if (!category) return list;
    let cached = this.byCategory.get(list);
    if (cached === undefined) this.byCategory.set(list, (cached = new Map<string, Resource[]>()));
    let found = cached.get(category);
    if (found === undefined) {
      const wanted = new Set(category.split(',').map((c) => normaliseCategory(c.includes('|') ? (c.split('|')[1] ?? '') : c)));
      found = list.filter((r) => categoriesOf(r).some((c) => wanted.has(c)));
      cached.set(category, found);
    }
    return found;
  }

  /** The Medication with this id among one patient's records at one hospital (for `_include=…:medication`). */
  medication(hcode: string, cid: string, id: string): Medication | undefined {
    return this.medications.get(`${hcode}|${cid}|${id}`);
  }

  /** A Binary held by a hospital, with the patient it belongs to. */
  binary(hcode: string, id: string): { cid: string; binary: Binary } | undefined {
    return this.binaries.get(`${hcode}|${id}`);
  }

  /** Every (hcode, type) list for one patient, e.g. for counting the stress patient's volume. */
  countForPatient(cid: string): number {
    let n = 0;
    for (const byCid of this.records.values()) for (const list of byCid.get(cid)?.values() ?? []) n += list.length;
    return n;
  }

  hasRecordsAt(hcode: string, cid: string): boolean {
    return this.records.get(hcode)?.has(cid) ?? false;
  }
}
