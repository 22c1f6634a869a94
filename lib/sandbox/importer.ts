/**
 * Importing FHIR R4 Bundles (e.g. Synthea output) into one hospital for one index patient. Validation
 * is all-or-nothing per command: a file with any bad entry loads nothing, so a half-imported chart never
 * shows up in a demo.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Resource } from '@medplum/fhirtypes';
import { z } from 'zod';
import { checkCitizenId } from '../identity/citizen-id';
import { findHospital } from './demo-catalog';
import { findJsonErrorOffset, lineColumnAt } from './json-position';
import type { IndexPatient } from './model';
import type { SandboxStore } from './store';

const INDEX_PATIENT_REF = 'Patient/__index-patient__';

const bundleSchema = z
  .object({
    resourceType: z.literal('Bundle'),
    type: z.enum([
      'transaction',
      'batch',
      'collection',
      'searchset',
      'document',
      'message',
      'history',
      'transaction-response',
      'batch-response',
    ]),
    entry: z.array(z.unknown()).optional(),
  })
  .loose();

const entrySchema = z
  .object({
    fullUrl: z.string().optional(),
    resource: z.object({ resourceType: z.string().regex(/^[A-Z][A-Za-z]+$/), id: z.string().optional() }).loose(),
  })
  .loose();

export interface ImportedPatientInfo {
  givenEn?: string;
  familyEn?: string;
  gender?: IndexPatient['gender'];
  birthDate?: string;
}

/** What is persisted to SANDBOX_DATA_DIR/imports and replayed at every start. */
export interface ImportRecord {
  version: 1;
  hcode: string;
  cid: string;
  phone?: string;
  patient: ImportedPatientInfo;
  source: string;
  importedAt: string;
  resources: Resource[];
}

export type ImportParse = { ok: true; record: ImportRecord } | { ok: false; reason: string };

export const importTargetSchema = z.object({
  hcode: z.string().refine((h) => findHospital(h) !== undefined, 'unknown hospital code'),
  cid: z.string().refine((c) => checkCitizenId(c).ok, 'not a valid 13-digit citizen ID'),
  phone: z
    .string()
    .regex(/^0[689]\d{8}$/, 'phone must be a Thai mobile number like 0812345678')
    .optional(),
});

export type ImportTarget = z.infer<typeof importTargetSchema>;

/** Adds the line/column a person can find in an editor to JSON.parse's message. */
function describeJsonError(text: string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const offset = findJsonErrorOffset(text);
  if (offset === undefined) return message;
  const { line, column } = lineColumnAt(text, offset);
  return `line ${line} column ${column}: ${message}`;
}

