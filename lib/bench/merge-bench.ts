/**
 * Merge benchmark: is turning a patient's records into the merged timeline cheaper than merely parsing
 * the JSON they arrived in? Builds a deterministic 50,000-resource history across 12 hospitals and times,
 * in alternating rounds of the same run, (a) JSON.parse of every hospital's searchset and (b)
 * toClinicalFacts per hospital + mergeTimeline over all facts. Run: `npx tsx lib/bench/merge-bench.ts`.
 */
import { pathToFileURL } from 'node:url';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { toClinicalFacts } from '../clinical/facts';
import {
  allergy,
  condition,
  encounter,
  imagingReport,
  immunization,
  lab,
  medDispense,
  medRequest,
  medStatement,
  searchset,
  seededRandom,
} from '../clinical/fixtures';
import { mergeTimeline } from '../clinical/merge';
import { ANALYTES, CONDITIONS, DRUGS, IMAGING_STUDIES, SYSTEMS, VACCINES } from '../clinical/terminology';
import type { ClinicalFact } from '../clinical/types';

export interface MergeBenchOptions {
  resources: number;
  hospitals: number;
  rounds?: number;
}

export interface MergeBenchResult {
  parseMs: number;
  mergeMs: number;
  ratio: number;
  bytes: number;
  /** Process CPU time (all threads, GC helpers included): steadier than wall time on a shared machine. */
  parseCpuMs: number;
  mergeCpuMs: number;
  cpuRatio: number;
  facts: number;
  entries: number;
}

const DAY_MS = 86_400_000;
const START = Date.parse('2014-01-01T00:00:00+07:00');
const SPAN_DAYS = 3650;

function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)]!;
}

function isoAt(rnd: () => number): string {
  const t = START + Math.floor(rnd() * SPAN_DAYS) * DAY_MS + Math.floor(rnd() * 12 + 7) * 3_600_000;
  // Hospitals send local Thai time with its offset.
  return new Date(t + 7 * 3_600_000).toISOString().slice(0, 19) + '+07:00';
}

const LAB_UNITS: Record<string, { unit: string; lo: number; hi: number; alt?: { unit: string; factor: number } }> = {
  glucose: { unit: 'mg/dL', lo: 70, hi: 250, alt: { unit: 'mmol/L', factor: 1 / 18.016 } },
  hba1c: { unit: '%', lo: 5, hi: 11 },
  creatinine: { unit: 'mg/dL', lo: 0.6, hi: 3, alt: { unit: 'umol/L', factor: 88.42 } },
  egfr: { unit: 'mL/min/{1.73_m2}', lo: 20, hi: 110 },
  potassium: { unit: 'mmol/L', lo: 3, hi: 6 },
  sodium: { unit: 'mmol/L', lo: 128, hi: 148 },
  haemoglobin: { unit: 'g/dL', lo: 8, hi: 16, alt: { unit: 'g/L', factor: 10 } },
  inr: { unit: '{INR}', lo: 0.9, hi: 4 },
  troponin: { unit: 'ng/L', lo: 2, hi: 80 },
  ldl: { unit: 'mg/dL', lo: 60, hi: 200 },
  alt: { unit: 'U/L', lo: 10, hi: 90 },
  wbc: { unit: '10*3/uL', lo: 3, hi: 15 },
  platelets: { unit: '10*3/uL', lo: 100, hi: 450 },
  systolic: { unit: 'mm[Hg]', lo: 100, hi: 180 },
  diastolic: { unit: 'mm[Hg]', lo: 60, hi: 110 },
  'heart-rate': { unit: '/min', lo: 50, hi: 120 },
  temperature: { unit: 'Cel', lo: 36, hi: 39.5 },
  weight: { unit: 'kg', lo: 50, hi: 90 },
  spo2: { unit: '%', lo: 88, hi: 100 },
};

