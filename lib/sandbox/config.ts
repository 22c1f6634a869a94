/**
 * The sandbox's configuration. The sandbox is its own program (never imported by the app), so it reads
 * its own environment here, once, and validates it loudly.
 */
import { z } from 'zod';
import { DEFAULT_SEED } from './demo-catalog';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export const sandboxEnvSchema = z.object({
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  SANDBOX_HOST: z.string().min(1).default('127.0.0.1'),
  SANDBOX_ALLOW_REMOTE: z.enum(['0', '1']).default('0'),
  SANDBOX_SEED: z.coerce.number().int().nonnegative().default(DEFAULT_SEED),
  SANDBOX_ANCHOR_DATE: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  SANDBOX_DATA_DIR: z.string().min(1).default('data/sandbox'),
  SANDBOX_LATENCY: z.enum(['default', 'none']).default('default'),
  SANDBOX_FAULTS_FILE: z.string().min(1).optional(),
  SANDBOX_EXCHANGE_TOKEN: z.string().min(1).default('sandbox-exchange-token'),
  SANDBOX_COUNCIL_TOKEN: z.string().min(1).default('sandbox-council-token'),
  SANDBOX_SMS_TOKEN: z.string().min(1).default('sandbox-sms-token'),
  SANDBOX_CONTROL_TOKEN: z.string().min(1).default('sandbox-control-token'),
  SANDBOX_PHR_USER: z.string().min(1).default('sandbox-phr-user'),
  SANDBOX_PHR_PASSWORD_HASH: z.string().min(1).default('sandbox-phr-password-hash'),
});

export interface SandboxTokens {
  exchange: string;
  council: string;
  sms: string;
  control: string;
  /** The MOPH Account Center account the MOPH-PHR stand-in accepts. */
  phrUser: string;
  phrPasswordHash: string;
}

export interface SandboxConfig {
  port: number;
  host: string;
  seed: number;
  anchorDate?: string;
  dataDir: string;
  latency: 'default' | 'none';
  faultsFile?: string;
  tokens: SandboxTokens;
}

export type ConfigResult = { ok: true; config: SandboxConfig } | { ok: false; message: string };

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('127.');
}

/** Parses the sandbox environment; refuses a non-loopback bind unless explicitly allowed. */
export function readSandboxConfig(env: NodeJS.ProcessEnv = process.env): ConfigResult {
  // Empty strings mean "unset" in most shells' `VAR= cmd` usage.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('SANDBOX_') && v !== ''));
  const parsed = sandboxEnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    return { ok: false, message: `invalid sandbox environment: ${issues}` };
  }
  const e = parsed.data;
  if (!isLoopbackHost(e.SANDBOX_HOST) && e.SANDBOX_ALLOW_REMOTE !== '1') {
    return {
      ok: false,
      message: `refusing to bind SANDBOX_HOST=${e.SANDBOX_HOST}: the sandbox serves fake patient data without real security; set SANDBOX_ALLOW_REMOTE=1 to bind a non-loopback address`,
    };
  }
  return {
    ok: true,
    config: {
      port: e.SANDBOX_PORT,
      host: e.SANDBOX_HOST,
      seed: e.SANDBOX_SEED,
      anchorDate: e.SANDBOX_ANCHOR_DATE,
      dataDir: e.SANDBOX_DATA_DIR,
      latency: e.SANDBOX_LATENCY,
      faultsFile: e.SANDBOX_FAULTS_FILE,
      tokens: {
        exchange: e.SANDBOX_EXCHANGE_TOKEN,
        council: e.SANDBOX_COUNCIL_TOKEN,
        sms: e.SANDBOX_SMS_TOKEN,
        control: e.SANDBOX_CONTROL_TOKEN,
        phrUser: e.SANDBOX_PHR_USER,
        phrPasswordHash: e.SANDBOX_PHR_PASSWORD_HASH,
      },
    },
  };
}
