import { defineConfig } from '@playwright/test';

const PORT = 3100;
const SANDBOX_PORT = 4110;

/** The app and its sandbox exchange, started fresh for the run (empty embedded database, no latency). */
export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
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
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    },
  },
  webServer: {
    command: `rm -rf data/e2e && node --conditions=react-server --import tsx lib/cli/start.ts`,
    url: `http://localhost:${PORT}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      SANDBOX_PORT: String(SANDBOX_PORT),
      SANDBOX_LATENCY: 'none',
      SANDBOX_DATA_DIR: 'data/e2e/sandbox',
      PGLITE_DIR: 'data/e2e/pglite',
      APP_ENV: 'test',
      LOG_LEVEL: 'info',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  },
});

export { PORT, SANDBOX_PORT };
