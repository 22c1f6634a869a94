/**
 * `npm run bench`: the benchmarks that need no running app, measured side by side in one run, printed and
 * written to bench-results/latest.json. The load and fault runs against a running app: lib/bench/load.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { runMergeBench } from './merge-bench';
import { runPipelineBench } from './pipeline';

async function main(): Promise<void> {
  console.log('1/2 merge + dedupe + normalise vs JSON.parse (50,000 resources, 12 hospitals)…');
  const merge = runMergeBench({ resources: 50_000, hospitals: 12 });
  console.log(
    `    JSON.parse ${merge.parseMs.toFixed(1)} ms · facts+merge ${merge.mergeMs.toFixed(1)} ms · ratio ${merge.ratio.toFixed(2)} (goal ≤ 1.00)`,
  );
  console.log('2/2 timeline pipeline: 12 hospitals at 200…1300 ms…');
  const pipeline = await runPipelineBench({ rounds: 5, resourcesPerHospital: 150 });
  console.log(`    first entries ${pipeline.firstMs.toFixed(0)} ms ÷ fastest 200 ms = ${pipeline.firstRatio.toFixed(2)} (goal ≤ 1.5)`);
  console.log(`    complete ${pipeline.completeMs.toFixed(0)} ms ÷ slowest 1300 ms = ${pipeline.completeRatio.toFixed(2)} (goal ≤ 1.10)`);
  const result = { date: new Date().toISOString(), machine: '2 cores, shared', merge, pipeline };
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/latest.json', `${JSON.stringify(result, null, 2)}\n`);
  console.log('written: bench-results/latest.json');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
