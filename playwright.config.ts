import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './lib/testing/chromium';

// Overridable so that several people can run the suite on one machine at once.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 4110);
const DATA = process.env.E2E_DATA_DIR ?? 'data/e2e';

/** The app and its sandbox exchange, started fresh for the run (empty embedded database, no latency). */
export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  outputDir: `${DATA}/test-results`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [...CHROMIUM_ARGS, '--disable-dev-shm-usage'],
    },
  },
  webServer: {
    // The app's own output goes to a file that e2e/zz-logs.spec.ts searches for personal data and secrets.
    command: `rm -rf ${DATA} && mkdir -p ${DATA} && node --conditions=react-server --import tsx lib/cli/start.ts > ${DATA}/app.log 2>&1`,
    url: `http://localhost:${PORT}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      SANDBOX_PORT: String(SANDBOX_PORT),
      SANDBOX_LATENCY: 'none',
      SANDBOX_DATA_DIR: `${DATA}/sandbox`,
      SANDBOX_LOG_FILE: `${DATA}/sandbox.log`,
      PGLITE_DIR: `${DATA}/pglite`,
      ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}),
      APP_ENV: 'test',
      // The whole suite is one synthetic day in which some twenty doctors ask the same demo patients for
      // codes; the product's limit (10 a patient a day) is tested in lib/consent/rules.test.ts.
      CONSENT_CODES_PER_PATIENT_DAY: '60',
      LOG_LEVEL: 'info',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  },
});

export { DATA, PORT, SANDBOX_PORT };
