import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { doctorActor } from '../audit/actor';
import { appendAudit } from '../audit/append';
import type { DoctorContext } from '../auth/guard';
import type { Db } from '../db';
import { emergencyAccesses, smsSends } from '../db/schema';
import { AppError } from '../errors';
import type { ExchangeClient, HospitalInfo } from '../exchange/client';
import { exchangeContextFor } from '../exchange/request-context';
import { ageInYears } from '../i18n/format';
import { bilingual } from '../i18n/messages';
import { formatCitizenId } from '../identity/citizen-id';
import { logger } from '../log';
import type { WebauthnConfig } from '../passkey/config';
import { listPasskeys } from '../passkey/store';
import type { DoctorRegistry } from '../registry/doctor-registry';
import { failure, success, type Failure, type Success } from '../result';
import type { SmsGateway } from '../sms/sms-gateway';
import {
  emergencyExpiry,
  emergencyFieldErrors,
  emergencyLookupSchema,
  emergencyNoticeText,
  emergencyStartPasskeySchema,
  emergencyStartSchema,
  type EmergencyField,
} from './rules';
import { passkeyStepUp, pinStepUp } from './step-up';

/** The outside world the emergency service talks to; tests pass their own. */
export interface EmergencyDeps {
  db: Db;
  exchange: Pick<ExchangeClient, 'findPatient' | 'listSharingHospitals' | 'listOrganizations'>;
  registry: Pick<DoctorRegistry, 'verifyCredentials'>;
  sms: SmsGateway;
  emergencyHours: number;
  /** The passkey relying party, for a doctor who steps up with a passkey (absent: that step-up is refused). */
  webauthn?: WebauthnConfig;
  now: () => Date;
}

/** The doctor breaking the glass; the session id binds a passkey step-up to this session's challenge. */
export type EmergencyDoctor = Pick<DoctorContext, 'licence' | 'hospitalCode' | 'role' | 'request'> & { sessionId?: string };

async function hasPasskey(database: Db, licence: string): Promise<boolean> {
  return (await listPasskeys(database, licence)).length > 0;
}

/** Identity card shown before break-the-glass: no clinical data, no phone number (only whether there is one). */
export interface EmergencyPatientCard {
  cidFormatted: string;
  nameTh: string;
  nameEn: string;
  gender: 'male' | 'female' | 'other' | 'unknown';
  birthDate: string;
  age: number;
  hasPhone: boolean;
  sharingHospitals: { code: string; nameTh: string; nameEn: string }[];
}

export type EmergencyLookupResult =
  Success<{ patient: EmergencyPatientCard }> | Failure<'invalid', 'cid'> | Failure<'not-found' | 'exchange-unavailable'>;

/**
 * Break-the-glass, or why not: the form's problems (`invalid`, `pin-wrong`) name their fields; `locked`
 * says when the PIN may be tried again (ISO time).
 */
export type EmergencyStartResult =
  | Success<{ accessId: string; smsSent: boolean }>
  | Failure<'invalid' | 'pin-wrong', EmergencyField>
  | (Failure<'locked'> & { retryAt: string })
  | Failure<'registry-unavailable' | 'not-found' | 'exchange-unavailable' | 'passkey-failed'>;

const actor = doctorActor;

/**
 * Refuses anyone but an emergency physician: writes an 'emergency-denied' audit row and throws 403.
 * Called first by every emergency page, action and service entry point.
 */
export async function requireEmergencyRole(doctor: EmergencyDoctor, database: Db, step: string, now = new Date()): Promise<void> {
  if (doctor.role === 'ed') return;
  await auditEmergencyDenied(doctor, database, step, now);
  throw new AppError('forbidden', bilingual('emergency.notEd.body'));
}

/** Records that a doctor without role 'ed' reached an emergency entry point (pages call this, then explain). */
export async function auditEmergencyDenied(doctor: EmergencyDoctor, database: Db, step: string, now = new Date()): Promise<void> {
  await appendAudit(
    database,
    { ...actor(doctor), action: 'emergency-denied', outcome: 'denied', purpose: 'ETREAT', details: { reason: 'not-ed-role', step } },
    now,
  );
}

async function directory(deps: EmergencyDeps): Promise<Map<string, HospitalInfo>> {
  try {
    return new Map((await deps.exchange.listOrganizations()).map((h) => [h.code, h]));
  } catch {
    return new Map();
  }
}

