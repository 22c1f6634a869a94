/**
 * `npm run sandbox:import -- --hospital <hcode> --cid <13 digits> [--phone <mobile>] <bundle.json>...`
 * Validates every file first; if any is malformed nothing is imported and the command exits non-zero.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readSandboxConfig } from './config';
import { importTargetSchema, parseImportBundle, saveImportRecord, type ImportRecord } from './importer';

const USAGE = 'usage: npm run sandbox:import -- --hospital <hcode> --cid <13-digit id> [--phone <mobile>] <bundle.json>...';

async function notifyRunningSandbox(port: number, token: string): Promise<void> {
  if (port === 0) return;
  try {
    const res = await fetch(`http://127.0.0.1:${port}/_sandbox/reload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(5_000),
    });
    console.log(
      res.ok
        ? `running sandbox on port ${port} reloaded its imports`
        : `running sandbox on port ${port} refused to reload (HTTP ${res.status}); restart it to see the import`,
    );
  } catch {
    // No sandbox running: the import is picked up at its next start.
    console.log('no sandbox running; the import will be loaded at its next start');
  }
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: { hospital: { type: 'string' }, cid: { type: 'string' }, phone: { type: 'string' } },
      allowPositionals: true,
    });
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  const cfg = readSandboxConfig();
  if (!cfg.ok) {
    console.error(cfg.message);
    return 2;
  }
  const target = importTargetSchema.safeParse({ hcode: args.values.hospital ?? '', cid: args.values.cid ?? '', phone: args.values.phone });
  if (!target.success || args.positionals.length === 0) {
    if (!target.success)
      for (const issue of target.error.issues)
        console.error(`--${issue.path.join('.') === 'hcode' ? 'hospital' : issue.path.join('.')}: ${issue.message}`);
    if (args.positionals.length === 0) console.error('no bundle files given');
    console.error(USAGE);
    return 2;
  }
  const importedAt = new Date().toISOString();
  const records: ImportRecord[] = [];
  const failures: string[] = [];
  for (const file of args.positionals) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      failures.push(`${file}: cannot read (${err instanceof Error ? err.message : String(err)})`);
      continue;
    }
    const parsed = parseImportBundle(text, file, target.data, importedAt);
    if (parsed.ok) records.push(parsed.record);
    else failures.push(parsed.reason);
  }
  if (failures.length > 0) {
    for (const f of failures) console.error(`rejected ${f}`);
    console.error('nothing was imported');
    return 1;
  }
  records.forEach((record, i) => {
    const saved = saveImportRecord(cfg.config.dataDir, record, i);
    console.log(`imported ${record.resources.length} resources from ${record.source} into hospital ${record.hcode} (${saved})`);
  });
  await notifyRunningSandbox(cfg.config.port, cfg.config.tokens.control);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`import failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
