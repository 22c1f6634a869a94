import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { expect, test, type Page } from '@playwright/test';
import { landOnPatientSearch, latestSms, SANDBOX_URL } from './support';

// Two app instances on one real PostgreSQL (the one lib/cli/with-postgres.sh started for this run):
// nothing that decides security may live in one process's memory.
const ADMIN_URL = process.env.TEST_POSTGRES_URL;
const PORT_A = Number(process.env.E2E_PORT ?? 3100) + 11;
const PORT_B = PORT_A + 1;
const servers: ChildProcess[] = [];

test.skip(!ADMIN_URL, 'needs TEST_POSTGRES_URL (npm run test:e2e starts PostgreSQL)');
test.describe.configure({ mode: 'serial' });

async function startInstance(port: number, databaseUrl: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'lib/cli/server.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      APP_URL: `http://localhost:${port}`,
      APP_ENV: 'test',
      DATABASE_URL: databaseUrl,
      SANDBOX_MODE: '1',
      EXCHANGE_URL: SANDBOX_URL,
      COUNCIL_URL: SANDBOX_URL,
      SMS_URL: SANDBOX_URL,
      EXCHANGE_TOKEN: 'sandbox-exchange-token',
      COUNCIL_TOKEN: 'sandbox-council-token',
      SMS_TOKEN: 'sandbox-sms-token',
      AUTH_SECRET: 'multi-instance-test-secret-0123456789abcdef',
      SERVICE_TOKEN: 'multi-instance-service-token-0123',
      METRICS_TOKEN: 'multi-instance-metrics-token-0123',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  servers.push(child);
  // An instance that dies mid-run says why in the test output (kept in memory otherwise).
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => {
    stderr = (stderr + b.toString()).slice(-4000);
  });
  child.on('exit', (code, signal) => {
    if (signal !== 'SIGTERM') console.error(`instance on ${port} exited (${String(code ?? signal)}):\n${stderr}`);
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`instance on ${port} did not start`)), 120_000);
    child.stdout.on('data', (b: Buffer) => {
      if (b.toString().includes('Ready on')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`instance on ${port} exited with ${String(code)}`)));
  });
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const name = `multi_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = ADMIN_URL!.replace(/\/[^/]*$/, `/${name}`);
  // Started together on purpose: migrations and demo data must survive a concurrent start.
  await Promise.all([startInstance(PORT_A, url), startInstance(PORT_B, url)]);
});

test.afterAll(() => {
  for (const s of servers) s.kill('SIGTERM');
});

const A = `http://localhost:${PORT_A}`;
const B = `http://localhost:${PORT_B}`;

async function signIn(page: Page, base: string, licence: string, pin: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel(/เลขที่ใบอนุญาต/).fill(licence);
  await page.getByLabel(/PIN/).fill(pin);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
}

test('a consent obtained on instance A opens the record on instance B', async ({ page }) => {
  await signIn(page, A, 'ว.24680', '404040');
  await landOnPatientSearch(page);
  await page.waitForURL(`${A}/patients`);
  await page.getByLabel('เลขประจำตัวประชาชน 13 หลัก').fill('3100400789012');
  await page.getByRole('button', { name: 'ค้นหาผู้ป่วย' }).click();
  await page.getByRole('checkbox', { name: /ข้าพเจ้าได้อธิบายแก่ผู้ป่วยแล้ว/ }).check();
  await page.getByRole('button', { name: 'ส่งรหัสยืนยันทาง SMS' }).click();
  await expect(page.getByRole('heading', { name: 'กรอกรหัสยืนยันจากผู้ป่วย' })).toBeVisible();
  const code = /\d{6}/.exec(await latestSms('0878901234'))?.[0];
  await page.getByLabel('รหัสหลักที่ 1 จาก 6').click();
  await page.keyboard.type(code!);
  await page.getByRole('button', { name: 'ยืนยันรหัส' }).click();
  await page.waitForURL(/\/patient\/[0-9a-f-]{36}$/);
  const path = new URL(page.url()).pathname;

  // Same browser (cookies are per host, not per port), other instance.
  await page.goto(`${B}${path}`);
  await expect(page.getByTestId('patient-banner')).toContainText('ภูมิ');
  await expect(page.locator('[data-hospital="11539"]')).toHaveAttribute('data-status', 'answered');

  // Sign-out on A ends the session in the database: B refuses it on the very next request.
  await page.goto(`${A}/signout`);
  await page.getByRole('button', { name: 'ออกจากระบบ' }).click();
  await page.waitForURL(/\/login/);
  await page.goto(`${B}${path}`);
  await expect(page).toHaveURL(/\/login/);
});

test('wrong PINs on A and on B add up to one throttle', async ({ page }) => {
  for (let i = 0; i < 3; i++) {
    await signIn(page, A, 'ว.13579', '000000');
    await expect(page.locator('#signin-message')).toContainText('เลข ว. หรือ PIN ไม่ถูกต้อง');
  }
  for (let i = 0; i < 2; i++) {
    await signIn(page, B, 'ว.13579', '000000');
    await expect(page.locator('#signin-message')).toContainText('เลข ว. หรือ PIN ไม่ถูกต้อง');
  }
  // The sixth attempt, on A again, must wait — even with the right PIN.
  await signIn(page, A, 'ว.13579', '303030');
  await expect(page.locator('#signin-message')).toContainText('ลองใหม่หลังเวลา');
});