/**
 * The ED quick lookup: who the patient is and where their records are, for a physician with role 'ed'.
 * Audited as a patient lookup with purpose ETREAT (citizen ID in its own column only).
 */
export async function lookupEmergencyPatient(doctor: EmergencyDoctor, input: unknown, deps: EmergencyDeps): Promise<EmergencyLookupResult> {
  const now = deps.now();
  await requireEmergencyRole(doctor, deps.db, 'lookup', now);
  const parsed = emergencyLookupSchema.safeParse(input);
  if (!parsed.success) return failure('invalid', { cid: { key: 'emergency.error.cid' } });
  const cid = parsed.data.cid;
  const ctx = exchangeContextFor(doctor, 'ETREAT');
  const found = await deps.exchange.findPatient({ cid }, ctx);
  let result: EmergencyLookupResult;
  if (found.outcome === 'unavailable') result = failure('exchange-unavailable');
  else if (found.outcome === 'not-found') result = failure('not-found');
  else {
    const [sharing, dir] = await Promise.all([deps.exchange.listSharingHospitals(cid, ctx), directory(deps)]);
    if (!sharing.ok) result = failure('exchange-unavailable');
    else {
      const p = found.patient;
      result = success({
        patient: {
          cidFormatted: formatCitizenId(cid),
          nameTh: p.nameTh,
          nameEn: p.nameEn,
          gender: p.gender,
          birthDate: p.birthDate,
          age: ageInYears(p.birthDate, now),
          hasPhone: Boolean(p.phone),
          sharingHospitals: sharing.hcodes.map((code) => ({
            code,
            nameTh: dir.get(code)?.nameTh ?? code,
            nameEn: dir.get(code)?.nameEn ?? code,
          })),
        },
      });
    }
  }
  await appendAudit(
    deps.db,
    {
      ...actor(doctor),
      action: 'patient-lookup',
      outcome: !result.ok && result.reason === 'exchange-unavailable' ? 'failure' : 'success',
      patientCid: cid,
      purpose: 'ETREAT',
      details: { result: result.ok ? 'found' : result.reason, flow: 'emergency' },
    },
    now,
  );
  return result;
}

/**
 * Breaks the glass: role 'ed' only, form validated, a step-up (the doctor's passkey if they have one,
 * else the PIN re-entered and checked with the council; lib/emergency/step-up.ts), patient must exist. The access row and its audit row are
 * written in one transaction; the patient is then told by SMS (a failed SMS is audited, not undone).
 */
export async function startEmergencyAccess(doctor: EmergencyDoctor, input: unknown, deps: EmergencyDeps): Promise<EmergencyStartResult> {
  const now = deps.now();
  await requireEmergencyRole(doctor, deps.db, 'start', now);
  // A doctor with a passkey steps up with it, never with the PIN (the weaker factor is not offered beside it).
  const withPasskey = await hasPasskey(deps.db, doctor.licence);
  const parsed = withPasskey
    ? emergencyStartPasskeySchema.safeParse(input)
    : emergencyStartSchema.transform((v) => ({ ...v, passkey: undefined })).safeParse(input);
  if (!parsed.success) return failure('invalid', emergencyFieldErrors(input, withPasskey ? 'passkey' : 'pin'));
  const { cid, reasonCode, reasonText } = parsed.data;

  const refused = withPasskey
    ? await passkeyStepUp(doctor, parsed.data.passkey, { cid, reasonCode }, deps, now)
    : await pinStepUp(
        doctor,
        'pin' in parsed.data && typeof parsed.data.pin === 'string' ? parsed.data.pin : '',
        { cid, reasonCode },
        deps,
        now,
      );
  if (refused) return refused;

  const ctx = exchangeContextFor(doctor, 'ETREAT');
  // The sharing list is kept on the access so the record page can ask those hospitals at once (it re-checks
  // the list in parallel); an exchange that does not name them now only makes that first load wait for it.
  const [found, sharing] = await Promise.all([deps.exchange.findPatient({ cid }, ctx), deps.exchange.listSharingHospitals(cid, ctx)]);
  if (found.outcome !== 'found') {
    const reason = found.outcome === 'not-found' ? 'patient-not-found' : 'exchange-unavailable';
    await appendAudit(
      deps.db,
      {
        ...actor(doctor),
        action: 'emergency-start',
        outcome: 'failure',
        patientCid: cid,
        purpose: 'ETREAT',
        details: { reason, reasonCode },
      },
      now,
    );
    return failure(found.outcome === 'not-found' ? 'not-found' : 'exchange-unavailable');
  }

  const accessId = crypto.randomUUID();
  const expiresAt = emergencyExpiry(now, deps.emergencyHours);
  await deps.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    await tx.insert(emergencyAccesses).values({
      id: accessId,
      licenceNumber: doctor.licence,
      hospitalCode: doctor.hospitalCode,
      patientCid: cid,
      reasonCode,
      reasonText,
      startedAt: now,
      expiresAt,
      sharingHcodes: sharing.ok ? sharing.hcodes : null,
      // A DOPA province code only, for the outside-catchment alert at record open (lib/alerts).
      patientProvince: found.patient.province ?? null,
    });
    // The free text stays with the access row for reviewers; the audit log records only its length.
    await appendAudit(
      tx,
      {
        ...actor(doctor),
        action: 'emergency-start',
        outcome: 'success',
        patientCid: cid,
        purpose: 'ETREAT',
        accessRef: accessId,
        details: { reasonCode, reasonTextLength: reasonText.length, expiresAt: expiresAt.toISOString() },
      },
      now,
    );
  });

  const smsSent = await notifyPatient(doctor, { cid, phone: found.patient.phone, language: found.patient.language }, accessId, deps, now);
  return success({ accessId, smsSent });
}