function shortHash(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 12);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Rewrites every `reference` in a resource tree; `fn` returns the replacement Reference or undefined to keep it. */
function rewriteReferences(
  node: unknown,
  fn: (ref: string, holder: Record<string, unknown>) => Record<string, unknown> | undefined,
): unknown {
  if (Array.isArray(node)) return node.map((n) => rewriteReferences(n, fn));
  if (!isRecord(node)) return node;
  if (typeof node.reference === 'string') {
    const replaced = fn(node.reference, node);
    if (replaced) return replaced;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = k === 'contained' ? v : rewriteReferences(v, fn);
  return out;
}

function patientInfo(resource: Record<string, unknown>): ImportedPatientInfo {
  const info: ImportedPatientInfo = {};
  const names = Array.isArray(resource.name) ? resource.name.filter(isRecord) : [];
  const name = names.find((n) => n.use === 'official') ?? names[0];
  if (name) {
    const given = Array.isArray(name.given) ? name.given.filter((g): g is string => typeof g === 'string') : [];
    // Synthea appends digits to names to make them unique; they read badly in a demo.
    if (given.length > 0) info.givenEn = given.join(' ').replace(/\d+/g, '').trim();
    if (typeof name.family === 'string') info.familyEn = name.family.replace(/\d+/g, '').trim();
  }
  if (resource.gender === 'male' || resource.gender === 'female') info.gender = resource.gender;
  if (typeof resource.birthDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(resource.birthDate)) info.birthDate = resource.birthDate;
  return info;
}

/**
 * Validates and normalises one Bundle file's text. Patient references (`Patient/…` or the bundle
 * Patient's `urn:uuid:`) become a marker that is pointed at the index patient when loaded; other
 * `urn:uuid:` references become `Type/id`.
 */
export function parseImportBundle(text: string, source: string, target: ImportTarget, importedAt: string): ImportParse {
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (err) {
    return { ok: false, reason: `${source}: invalid JSON: ${describeJsonError(text, err)}` };
  }
  const bundle = bundleSchema.safeParse(json);
  if (!bundle.success)
    return {
      ok: false,
      reason: `${source}: not a FHIR R4 Bundle (${bundle.error.issues.map((i) => `${i.path.join('.') || 'root'}: ${i.message}`).join('; ')})`,
    };
  const entries: Array<{ fullUrl?: string; resource: Record<string, unknown> & { resourceType: string; id?: string } }> = [];
  for (const [index, raw] of (bundle.data.entry ?? []).entries()) {
    const entry = entrySchema.safeParse(raw);
    if (!entry.success)
      return {
        ok: false,
        reason: `${source}: entry ${index} has no valid resource with a resourceType (${entry.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`,
      };
    entries.push(entry.data);
  }
  const patientUrls = new Set<string>();
  const urnMap = new Map<string, string>();
  let info: ImportedPatientInfo = {};
  entries.forEach((e, index) => {
    const r = e.resource;
    if (!r.id) r.id = `imp-${shortHash(`${source}#${index}#${JSON.stringify(r)}`)}`;
    if (r.resourceType === 'Patient') {
      if (e.fullUrl) patientUrls.add(e.fullUrl);
      patientUrls.add(`Patient/${r.id}`);
      if (Object.keys(info).length === 0) info = patientInfo(r);
    } else if (e.fullUrl?.startsWith('urn:uuid:')) {
      urnMap.set(e.fullUrl, `${r.resourceType}/${r.id}`);
    }
  });
  const hospital = findHospital(target.hcode);
  if (!hospital) return { ok: false, reason: `unknown hospital ${target.hcode}` };
  const resources: Resource[] = [];
  for (const e of entries) {
    if (e.resource.resourceType === 'Patient') continue;
    const rewritten = rewriteReferences(e.resource, (ref, holder) => {
      if (patientUrls.has(ref) || ref.startsWith('Patient/')) {
        const out: Record<string, unknown> = {
          reference: INDEX_PATIENT_REF,
          identifier: { system: hospital.cidSystem, value: target.cid },
        };
        if (typeof holder.display === 'string') out.display = holder.display;
        return out;
      }
      const mapped = urnMap.get(ref);
      return mapped ? { ...holder, reference: mapped } : undefined;
    }) as Record<string, unknown>;
    const meta = isRecord(rewritten.meta) ? rewritten.meta : {};
    if (typeof meta.lastUpdated !== 'string') rewritten.meta = { ...meta, lastUpdated: importedAt };
    resources.push(rewritten as unknown as Resource);
  }
  const record: ImportRecord = {
    version: 1,
    hcode: target.hcode,
    cid: target.cid,
    patient: info,
    source: path.basename(source),
    importedAt,
    resources,
  };
  if (target.phone) record.phone = target.phone;
  return { ok: true, record };
}

export function importsDir(dataDir: string): string {
  return path.join(dataDir, 'imports');
}

export function saveImportRecord(dataDir: string, record: ImportRecord, sequence: number): string {
  const dir = importsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const stamp = record.importedAt.replace(/[^0-9]/g, '').slice(0, 17);
  const file = path.join(
    dir,
    `${stamp}-${String(sequence).padStart(3, '0')}-${record.hcode}-${shortHash(record.cid + record.source)}.json`,
  );
  writeFileSync(file, JSON.stringify(record));
  return file;
}

const recordSchema = z
  .object({
    version: z.literal(1),
    hcode: z.string(),
    cid: z.string(),
    phone: z.string().optional(),
    patient: z.object({}).loose(),
    source: z.string(),
    importedAt: z.string(),
    resources: z.array(z.object({ resourceType: z.string() }).loose()),
  })
  .loose();

/** Reads every persisted import in the order it was made; unreadable files are reported and skipped. */
export function loadImportRecords(dataDir: string, warn: (msg: string) => void = console.warn): ImportRecord[] {
  let names: string[];
  try {
    names = readdirSync(importsDir(dataDir))
      .filter((n) => n.endsWith('.json'))
      .sort();
  } catch {
    return [];
  }
  const out: ImportRecord[] = [];
  for (const name of names) {
    try {
      const parsed = recordSchema.safeParse(JSON.parse(readFileSync(path.join(importsDir(dataDir), name), 'utf8')));
      if (parsed.success) out.push(parsed.data as unknown as ImportRecord);
      else warn(`sandbox: skipping unreadable import ${name}`);
    } catch {
      warn(`sandbox: skipping unreadable import ${name}`);
    }
  }
  return out;
}

function fallbackPhone(cid: string): string {
  const digits = createHash('sha256').update(`phone:${cid}`).digest().readUInt32BE(0) % 100_000_000;
  return `09${String(digits).padStart(8, '0')}`;
}

/** Adds an import to the store: creates or updates the index patient and marks the hospital as shared. */
export function applyImportRecord(store: SandboxStore, record: ImportRecord): void {
  const hospital = findHospital(record.hcode);
  if (!hospital) return;
  let patient = store.patients.get(record.cid);
  if (!patient) {
    const en = { given: record.patient.givenEn ?? 'Imported', family: record.patient.familyEn ?? 'Patient' };
    const thai = /[\u0E00-\u0E7F]/.test(`${en.given}${en.family}`);
    patient = {
      cid: record.cid,
      prefixTh: '',
      givenTh: en.given,
      familyTh: en.family,
      givenEn: en.given,
      familyEn: en.family,
      gender: record.patient.gender ?? 'unknown',
      birthDate: record.patient.birthDate ?? '1980-01-01',
      phone: record.phone ?? fallbackPhone(record.cid),
      language: thai ? 'th' : 'en',
      sharesWith: [],
      localIds: {},
    };
    store.upsertPatient(patient);
  } else if (record.phone) {
    patient.phone = record.phone;
  }
  if (!patient.sharesWith.includes(record.hcode)) patient.sharesWith.push(record.hcode);
  const localId = (patient.localIds[record.hcode] ??= `IMP${shortHash(`${record.hcode}:${record.cid}`).slice(0, 8).toUpperCase()}`);
  for (const r of record.resources) {
    const resource = rewriteReferences(r, (ref, holder) =>
      ref === INDEX_PATIENT_REF ? { ...holder, reference: `Patient/${localId}` } : undefined,
    ) as Resource;
    store.upsertResource({ hcode: record.hcode, cid: record.cid, resource });
  }
}
