import 'server-only';
import { decode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { appendAudit } from '../audit/append';
import type { Db } from '../db';
import { env } from '../env';
import { AppError } from '../errors';
import { requestContext, type RequestContext } from '../http/request-context';
import type { DoctorRegistry } from '../registry/doctor-registry';
import { passkeyGatePending, PASSKEY_STEP_PATH } from './passkey-gate';
import { grantInForce, judgeSession, licenceVerdict, needsTouch, REGISTRY_RECHECK_MS } from './session-rules';
import { endSession, loadSession, loadSessionWithGrant, setSessionHospital, touchSession, type SessionRow } from './sessions';

export interface DoctorContext {
  kind: 'doctor';
  sessionId: string;
  licence: string;
  displayName: string;
  hospitalCode: string;
  role: 'doctor' | 'ed';
  request: RequestContext;
}

/**
 * Admin console roles: a hospital admin manages staff; a privacy officer reads who accessed which patient
 * (audit log, patient access report, emergency reviews) and reviews unusual-access alerts. Separate
 * accounts, so neither job alone both grants access and judges its use (docs/security.md).
 */
export type AdminRole = 'admin' | 'privacy-officer';

export interface AdminContext {
  kind: 'admin';
  sessionId: string;
  adminId: string;
  displayName: string;
  hospitalCode: string;
  role: AdminRole;
  request: RequestContext;
}

/** Where each admin role starts; a page of the other role sends them here. */
export const ADMIN_HOME: Record<AdminRole, string> = { admin: '/admin', 'privacy-officer': '/admin/alerts' };

/** What checking a session needs: the database and the council registry (handed in by lib/entry). */
export interface GuardDeps {
  db: Db;
  registry: Pick<DoctorRegistry, 'getPractitioner'>;
}

type Failure = 'signed-out' | 'expired' | 'revoked' | 'choose-hospital' | 'wrong-kind' | 'passkey';
type Outcome<T> = { ok: true; value: T } | { ok: false; reason: Failure; session?: SessionRow };

async function sessionIdFromCookie(): Promise<string | null> {
  const jar = await cookies();
  const raw = jar.get('__Host-hl.session')?.value ?? jar.get('hl.session')?.value;
  if (!raw) return null;
  try {
    const token = await decode({ token: raw, secret: env().AUTH_SECRET });
    return typeof token?.sid === 'string' ? token.sid : null;
  } catch {
    return null;
  }
}

async function endWithAudit(database: Db, row: SessionRow, reason: string, request: RequestContext): Promise<void> {
  await endSession(database, row.id, reason);
  await appendAudit(database, {
    actorType: row.kind,
    actorId: row.subject,
    actorRole: row.role,
    hospitalCode: row.hospitalCode,
    action: 'session-expired',
    outcome: 'success',
    clientIp: request.clientIp,
    userAgent: request.userAgent,
    requestId: request.requestId,
    details: { reason },
  });
}

/** Loads and re-checks the server-side session behind the cookie; ends it if it no longer stands. */
async function authenticate(
  deps: GuardDeps,
  kind: 'doctor' | 'admin',
  allowNoHospital = false,
  allowPasskeyPending = false,
): Promise<Outcome<{ row: SessionRow; request: RequestContext; role: string }>> {
  const sid = await sessionIdFromCookie();
  if (!sid) return { ok: false, reason: 'signed-out' };
  const database = deps.db;
  // The session and the doctor's grant come in one query: this runs on every request.
  const loaded = await loadSessionWithGrant(database, sid);
  if (!loaded) return { ok: false, reason: 'signed-out' };
  const { row } = loaded;
  if (row.kind !== kind) return { ok: false, reason: 'wrong-kind' };
  const request = await requestContext();
  const now = new Date();
  const verdict = judgeSession(row, now, env().SESSION_IDLE_MINUTES * 60_000);
  if (!verdict.valid) {
    if (verdict.reason !== 'ended') await endWithAudit(database, row, verdict.reason, request);
    return { ok: false, reason: verdict.reason === 'ended' && row.endReason !== 'sign-out' ? 'revoked' : 'expired' };
  }
  let role = row.role ?? '';
  let registryChecked = false;
  // Fail closed: until the passkey step is done, a doctor's session opens nothing but that step.
  const passkeyPending = kind === 'doctor' && !allowPasskeyPending && passkeyGatePending(row, loaded.passkey);
  if (kind === 'doctor') {
    if (!row.hospitalCode) {
      if (passkeyPending) return { ok: false, reason: 'passkey', session: row };
      if (allowNoHospital) return { ok: true, value: { row, request, role } };
      return { ok: false, reason: 'choose-hospital', session: row };
    }
    const grant = loaded.grant && grantInForce(loaded.grant, now) ? loaded.grant : undefined;
    if (!grant) {
      await endWithAudit(database, row, 'grant-withdrawn', request);
      return { ok: false, reason: 'revoked' };
    }
    if (grant.role !== row.role) await setSessionHospital(database, row.id, grant.hospitalCode, grant.role);
    role = grant.role;
    if (now.getTime() - row.registryCheckedAt.getTime() >= REGISTRY_RECHECK_MS) {
      const licence = licenceVerdict(await deps.registry.getPractitioner(row.subject));
      if (licence.kind === 'end') {
        await endWithAudit(database, row, licence.reason, request);
        return { ok: false, reason: 'revoked' };
      }
      // A registry outage does not end sessions mid-work; the check is retried on the next request.
      registryChecked = licence.kind === 'active';
    }
  }
  if (registryChecked || needsTouch(row.lastSeenAt, now)) await touchSession(database, row.id, now, registryChecked);
  if (passkeyPending) return { ok: false, reason: 'passkey', session: row };
  return { ok: true, value: { row, request, role } };
}

function toDoctor(v: { row: SessionRow; request: RequestContext; role: string }): DoctorContext {
  return {
    kind: 'doctor',
    sessionId: v.row.id,
    licence: v.row.subject,
    displayName: v.row.displayName,
    hospitalCode: v.row.hospitalCode ?? '',
    role: v.role === 'ed' ? 'ed' : 'doctor',
    request: v.request,
  };
}

function toAdmin(v: { row: SessionRow; request: RequestContext; role: string }): AdminContext {
  return {
    kind: 'admin',
    sessionId: v.row.id,
    adminId: v.row.subject,
    displayName: v.row.displayName,
    hospitalCode: v.row.hospitalCode ?? '',
    // Fail closed: a session without a known role is a hospital admin's, never the privacy officer's.
    role: v.role === 'privacy-officer' ? 'privacy-officer' : 'admin',
    request: v.request,
  };
}

/** For pages: the signed-in doctor at their working hospital, or a redirect to sign-in / hospital choice. */
export async function requireDoctorPage(deps: GuardDeps): Promise<DoctorContext> {
  const r = await authenticate(deps, 'doctor');
  if (r.ok) return toDoctor(r.value);
  if (r.reason === 'passkey') redirect(PASSKEY_STEP_PATH);
  if (r.reason === 'choose-hospital') redirect('/select-hospital');
  redirect(r.reason === 'signed-out' || r.reason === 'wrong-kind' ? '/login' : `/login?ended=${r.reason}`);
}

/** For the hospital chooser: a signed-in doctor who may not have chosen a hospital yet. */
export async function requireDoctorSession(deps: GuardDeps): Promise<{
  sessionId: string;
  licence: string;
  displayName: string;
  hospitalCode: string | null;
  request: RequestContext;
}> {
  const r = await authenticate(deps, 'doctor', true);
  if (!r.ok) redirect(r.reason === 'passkey' ? PASSKEY_STEP_PATH : '/login');
  return {
    sessionId: r.value.row.id,
    licence: r.value.row.subject,
    displayName: r.value.row.displayName,
    hospitalCode: r.value.row.hospitalCode,
    request: r.value.request,
  };
}

/** For route handlers and server actions: the doctor, or an AppError (401) — never a redirect. */
export async function requireDoctor(deps: GuardDeps): Promise<DoctorContext> {
  const r = await authenticate(deps, 'doctor');
  if (r.ok) return toDoctor(r.value);
  if (r.reason === 'passkey') throw PASSKEY_STEP_REQUIRED;
  throw new AppError('unauthenticated', { th: 'กรุณาเข้าสู่ระบบอีกครั้ง', en: 'Please sign in again.' });
}

const PASSKEY_STEP_REQUIRED = new AppError('unauthenticated', {
  th: 'กรุณายืนยันตัวตนด้วยพาสคีย์ก่อนใช้งาน',
  en: 'Please complete the passkey step first.',
});

/** The session as the passkey step sees it: signed in with the PIN, the passkey step perhaps still to do. */
export interface DoctorPasskeyContext {
  sessionId: string;
  licence: string;
  displayName: string;
  hospitalCode: string | null;
  role: string | null;
  passkeyVerified: boolean;
  /** The facts the step is decided on (lib/passkey/policy.ts decidePasskeyStep). */
  hospitalRequires: boolean;
  request: RequestContext;
}

async function passkeyContext(deps: GuardDeps): Promise<DoctorPasskeyContext | null> {
  const r = await authenticate(deps, 'doctor', true, true);
  if (!r.ok) return null;
  const loaded = await loadSessionWithGrant(deps.db, r.value.row.id);
  const row = r.value.row;
  return {
    sessionId: row.id,
    licence: row.subject,
    displayName: row.displayName,
    hospitalCode: row.hospitalCode,
    role: row.hospitalCode ? r.value.role : null,
    passkeyVerified: row.passkeyAt !== null,
    hospitalRequires: row.hospitalCode !== null && (loaded?.passkey.required ?? true),
    request: r.value.request,
  };
}

/** For the passkey step's page: a doctor signed in with the PIN (passkey step pending or not), else sign-in. */
export async function requireDoctorPasskeyPage(deps: GuardDeps): Promise<DoctorPasskeyContext> {
  const ctx = await passkeyContext(deps);
  if (!ctx) redirect('/login');
  return ctx;
}

/** For the passkey step's actions: the same, or an AppError (401). */
export async function requireDoctorPasskeySession(deps: GuardDeps): Promise<DoctorPasskeyContext> {
  const ctx = await passkeyContext(deps);
  if (!ctx) throw new AppError('unauthenticated', { th: 'กรุณาเข้าสู่ระบบอีกครั้ง', en: 'Please sign in again.' });
  return ctx;
}

/** For admin pages of one role; an admin of the other role is sent to their own start page. */
export async function requireAdminPage(deps: GuardDeps, role: AdminRole = 'admin'): Promise<AdminContext> {
  const r = await authenticate(deps, 'admin');
  if (r.ok) {
    const admin = toAdmin(r.value);
    if (admin.role !== role) redirect(ADMIN_HOME[admin.role]);
    return admin;
  }
  redirect(r.reason === 'signed-out' || r.reason === 'wrong-kind' ? '/admin/login' : `/admin/login?ended=${r.reason}`);
}

/** For admin route handlers and server actions of one role (403 for the other role). */
export async function requireAdmin(deps: GuardDeps, role: AdminRole = 'admin'): Promise<AdminContext> {
  const r = await authenticate(deps, 'admin');
  if (r.ok) {
    const admin = toAdmin(r.value);
    if (admin.role !== role)
      throw new AppError('forbidden', {
        th: 'บัญชีนี้ไม่มีสิทธิ์ทำรายการนี้ (งานของผู้ดูแลระบบและเจ้าหน้าที่คุ้มครองข้อมูลแยกจากกัน)',
        en: 'This account may not do this (hospital admin and privacy officer work are separate).',
      });
    return admin;
  }
  throw new AppError('unauthenticated', { th: 'กรุณาเข้าสู่ระบบอีกครั้ง', en: 'Please sign in again.' });
}

/** Who is signed in, if anyone, without redirecting (for the app shell). */
export async function currentUser(deps: Pick<GuardDeps, 'db'>): Promise<{
  kind: 'doctor' | 'admin';
  displayName: string;
  hospitalCode: string | null;
  role: string | null;
} | null> {
  const sid = await sessionIdFromCookie();
  if (!sid) return null;
  const row = await loadSession(deps.db, sid);
  if (!row || row.endedAt) return null;
  return { kind: row.kind, displayName: row.displayName, hospitalCode: row.hospitalCode, role: row.role };
}