async function notifyPatient(
  doctor: EmergencyDoctor,
  patient: { cid: string; phone: string | undefined; language: 'th' | 'en' },
  accessId: string,
  deps: EmergencyDeps,
  now: Date,
): Promise<boolean> {
  const common = {
    ...actor(doctor),
    action: 'emergency-start' as const,
    patientCid: patient.cid,
    purpose: 'ETREAT' as const,
    accessRef: accessId,
  };
  if (!patient.phone) {
    await appendAudit(deps.db, { ...common, outcome: 'failure', details: { step: 'patient-notice', reason: 'no-phone' } }, now);
    return false;
  }
  const h = (await directory(deps)).get(doctor.hospitalCode);
  const name = h ? (patient.language === 'en' ? h.nameEn : h.nameTh) : doctor.hospitalCode;
  let sent: Awaited<ReturnType<SmsGateway['send']>>;
  try {
    sent = await deps.sms.send(patient.phone, emergencyNoticeText(patient.language, name, now));
  } catch {
    sent = { ok: false, reason: 'unavailable' };
  }
  try {
    if (sent.ok) {
      await deps.db.transaction(async (txRaw) => {
        const tx = txRaw as unknown as Db;
        await tx.insert(smsSends).values({
          id: crypto.randomUUID(),
          patientCid: patient.cid,
          licenceNumber: doctor.licence,
          hospitalCode: doctor.hospitalCode,
          kind: 'emergency-notice',
          sentAt: now,
        });
        await appendAudit(tx, { ...common, outcome: 'success', details: { step: 'patient-notice' } }, now);
      });
    } else {
      await appendAudit(deps.db, { ...common, outcome: 'failure', details: { step: 'patient-notice', reason: `sms-${sent.reason}` } }, now);
    }
  } catch (error) {
    // The access already stands and is audited; a lost notice record must not hide it from the doctor.
    logger().error({ err: error instanceof Error ? error.message : 'unknown' }, 'emergency notice record failed');
  }
  return sent.ok;
}

/** Ends an emergency access early (the doctor's own, still open). Audited 'emergency-end'. */
export async function endEmergencyAccess(
  doctor: EmergencyDoctor,
  accessId: string,
  deps: Pick<EmergencyDeps, 'db' | 'now'>,
): Promise<Success | Failure<'not-found'>> {
  const now = deps.now();
  return deps.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [row] = await tx
      .update(emergencyAccesses)
      .set({ endedAt: now })
      .where(
        and(
          eq(emergencyAccesses.id, accessId),
          eq(emergencyAccesses.licenceNumber, doctor.licence),
          eq(emergencyAccesses.hospitalCode, doctor.hospitalCode),
          isNull(emergencyAccesses.endedAt),
        ),
      )
      .returning({ cid: emergencyAccesses.patientCid });
    if (!row) return failure('not-found');
    await appendAudit(
      tx,
      {
        ...actor(doctor),
        action: 'emergency-end',
        outcome: 'success',
        patientCid: row.cid,
        purpose: 'ETREAT',
        accessRef: accessId,
        details: { reason: 'ended-by-doctor' },
      },
      now,
    );
    return success({});
  });
}
