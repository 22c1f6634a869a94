/**
 * The IPS export validated offline against the IPS 2.0.0 profiles (lib/conformance/ips-validator.ts): the
 * HL7 examples first (proving the validator accepts what it should), a broken IPS (proving it refuses what
 * it should), then the export for every demo patient and for every example of the conformance corpus.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Resource } from '@medplum/fhirtypes';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { sealSensitiveFacts, toClinicalFacts } from '../clinical/facts';
import type { HospitalAnswer } from '../clinical/coverage';
import { CORPUS_DIR, loadCorpus } from './corpus';
import { loadIpsValidator, type IpsValidator } from './ips-validator';
import { DEMO_PATIENTS } from '../sandbox/demo-catalog';
import { generateDataset } from '../sandbox/generate';
import { buildIpsBundle, type IpsBundle } from '../emergency/ips';

let validator: IpsValidator;
beforeAll(async () => {
  validator = await loadIpsValidator();
}, 60_000);

const NOW = new Date('2026-11-22T03:00:00Z');
const answered = (hospitalCode: string): HospitalAnswer => ({ hospitalCode, state: 'answered', dropped: 0, sealed: {} });

function exportOf(byHospital: ReadonlyMap<string, readonly Resource[]>, patient = { nameEn: 'Test', birthDate: '1970-01-01' }): IpsBundle {
  let n = 0;
  const hospitals = [...byHospital.keys()];
  return buildIpsBundle({
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    now: NOW,
    patient: { cid: '3100400123456', nameTh: 'ทดสอบ', nameEn: patient.nameEn, gender: 'female', birthDate: patient.birthDate },
    author: { hospitalCode: '10661', name: 'Author Hospital' },
    facts: hospitals.flatMap((h) => sealSensitiveFacts(toClinicalFacts(byHospital.get(h) ?? [], h))),
    answers: hospitals.map(answered),
    hospitalName: (c) => `Hospital ${c}`,
  });
}

type Section = { code: { coding: { code: string }[] }; entry?: unknown[]; emptyReason?: unknown };
const sectionsOf = (b: IpsBundle) =>
  (b.entry[0]!.resource.section as Section[]).map((s) => `${s.code.coding[0]!.code}:${s.entry?.length ?? 0}`);

const examplesDir = path.join(CORPUS_DIR, 'ips-examples');
const examples = readdirSync(examplesDir).filter((n) => n.endsWith('.json'));

describe('the IPS validator', () => {
  it('finds the five HL7 IPS example Bundles', () => expect(examples).toHaveLength(5));

  it.each(examples)(
    'accepts the HL7 example %s',
    (file) => {
      expect(validator.validate(JSON.parse(readFileSync(path.join(examplesDir, file), 'utf8')))).toEqual([]);
    },
    60_000,
  );

  it('refuses a broken IPS: no allergy section, a statement without its patient, a dangling reference, a second Composition', () => {
    const good = JSON.parse(readFileSync(path.join(examplesDir, 'Bundle-bundle-minimal.json'), 'utf8')) as {
      entry: { fullUrl: string; resource: Record<string, unknown> }[];
    };
    const broken = structuredClone(good);
    const composition = broken.entry[0]!.resource as { section: { code: { coding: { code: string }[] } }[] };
    composition.section = composition.section.filter((s) => s.code.coding[0]!.code !== '48765-2');
    const statement = broken.entry.find((e) => e.resource.resourceType === 'MedicationStatement')!.resource;
    delete statement.subject;
    const allergy = broken.entry.find((e) => e.resource.resourceType === 'AllergyIntolerance')!.resource;
    allergy.patient = { reference: 'urn:uuid:00000000-0000-0000-0000-000000000000' };
    broken.entry.push({ fullUrl: 'urn:uuid:11111111-1111-4111-8111-111111111111', resource: { ...broken.entry[0]!.resource } });
    const messages = validator.validate(broken).map((i) => `${i.where}: ${i.message}`);
    expect(messages.some((m) => m.includes('sectionAllergies'))).toBe(true);
    expect(messages.some((m) => m.includes('MedicationStatement') && m.includes('Missing required property'))).toBe(true);
    expect(messages.some((m) => m.includes('resolves to no entry'))).toBe(true);
    expect(messages.some((m) => m.includes('bdl-ips-1'))).toBe(true);
  });
});

describe('the IPS export validates against the IPS profiles', () => {
  const dataset = generateDataset(42, '2026-11-22');

  it.each(DEMO_PATIENTS.map((p) => [p.story, p] as const))(
    'demo patient %s',
    (story, p) => {
      const byHospital = new Map<string, Resource[]>(p.sharesWith.map((h) => [h, []]));
      for (const r of dataset.resources) if (r.cid === p.cid) byHospital.get(r.hcode)?.push(r.resource);
      const bundle = exportOf(byHospital, { nameEn: p.givenEn, birthDate: p.birthDate });
      if (story === 'somsri') console.log(`IPS somsri: entries ${bundle.entry.length}, sections ${sectionsOf(bundle).join(' ')}`);
      expect(validator.validate(bundle)).toEqual([]);
    },
    60_000,
  );

  it.each([
    ['somsri', 'MRSA'],
    ['boonchai', 'resuscitat'],
  ] as const)("carries %s's alerts (FHIR Flag) in the Alerts section, each with its hospital as author", (story, text) => {
    const p = DEMO_PATIENTS.find((d) => d.story === story)!;
    const byHospital = new Map<string, Resource[]>(p.sharesWith.map((h) => [h, []]));
    for (const r of dataset.resources) if (r.cid === p.cid) byHospital.get(r.hcode)?.push(r.resource);
    const bundle = exportOf(byHospital);
    const alerts = (bundle.entry[0]!.resource.section as Section[]).find((s) => s.code.coding[0]!.code === '104605-1');
    const flags = ((alerts?.entry ?? []) as { reference: string }[]).map(
      (e) => bundle.entry.find((b) => b.fullUrl === e.reference)!.resource,
    );
    expect(flags.length).toBeGreaterThan(0);
    expect(flags.every((f) => f.resourceType === 'Flag' && (f.author as { reference?: string } | undefined)?.reference !== undefined)).toBe(
      true,
    );
    expect(JSON.stringify(flags)).toMatch(new RegExp(text, 'i'));
  });

  const corpus = loadCorpus() ?? [];
  it('finds the corpus', () => expect(corpus.length).toBeGreaterThanOrEqual(12));
  it.each(corpus.map((c) => [c.name, c] as const))(
    'built from the conformance example %s',
    (_name, example) => {
      const resources = example.bundle.entry.map((e) => e.resource as unknown as Resource);
      const bundle = exportOf(new Map([['11535', resources]]));
      expect(validator.validate(bundle)).toEqual([]);
    },
    60_000,
  );
});
