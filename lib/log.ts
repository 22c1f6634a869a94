import 'server-only';
import pino from 'pino';
import { env } from './env';

// Field names that might carry personal data or secrets are censored even if someone logs them by mistake.
const REDACT = [
  'cid',
  'citizenId',
  'patientCid',
  'phone',
  'pin',
  'otp',
  'code',
  'password',
  'token',
  'text',
  'authorization',
  '*.cid',
  '*.phone',
  '*.pin',
  '*.otp',
  '*.password',
  '*.token',
  '*.patientCid',
];

const globalForLog = globalThis as unknown as { __hlLogger?: pino.Logger };

/** The structured application logger. Never pass it personal data (citizen IDs, names, phones) or secrets. */
export function logger(): pino.Logger {
  globalForLog.__hlLogger ??= pino({
    level: env().LOG_LEVEL,
    redact: { paths: REDACT, censor: '[redacted]' },
    base: { app: 'healthlink-viewer' },
  });
  return globalForLog.__hlLogger;
}
