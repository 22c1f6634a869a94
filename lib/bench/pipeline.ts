/**
 * Timeline pipeline benchmark: 12 hospitals at fixed, known latencies (sandbox faults). For each round,
 * every hospital is fetched in parallel through the real exchange client over HTTP, mapped to facts and
 * added to the merge kept between answers as it arrives (what the browser does, createMerger); we record when the first hospital's entries are merged
 * and when the last one is. Ratios: complete ÷ slowest latency (goal ≤ 1.10), first ÷ fastest (goal ≤ 1.5).
 * Excludes the browser's rendering and the app's HTTP hop; the load benchmark covers those.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { toClinicalFacts } from '../clinical/facts';
import { createMerger } from '../clinical/merge';
import { createExchangeClient } from '../exchange/client';
import { exchangeContextFor } from '../exchange/request-context';
import { withCitizenIdCheckDigit } from '../identity/citizen-id';
import { HOSPITALS } from '../sandbox/demo-catalog';
import { startSandbox } from '../sandbox/server';
import { buildBenchData } from './merge-bench';

export interface PipelineResult {
  hospitals: number;
  resourcesPerHospital: number;
  latenciesMs: number[];
  firstMs: number;
  completeMs: number;
  firstRatio: number;
  completeRatio: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function runSteps<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

export async function runPipelineBench(opts = { rounds: 5, resourcesPerHospital: 150 }): Promise<PipelineResult> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hl-bench-'));
  const tokens = {
    exchange: 'bench-exchange-token',
    council: 'bench-council-token',
    sms: 'bench-sms-token',
    control: 'bench-control-token',
  };
  const sandbox = await startSandbox({ port: 0, dataDir, latency: 'none', tokens, log: () => undefined });
  try {
    const cid = withCitizenIdCheckDigit('555000000001');
    const hospitals = HOSPITALS.map((h) => h.hcode);
    const data = buildBenchData({ resources: opts.resourcesPerHospital * hospitals.length, hospitals: hospitals.length });
    for (const [i, hcode] of hospitals.entries()) {
      const bundle = { resourceType: 'Bundle', type: 'collection', entry: data[i]!.resources.map((resource) => ({ resource })) };
      const res = await fetch(`${sandbox.url}/_sandbox/import?hospital=${hcode}&cid=${cid}&phone=0800000001`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.control}`, 'content-type': 'application/json' },
        body: JSON.stringify(bundle),
      });
      if (!res.ok) throw new Error(`import into ${hcode} failed: ${res.status} ${await res.text()}`);
    }
    // Known latencies from 200 ms to 1300 ms, one per hospital.
    const latencies = hospitals.map((_, i) => 200 + i * 100);
    const faults = Object.fromEntries(hospitals.map((h, i) => [h, { latencyMs: latencies[i] }]));
    const f = await fetch(`${sandbox.url}/_sandbox/faults`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.control}`, 'content-type': 'application/json' },
      body: JSON.stringify(faults),
    });
    if (!f.ok) throw new Error(`faults: ${f.status}`);

    const client = createExchangeClient({ baseUrl: sandbox.url, token: tokens.exchange, timeoutMs: 8000 });
    const ctx = exchangeContextFor({ licence: '12345', hospitalCode: '11535', request: { requestId: 'bench' } }, 'TREAT');
    const firsts: number[] = [];
    const completes: number[] = [];
    for (let round = 0; round < opts.rounds + 1; round++) {
      const t0 = performance.now();
      const merger = createMerger(new Date().toISOString());
      const marks: number[] = [];
      await Promise.all(
        client.fetchAllHospitals(hospitals, cid, ctx).map(async (p) => {
          const r = await p;
          runSteps(merger.add({ facts: toClinicalFacts(r.resources, r.hcode), answered: [r.hcode] }));
          const model = runSteps(merger.model());
          if (model.entries.length === 0) throw new Error(`no entries after ${r.hcode} (${r.status})`);
          marks.push(performance.now() - t0);
        }),
      );
      if (round === 0) continue; // warm-up
      firsts.push(Math.min(...marks));
      completes.push(Math.max(...marks));
    }
    const firstMs = median(firsts);
    const completeMs = median(completes);
    return {
      hospitals: hospitals.length,
      resourcesPerHospital: opts.resourcesPerHospital,
      latenciesMs: latencies,
      firstMs,
      completeMs,
      firstRatio: firstMs / Math.min(...latencies),
      completeRatio: completeMs / Math.max(...latencies),
    };
  } finally {
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
