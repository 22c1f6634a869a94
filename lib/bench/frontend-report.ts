/** The benchmark's console report (scripts by size and the summary table) and its JSON file. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { APP_URL, GOALS, kb, OUT_FILE, STRESS_CID } from './frontend-config';
import { lighthouseRow } from './frontend-lighthouse';
import type { FrontendBenchResult, RecordPageMeasures } from './frontend-types';

function printTable(rows: [string, string, string][]): void {
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  for (const [a, b, c] of rows) console.log(`  ${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`);
}

/** Prints every script's gzip size, then the summary table with each figure against its goal. */
export function printFrontendReport(result: FrontendBenchResult, measures: RecordPageMeasures): void {
  const { hospitals, count, scroll, scrollRequests, firstLoadSizes, labsSizes } = measures;
  const verdict = (ok: boolean): string => (ok ? 'ok' : 'OVER GOAL');
  const statuses = Object.values(hospitals);
  console.log('\nScripts (first load, largest first):');
  for (const s of [...firstLoadSizes].sort((a, b) => b.gzipBytes - a.gzipBytes))
    console.log(`  ${kb(s.gzipBytes).toFixed(1).padStart(7)} KB gz  ${new URL(s.url).pathname}`);
  console.log('Scripts (Labs tab):');
  for (const s of labsSizes) console.log(`  ${kb(s.gzipBytes).toFixed(1).padStart(7)} KB gz  ${new URL(s.url).pathname}`);
  console.log(`\nFront-end benchmark — ${APP_URL}/patient/… (patient ${STRESS_CID})`);
  printTable([
    [
      'JS first load (gzip)',
      `${result.jsGzipKB.firstLoad.toFixed(1)} KB`,
      `${firstLoadSizes.length} scripts · goal ≤ ${GOALS.firstLoadGzipKB} KB · ${verdict(result.jsGzipKB.firstLoad <= GOALS.firstLoadGzipKB)}`,
    ],
    ['JS Labs tab chunk (gzip)', `${result.jsGzipKB.labsChunk.toFixed(1)} KB`, `${labsSizes.length} scripts, loaded on click`],
    ['Hospitals', `${statuses.length}`, statuses.join(', ')],
    ['Timeline entries', count.total.toLocaleString('en'), `(${count.visible.toLocaleString('en')} visible with the default filters)`],
    [
      'Longest task (scroll)',
      `${scroll.longestTaskMs.toFixed(1)} ms`,
      `goal ≤ ${GOALS.longestTaskMs} ms · ${verdict(scroll.longestTaskMs <= GOALS.longestTaskMs)}`,
    ],
    [
      'Total blocking (scroll)',
      `${scroll.totalBlockingMs.toFixed(1)} ms`,
      `${scroll.longTasks} long tasks in ${scroll.steps} steps over ${scroll.scrollHeightPx.toLocaleString('en')} px${scroll.reachedBottom ? '' : ' (bottom NOT reached)'}`,
    ],
    ['Machine', `${result.machine.cpus} CPUs`, `load average ${result.machine.loadAvg1m} · ${scrollRequests} requests during the scroll`],
    ['Longest task (load+merge)', `${scroll.beforeScrollLongestMs.toFixed(1)} ms`, 'before scrolling, for context'],
    lighthouseRow(`Lighthouse (typical patient)`, result.lighthouse.typical),
    lighthouseRow(`Lighthouse (stress patient)`, result.lighthouse.stress),
  ]);
}

/** Writes the result to bench-results/frontend.json. */
export async function saveFrontendResult(result: FrontendBenchResult): Promise<void> {
  await mkdir(path.dirname(OUT_FILE), { recursive: true });
  await writeFile(OUT_FILE, JSON.stringify(result, null, 2) + '\n');
  console.log(`\nwrote ${path.relative(process.cwd(), OUT_FILE)}`);
}
