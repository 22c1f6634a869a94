/** Entry point: `npm run sandbox`. Reads the environment, starts the server and says what it serves. */
import { readFileSync } from 'node:fs';
import { readSandboxConfig } from './config';
import { DEMO_DOCTORS, DEMO_PATIENTS, HOSPITALS } from './demo-catalog';
import { faultsPatchSchema, type FaultsPatch } from './faults';
import { startSandbox } from './server';

function loadFaultsFile(file: string): FaultsPatch {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (err) {
    throw new Error(`cannot read SANDBOX_FAULTS_FILE ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = faultsPatchSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(
      `invalid SANDBOX_FAULTS_FILE ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

async function main(): Promise<void> {
  const cfg = readSandboxConfig();
  if (!cfg.ok) {
    console.error(`sandbox: ${cfg.message}`);
    process.exit(2);
  }
  const config = cfg.config;
  const faults = config.faultsFile ? loadFaultsFile(config.faultsFile) : undefined;
  const sandbox = await startSandbox({
    port: config.port,
    host: config.host,
    seed: config.seed,
    anchorDate: config.anchorDate,
    dataDir: config.dataDir,
    latency: config.latency,
    tokens: config.tokens,
    faults,
  });
  const url = sandbox.url;
  const lines = [
    `Health Link SANDBOX (seed ${config.seed}, latency ${config.latency}, data ${config.dataDir})`,
    `  exchange   ${url}/Organization  /Patient  /Consent  /hospitals/{hcode}/fhir/{Type}  (Bearer exchange token)`,
    `  council    ${url}/council/verify  /council/practitioners/{licence}  (Bearer council token)`,
    `  sms        ${url}/sms/messages  (Bearer sms token); inbox page ${url}/sms`,
    `  moph-phr   ${url}/moph-phr/api  (MOPH-PHR stand-in, Account Center JWT); Mor Prom app inbox page ${url}/moph-phr/inbox`,
    `  control    ${url}/_sandbox/faults  /_sandbox/reset  /_sandbox/reload  /_sandbox/import  (Bearer control token)`,
    `  hospitals  ${HOSPITALS.map((h) => h.hcode).join(' ')}`,
    '  demo doctors (licence / PIN / status):',
    ...DEMO_DOCTORS.map((d) => `    ${d.licenseNumber}  ${d.pin}  ${d.status.padEnd(9)} ${d.nameEn}`),
    '  demo patients (citizen ID / story / shares with):',
    ...DEMO_PATIENTS.map((p) => `    ${p.cid}  ${p.story.padEnd(9)} ${p.givenEn} ${p.familyEn}  ${p.sharesWith.join(',') || '(none)'}`),
    `  patients in index: ${sandbox.state.store.patients.size}`,
  ];
  for (const line of lines) console.log(line);
  if (faults) console.log(`  initial faults from ${config.faultsFile ?? ''}: ${Object.keys(faults).join(', ')}`);
  console.log(`sandbox listening on ${url}`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`sandbox: ${signal} received, shutting down`);
    sandbox.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('sandbox: error while closing', err instanceof Error ? err.message : 'unknown');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(`sandbox: failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
