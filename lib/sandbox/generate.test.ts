import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkCitizenId } from '../identity/citizen-id';
import { CID_NOT_IN_EXCHANGE, DEFAULT_SEED, DEMO_PATIENTS, HOSPITALS, findDemoPatient } from './demo-catalog';
import { generateDataset } from './generate';

const hash = (v: unknown): string => createHash('sha256').update(JSON.stringify(v)).digest('hex');
const data = generateDataset(DEFAULT_SEED);

describe('generateDataset', () => {
  it('is deterministic for a seed and differs for another', () => {
    expect(hash(generateDataset(DEFAULT_SEED))).toBe(hash(data));
    expect(hash(generateDataset(DEFAULT_SEED + 1))).not.toBe(hash(data));
  }, 60_000);

  it('has at least 200 patients, all with valid unique citizen IDs, and never the reserved not-found ID', () => {
    expect(data.patients.length).toBeGreaterThanOrEqual(200);
    for (const p of data.patients) expect(checkCitizenId(p.cid).ok).toBe(true);
    expect(new Set(data.patients.map((p) => p.cid)).size).toBe(data.patients.length);
    expect(data.patients.some((p) => p.cid === CID_NOT_IN_EXCHANGE)).toBe(false);
    for (const d of DEMO_PATIENTS) expect(checkCitizenId(d.cid).ok).toBe(true);
  });

  it('gives the stress patient at least 20,000 resources over all 12 hospitals', () => {
    const mine = data.resources.filter((r) => r.cid === findDemoPatient('stress').cid);
    expect(mine.length).toBeGreaterThanOrEqual(20_000);
    expect(new Set(mine.map((r) => r.hcode)).size).toBe(HOSPITALS.length);
  });

  it('keeps ids unique within each hospital and points every resource at its patient', () => {
    const seen = new Set<string>();
    for (const r of data.resources) {
      const key = `${r.hcode}/${r.resource.resourceType}/${r.resource.id ?? ''}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
    // A Binary (a document's attachment) names no patient: the store keeps it with its patient's cid.
    const sample = data.resources.filter((r, i) => i % 97 === 0 && r.resource.resourceType !== 'Binary');
    for (const r of sample) {
      const ref =
        'patient' in r.resource && r.resource.resourceType !== 'Consent'
          ? r.resource.patient
          : 'subject' in r.resource
            ? r.resource.subject
            : undefined;
      expect((ref as { identifier?: { value?: string } }).identifier?.value).toBe(r.cid);
    }
  });

  it('spreads patients over 1–8 hospitals, ages 0–95, and leaves a few without a phone', () => {
    const ages = data.patients.map((p) => 2026 - Number(p.birthDate.slice(0, 4)));
    expect(Math.min(...ages)).toBeLessThanOrEqual(1);
    expect(Math.max(...ages)).toBeLessThanOrEqual(96);
    expect(data.patients.filter((p) => !p.phone).length).toBeGreaterThan(1);
  });
});
