import { z } from 'zod';
import { parseTrustedProxies } from './http/client-address';
import { checkWebauthnEnv } from './passkey/config';

/** Values the sandbox and the demo ship with; production refuses every one of them. */
export const DEMO_SECRETS = [
  'sandbox-exchange-token',
  'sandbox-council-token',
  'sandbox-sms-token',
  'sandbox-control-token',
  'demo-auth-secret-change-me-0123456789abcdef',
  'demo-service-token-0123456789',
  'demo-metrics-token-0123456789',
  'ZGVtby1hdWRpdC1jaGVja3BvaW50LWtleS0wMTIzNDU=',
  'sandbox-phr-password-hash',
  'demo-staff-list-key-change-me-0123456789abcdef',
] as const;

const bool = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');
const int = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);
/** Reverse proxies whose X-Forwarded-For / -Proto are believed (lib/http/client-address.ts); none by default. */
const trustedProxies = z
  .string()
  .default('')
  .transform((spec, ctx) => {
    try {
      return parseTrustedProxies(spec);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : 'invalid' });
      return z.NEVER;
    }
  });
const httpUrl = z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, ''));

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    APP_ENV: z.enum(['development', 'test', 'demo', 'production']).default('development'),
    APP_URL: httpUrl,
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
    PGLITE_DIR: z.string().min(1).default('data/pglite'),
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters'),
    EXCHANGE_URL: httpUrl,
    EXCHANGE_TOKEN: z.string().min(8),
    EXCHANGE_TIMEOUT_MS: int(500, 60_000, 8000),
    EXCHANGE_MAX_RESPONSE_MB: int(1, 100, 10),
    COUNCIL_URL: httpUrl,
    COUNCIL_TOKEN: z.string().min(8),
    COUNCIL_TIMEOUT_MS: int(200, 30_000, 5000),
    SMS_URL: httpUrl,
    SMS_TOKEN: z.string().min(8),
    SANDBOX_MODE: bool.default(false),
    SERVICE_TOKEN: z.string().min(24, 'must be at least 24 characters'),
    METRICS_TOKEN: z.string().min(24, 'must be at least 24 characters'),
    SESSION_IDLE_MINUTES: int(5, 120, 30),
    SESSION_MAX_HOURS: int(1, 24, 12),
    CONSENT_HOURS: int(1, 72, 12),
    // One-time codes one patient may be sent in 24 hours, by all doctors together (lib/consent/rules.ts).
    CONSENT_CODES_PER_PATIENT_DAY: int(1, 100, 10),
    EMERGENCY_HOURS: int(1, 24, 4),
    TRUSTED_PROXIES: trustedProxies,
    // Signed checkpoints of the audit chain, kept outside the database (lib/audit/checkpoint.ts).
    AUDIT_CHECKPOINT_KEY: z
      .string()
      .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be a 32-byte Ed25519 seed, base64 (openssl rand -base64 32)')
      .optional(),
    AUDIT_CHECKPOINT_DIR: z.string().min(1).optional(),
    AUDIT_CHECKPOINT_MINUTES: int(1, 1440, 5),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
    // Passkeys (lib/passkey/config.ts): the relying party's id and the origins it answers on; derived from
    // APP_URL outside production, explicit in production.
    WEBAUTHN_RP_ID: z
      .string()
      .regex(/^(?=.{1,253}$)[a-z0-9-]+(\.[a-z0-9-]+)*$/, 'must be a host name (no scheme, port or path)')
      .optional(),
    WEBAUTHN_ORIGINS: z.string().optional(),
    WEBAUTHN_RP_NAME: z.string().min(1).max(64).default('Health Link Viewer'),
    // MOPH-PHR (Mor Prom), a second source (docs/phr.md): all four set, or none (the sandbox's outside production).
    PHR_URL: httpUrl.optional(),
    PHR_ACCOUNT_URL: httpUrl.optional(),
    PHR_USER: z.string().min(1).optional(),
    PHR_PASSWORD_HASH: z.string().min(8).optional(),
    PHR_TIMEOUT_MS: int(1000, 120_000, 30_000),
    PHR_MAX_RESPONSE_MB: int(1, 100, 10),
    // Keys the hashes of the hospitals' staff lists (lib/alerts/staff-list.ts); the demo's own outside production.
    STAFF_LIST_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  })
  .superRefine((env, ctx) => {
    const phr = [env.PHR_URL, env.PHR_ACCOUNT_URL, env.PHR_USER, env.PHR_PASSWORD_HASH].filter((v) => v !== undefined).length;
    if (phr !== 0 && phr !== 4)
      ctx.addIssue({
        code: 'custom',
        path: ['PHR_URL'],
        message: 'set PHR_URL, PHR_ACCOUNT_URL, PHR_USER and PHR_PASSWORD_HASH together, or none',
      });
    if (env.APP_ENV !== 'production') return;
    if (env.PHR_PASSWORD_HASH !== undefined && (DEMO_SECRETS as readonly string[]).includes(env.PHR_PASSWORD_HASH))
      ctx.addIssue({ code: 'custom', path: ['PHR_PASSWORD_HASH'], message: 'is a demo value; set a real secret' });
    for (const key of ['PHR_URL', 'PHR_ACCOUNT_URL'] as const) {
      const value = env[key];
      if (value !== undefined && /^https?:\/\/(127\.|localhost|\[::1\])/.test(value))
        ctx.addIssue({ code: 'custom', path: [key], message: 'points at a loopback sandbox; production needs the real service' });
    }
  })
  .superRefine((env, ctx) => {
    const webauthn = checkWebauthnEnv(env);
    if (webauthn) ctx.addIssue({ code: 'custom', path: [webauthn.path], message: webauthn.message });
    if (env.APP_ENV !== 'production') return;
    if (!env.WEBAUTHN_RP_ID || !env.WEBAUTHN_ORIGINS)
      ctx.addIssue({
        code: 'custom',
        path: ['WEBAUTHN_RP_ID'],
        message: 'production names its passkey RP ID and origins: set WEBAUTHN_RP_ID and WEBAUTHN_ORIGINS',
      });
    if (env.NODE_ENV !== 'production')
      ctx.addIssue({ code: 'custom', path: ['NODE_ENV'], message: 'must be "production" when APP_ENV=production' });
    if (env.SANDBOX_MODE) ctx.addIssue({ code: 'custom', path: ['SANDBOX_MODE'], message: 'sandbox adapters are refused in production' });
    if (!env.AUDIT_CHECKPOINT_KEY)
      ctx.addIssue({ code: 'custom', path: ['AUDIT_CHECKPOINT_KEY'], message: 'production signs audit checkpoints: set a key' });
    if (!env.AUDIT_CHECKPOINT_DIR)
      ctx.addIssue({
        code: 'custom',
        path: ['AUDIT_CHECKPOINT_DIR'],
        message: 'production writes audit checkpoints outside the database: set a folder',
      });
    if (!env.STAFF_LIST_KEY)
      ctx.addIssue({ code: 'custom', path: ['STAFF_LIST_KEY'], message: "production keys the staff lists' hashes: set a key" });
    if (!env.DATABASE_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_URL'],
        message: 'production needs a PostgreSQL server (the embedded database is for demos)',
      });
    for (const key of [
      'AUTH_SECRET',
      'EXCHANGE_TOKEN',
      'COUNCIL_TOKEN',
      'SMS_TOKEN',
      'SERVICE_TOKEN',
      'METRICS_TOKEN',
      'AUDIT_CHECKPOINT_KEY',
      'STAFF_LIST_KEY',
    ] as const) {
      if ((DEMO_SECRETS as readonly (string | undefined)[]).includes(env[key]))
        ctx.addIssue({ code: 'custom', path: [key], message: 'is a demo value; set a real secret' });
    }
    for (const key of ['EXCHANGE_URL', 'COUNCIL_URL', 'SMS_URL'] as const) {
      if (/^https?:\/\/(127\.|localhost|\[::1\])/.test(env[key]))
        ctx.addIssue({ code: 'custom', path: [key], message: 'points at a loopback sandbox; production needs the real service' });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** Where and as whom the viewer reads MOPH-PHR; null when it is not configured (production without PHR_*). */
export interface PhrConfig {
  baseUrl: string;
  accountUrl: string;
  user: string;
  passwordHash: string;
}

/**
 * The MOPH-PHR configuration: explicit PHR_* when set; outside production, the stand-in on the sandbox
 * (EXCHANGE_URL + /moph-phr) with its demo account; in production without PHR_*, none (the record page
 * then does not offer Mor Prom).
 */
export function phrConfig(e: Env): PhrConfig | null {
  if (e.PHR_URL && e.PHR_ACCOUNT_URL && e.PHR_USER && e.PHR_PASSWORD_HASH)
    return { baseUrl: e.PHR_URL, accountUrl: e.PHR_ACCOUNT_URL, user: e.PHR_USER, passwordHash: e.PHR_PASSWORD_HASH };
  if (e.APP_ENV === 'production') return null;
  return {
    baseUrl: `${e.EXCHANGE_URL}/moph-phr/api`,
    accountUrl: `${e.EXCHANGE_URL}/moph-phr`,
    user: 'sandbox-phr-user',
    passwordHash: 'sandbox-phr-password-hash',
  };
}

/**
 * The key of the staff lists' hashes: STAFF_LIST_KEY, or the demo's fixed key outside production (which
 * refuses to start without one). Changing it orphans every stored list: the hospitals upload theirs again.
 */
export function staffListKeyOf(e: Env): string {
  return e.STAFF_LIST_KEY ?? 'demo-staff-list-key-change-me-0123456789abcdef';
}

/** Parses an environment; returns one human-readable line per invalid variable. */
export function parseEnv(source: Record<string, string | undefined>): { ok: true; env: Env } | { ok: false; errors: string[] } {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return { ok: true, env: result.data };
  const errors = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || 'environment';
    const missing = issue.code === 'invalid_type' && !(name in cleaned);
    return `${name}: ${missing ? 'is required but not set' : issue.message}`;
  });
  return { ok: false, errors };
}

let cached: Env | undefined;

/** The validated configuration. The only reader of process.env in the app; throws naming every bad variable. */
export function env(): Env {
  if (cached) return cached;
  const result = parseEnv(process.env);
  if (!result.ok) throw new Error(`Invalid configuration:\n${result.errors.map((e) => `  - ${e}`).join('\n')}`);
  cached = result.env;
  // next-auth v4 reads its own base URL only from the environment (else it assumes localhost:3000).
  process.env.NEXTAUTH_URL = cached.APP_URL;
  return cached;
}
