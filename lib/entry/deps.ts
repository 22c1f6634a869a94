import 'server-only';
import { db, type Db } from '../db';
import { env, staffListKeyOf } from '../env';
import { webauthnConfigOf, type WebauthnConfig } from '../passkey/config';
import { services } from '../services';

/**
 * Everything a use case may reach outside itself: the database, the external systems' adapters, the
 * settings it needs and the clock. Built once per request by the entry layer and handed down; code in
 * lib/ never calls db() or services() itself, so a test passes its own (a real PostgreSQL, the sandbox,
 * a fixed clock) through the same parameter.
 */
export interface AppDeps {
  db: Db;
  exchange: ReturnType<typeof services>['exchange'];
  registry: ReturnType<typeof services>['registry'];
  sms: ReturnType<typeof services>['sms'];
  /** MOPH-PHR (Mor Prom); null when not configured. */
  phr: ReturnType<typeof services>['phr'];
  /** Keys OTP hashes and seals TOTP secrets (AUTH_SECRET). */
  secret: string;
  consentHours: number;
  codesPerPatientDay: number;
  emergencyHours: number;
  /** Keys the hashes of the hospitals' staff lists (STAFF_LIST_KEY). */
  staffListKey: string;
  /** The passkey relying party (WEBAUTHN_* or derived from APP_URL). */
  webauthn: WebauthnConfig;
  now: () => Date;
}

/** The application's real dependencies, from the validated configuration. */
export async function appDeps(): Promise<AppDeps> {
  const config = env();
  const adapters = services();
  return {
    db: await db(),
    exchange: adapters.exchange,
    registry: adapters.registry,
    sms: adapters.sms,
    phr: adapters.phr,
    secret: config.AUTH_SECRET,
    consentHours: config.CONSENT_HOURS,
    codesPerPatientDay: config.CONSENT_CODES_PER_PATIENT_DAY,
    emergencyHours: config.EMERGENCY_HOURS,
    webauthn: webauthnConfigOf(config),
    staffListKey: staffListKeyOf(config),
    now: () => new Date(),
  };
}