// The analytes this bench was calibrated on: the terminology grows, the bench's data stays comparable.
const BENCH_ANALYTES = ANALYTES.filter((a) => a.key in LAB_UNITS);

/** A deterministic, realistic long history: mostly observations, then medications, encounters, problems. */
export function buildBenchData(opts: { resources: number; hospitals: number }): { hospitalCode: string; resources: Resource[] }[] {
  const rnd = seededRandom(20240601);
  const hospitals = Array.from({ length: opts.hospitals }, (_, i) => ({
    hospitalCode: `1${String(i + 1).padStart(4, '0')}`,
    resources: [] as Resource[],
  }));
  for (let n = 0; n < opts.resources; n++) {
    const h = hospitals[n % hospitals.length]!;
    const id = `r${n}`;
    const roll = rnd();
    let r: Resource;
    if (roll < 0.7) {
      const a = pick(rnd, BENCH_ANALYTES);
      const u = LAB_UNITS[a.key]!;
      const useAlt = u.alt !== undefined && rnd() < 0.3;
      const v = u.lo + rnd() * (u.hi - u.lo);
      const value = Math.round((useAlt ? v * u.alt!.factor : v) * 10) / 10;
      const useTmlt = a.tmlt.length > 0 && rnd() < 0.4;
      r = lab(id, {
        system: useTmlt ? SYSTEMS.tmlt : SYSTEMS.loinc,
        code: useTmlt ? a.tmlt[0]! : a.loinc[0]!,
        text: a.en,
        value,
        unit: useAlt ? u.alt!.unit : u.unit,
        date: isoAt(rnd),
        low: useAlt ? undefined : u.lo + (u.hi - u.lo) * 0.2,
        high: useAlt ? undefined : u.lo + (u.hi - u.lo) * 0.7,
        category: a.category,
      });
    } else if (roll < 0.82) {
      const d = pick(rnd, DRUGS);
      const date = isoAt(rnd);
      const which = rnd();
      const status = rnd() < 0.7 ? 'active' : rnd() < 0.5 ? 'completed' : 'stopped';
      const base = { code: d.tmt[0]!, text: d.en, date, dose: d.dose, status };
      r =
        which < 0.4
          ? medRequest(id, base)
          : which < 0.7
            ? medStatement(id, { ...base, system: SYSTEMS.atc, code: d.atc[0]! })
            : medDispense(id, { ...base, status: 'completed', days: 30 });
    } else if (roll < 0.92) {
      r = encounter(id, {
        cls: rnd() < 0.8 ? 'AMB' : rnd() < 0.5 ? 'IMP' : 'EMER',
        start: isoAt(rnd),
        type: 'OPD visit',
        reason: 'Follow-up',
      });
    } else if (roll < 0.97) {
      const c = pick(rnd, CONDITIONS);
      const tm = rnd() < 0.5;
      r = condition(id, {
        system: tm ? SYSTEMS.icd10tm : SYSTEMS.icd10,
        code: tm ? c.icd10tm : c.icd10,
        text: c.en,
        onset: isoAt(rnd).slice(0, 10),
        status: c.chronic ? 'active' : 'resolved',
      });
    } else if (roll < 0.98) {
      r = allergy(id, {
        code: pick(rnd, ['764146007', '16403005', '227037002', '387406002']),
        criticality: rnd() < 0.5 ? 'high' : 'low',
        reactions: ['Rash'],
        date: isoAt(rnd).slice(0, 10),
      });
    } else if (roll < 0.99) {
      const s = pick(rnd, IMAGING_STUDIES);
      r = imagingReport(id, {
        loinc: s.loinc,
        text: s.en,
        date: isoAt(rnd),
        conclusion: 'No acute abnormality',
        reportText: 'Findings: unremarkable. ไม่พบความผิดปกติ',
      });
    } else {
      const v = pick(rnd, VACCINES);
      r = immunization(id, { cvx: v.cvx, text: v.en, date: isoAt(rnd).slice(0, 10) });
    }
    h.resources.push(r);
  }
  return hospitals;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function resourcesOf(bundle: Bundle): Resource[] {
  const out: Resource[] = [];
  for (const e of bundle.entry ?? []) if (e.resource !== undefined) out.push(e.resource);
  return out;
}

/** Times parse vs facts+merge over the same data in alternating rounds; returns medians. */
export function runMergeBench(opts: MergeBenchOptions = { resources: 50_000, hospitals: 12 }): MergeBenchResult {
  const rounds = opts.rounds ?? 9;
  const data = buildBenchData(opts);
  const payloads = data.map((h) => ({ hospitalCode: h.hospitalCode, json: JSON.stringify(searchset(h.resources)) }));
  const bytes = payloads.reduce((n, p) => n + Buffer.byteLength(p.json, 'utf8'), 0);
  const answered = payloads.map((p) => p.hospitalCode);
  // Merge input is the already-parsed objects, exactly what the validated exchange client hands over.
  const parsed = payloads.map((p) => ({ hospitalCode: p.hospitalCode, resources: resourcesOf(JSON.parse(p.json) as Bundle) }));
  const now = '2024-06-30T12:00:00+07:00';

  const parseTimes: number[] = [];
  const mergeTimes: number[] = [];
  const parseCpu: number[] = [];
  const mergeCpu: number[] = [];
  const cpuNow = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let sink = 0;
  let facts = 0;
  let entries = 0;
  const doParse = (): void => {
    const c0 = cpuNow();
    const t0 = performance.now();
    for (const p of payloads) sink += (JSON.parse(p.json) as Bundle).entry?.length ?? 0;
    parseTimes.push(performance.now() - t0);
    parseCpu.push(cpuNow() - c0);
  };
  const doMerge = (): void => {
    const c0 = cpuNow();
    const t0 = performance.now();
    const all: ClinicalFact[] = [];
    for (const h of parsed) for (const f of toClinicalFacts(h.resources, h.hospitalCode)) all.push(f);
    const model = mergeTimeline({ facts: all, answered, now });
    mergeTimes.push(performance.now() - t0);
    mergeCpu.push(cpuNow() - c0);
    facts = all.length;
    entries = model.entries.length;
  };
  // One warm-up of each so both sides are measured with optimised code.
  doParse();
  doMerge();
  parseTimes.length = 0;
  mergeTimes.length = 0;
  parseCpu.length = 0;
  mergeCpu.length = 0;
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      doParse();
      doMerge();
    } else {
      doMerge();
      doParse();
    }
  }
  if (sink < 0) console.log(sink);
  const parseMs = median(parseTimes);
  const mergeMs = median(mergeTimes);
  const parseCpuMs = median(parseCpu);
  const mergeCpuMs = median(mergeCpu);
  return { parseMs, mergeMs, ratio: mergeMs / parseMs, bytes, parseCpuMs, mergeCpuMs, cpuRatio: mergeCpuMs / parseCpuMs, facts, entries };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = runMergeBench({ resources: 50_000, hospitals: 12 });
  console.log(
    `resources: 50000 across 12 hospitals, ${(r.bytes / 1_048_576).toFixed(1)} MiB JSON, ${r.facts} facts → ${r.entries} timeline entries`,
  );
  console.log(`JSON.parse (median):           ${r.parseMs.toFixed(1)} ms`);
  console.log(`toClinicalFacts+merge (median): ${r.mergeMs.toFixed(1)} ms`);
  console.log(`ratio merge/parse: ${r.ratio.toFixed(2)} (goal ≤ 1.00) ${r.ratio <= 1 ? 'OK' : 'ABOVE GOAL'}`);
  console.log(
    `CPU time (median): parse ${r.parseCpuMs.toFixed(1)} ms, facts+merge ${r.mergeCpuMs.toFixed(1)} ms, ratio ${r.cpuRatio.toFixed(2)}`,
  );
}
