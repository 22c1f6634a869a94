import 'server-only';
import { adminActor, type AdminActor } from '../audit/actor';
import { and, desc, eq, gt, inArray, isNull } from 'drizzle-orm';
import { appendAudit } from '../audit/append';
import type { Db } from '../db';
import { auditLog, doctorGrants, emergencyAccesses, sessions } from '../db/schema';
import type { PractitionerLookup } from '../registry/doctor-registry';
import { applyGrantChange, displayStatus, endOfThaiDay, type GrantChange, type GrantRole } from './grant-rules';
import type { GrantStatusFilter } from './schemas';
import type { AddDoctorResult, DoctorGrantRow, GrantChangeResultView, LookupResult, SignInEvent } from './view-models';

type Grant = typeof doctorGrants.$inferSelect;

function toRow(g: Grant, now: Date): DoctorGrantRow {
  return {
    id: g.id,
    licence: g.licenceNumber,
    nameTh: g.nameTh,
    nameEn: g.nameEn,
    role: g.role,
    status: displayStatus(g, now),
    since: g.createdAt.toISOString(),
    validUntil: g.validUntil?.toISOString() ?? null,
    lastSignInAt: g.lastSignInAt?.toISOString() ?? null,
  };
}

/** The doctors with a grant at this hospital, optionally only those in one status, by name. */
export async function listHospitalDoctors(
  db: Db,
  hospitalCode: string,
  filter: GrantStatusFilter,
  now = new Date(),
): Promise<DoctorGrantRow[]> {
  const rows = await db.select().from(doctorGrants).where(eq(doctorGrants.hospitalCode, hospitalCode));
  return rows
    .map((g) => toRow(g, now))
    .filter((r) => filter === 'all' || r.status === filter)
    .sort((a, b) => a.nameTh.localeCompare(b.nameTh, 'th'));
}

/** One grant, only if it belongs to this hospital (a foreign id is indistinguishable from a missing one). */
export async function findHospitalDoctor(
  db: Db,
  hospitalCode: string,
  grantId: string,
  now = new Date(),
): Promise<DoctorGrantRow | undefined> {
  const [g] = await db
    .select()
    .from(doctorGrants)
    .where(and(eq(doctorGrants.id, grantId), eq(doctorGrants.hospitalCode, hospitalCode)));
  return g ? toRow(g, now) : undefined;
}

/** The registry's answer about a licence, as the admin sees it before adding the doctor. */
export async function previewDoctor(
  db: Db,
  hospitalCode: string,
  licence: string,
  lookup: PractitionerLookup,
  now = new Date(),
): Promise<LookupResult> {
  if (lookup.outcome !== 'found') return { ok: false, reason: lookup.outcome };
  const p = lookup.practitioner;
  const [existing] = await db
    .select()
    .from(doctorGrants)
    .where(and(eq(doctorGrants.licenceNumber, licence), eq(doctorGrants.hospitalCode, hospitalCode)));
  return {
    ok: true,
    preview: {
      licence: p.licenseNumber,
      nameTh: p.nameTh,
      nameEn: p.nameEn,
      status: p.status,
      statusReason: p.statusReason ?? null,
      specialty: p.specialty,
      existing: existing ? displayStatus(existing, now) : null,
    },
  };
}

/**
 * Gives a doctor access at the admin's hospital. The registry answer is fetched by the caller on the server
 * (never taken from the browser); suspended or revoked licences cannot be added. Audited with the insert.
 */
export async function addDoctorGrant(
  db: Db,
  actor: AdminActor,
  input: { licence: string; role: GrantRole; validUntil: string },
  lookup: PractitionerLookup,
  now = new Date(),
): Promise<AddDoctorResult> {
  if (lookup.outcome !== 'found') return { ok: false, reason: lookup.outcome };
  const p = lookup.practitioner;
  if (p.licenseNumber !== input.licence) return { ok: false, reason: 'unavailable' };
  if (p.status === 'suspended') return { ok: false, reason: 'licence-suspended' };
  if (p.status === 'revoked') return { ok: false, reason: 'licence-revoked' };
  const validUntil = input.validUntil === '' ? null : endOfThaiDay(input.validUntil);
  if (input.validUntil !== '' && validUntil === null) return { ok: false, reason: 'format' };
  if (validUntil !== null && validUntil <= now) return { ok: false, reason: 'end-date-past' };
  const id = crypto.randomUUID();
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const inserted = await tx
      .insert(doctorGrants)
      .values({
        id,
        hospitalCode: actor.hospitalCode,
        licenceNumber: p.licenseNumber,
        nameTh: p.nameTh,
        nameEn: p.nameEn,
        role: input.role,
        status: 'active',
        validUntil,
        createdBy: `admin:${actor.adminId}`,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: doctorGrants.id });
    if (inserted.length === 0) return { ok: false, reason: 'already-granted' } as const;
    await appendAudit(
      tx,
      {
        ...adminActor(actor),
        action: 'grant-create',
        outcome: 'success',
        details: { grantId: id, licence: p.licenseNumber, role: input.role, validUntil: validUntil?.toISOString() ?? null },
      },
      now,
    );
    return { ok: true, grantId: id } as const;
  });
}

/**
 * Changes a grant of the admin's hospital (role, suspend, reinstate, revoke, end date). Suspension and
 * revocation also end the doctor's open sessions at this hospital. Returns null when the grant is not this
 * hospital's (the caller answers 404). Audited in the same transaction.
 */
export async function changeDoctorGrant(
  db: Db,
  actor: AdminActor,
  grantId: string,
  change: GrantChange,
  now = new Date(),
): Promise<GrantChangeResultView | null> {
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [g] = await tx
      .select()
      .from(doctorGrants)
      .where(and(eq(doctorGrants.id, grantId), eq(doctorGrants.hospitalCode, actor.hospitalCode)))
      .for('update');
    if (!g) return null;
    const result = applyGrantChange({ status: g.status, role: g.role, validUntil: g.validUntil }, change, now);
    if (!result.ok) return { ok: false, reason: result.reason };
    await tx
      .update(doctorGrants)
      .set({ ...result.next, updatedAt: now })
      .where(eq(doctorGrants.id, g.id));
    let sessionsEnded = 0;
    if (result.endsSessions) {
      const ended = await tx
        .update(sessions)
        .set({ endedAt: now, endReason: 'grant-withdrawn' })
        .where(
          and(
            eq(sessions.kind, 'doctor'),
            eq(sessions.subject, g.licenceNumber),
            eq(sessions.hospitalCode, actor.hospitalCode),
            isNull(sessions.endedAt),
          ),
        )
        .returning({ id: sessions.id });
      sessionsEnded = ended.length;
    }
    // Break-the-glass is the ED role's alone: a doctor who loses it (or the grant) loses the emergency
    // accesses still open at this hospital too, at once, instead of keeping them until they expire.
    let emergencyAccessesEnded = 0;
    if (g.role === 'ed' && (result.endsSessions || result.next.role !== 'ed')) {
      const ended = await tx
        .update(emergencyAccesses)
        .set({ endedAt: now })
        .where(
          and(
            eq(emergencyAccesses.licenceNumber, g.licenceNumber),
            eq(emergencyAccesses.hospitalCode, actor.hospitalCode),
            isNull(emergencyAccesses.endedAt),
            gt(emergencyAccesses.expiresAt, now),
          ),
        )
        .returning({ id: emergencyAccesses.id });
      emergencyAccessesEnded = ended.length;
    }
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    await appendAudit(
      tx,
      {
        ...adminActor(actor),
        action: 'grant-update',
        outcome: 'success',
        details: {
          grantId: g.id,
          licence: g.licenceNumber,
          change: change.kind,
          from: { status: g.status, role: g.role, validUntil: iso(g.validUntil) },
          to: { status: result.next.status, role: result.next.role, validUntil: iso(result.next.validUntil) },
          sessionsEnded,
          emergencyAccessesEnded,
        },
      },
      now,
    );
    return { ok: true };
  });
}

/** A doctor's sign-ins and hospital switches at this hospital, newest first. No clinical data. */
export async function listSignInHistory(db: Db, hospitalCode: string, licence: string, limit = 50): Promise<SignInEvent[]> {
  const rows = await db
    .select({ at: auditLog.at, action: auditLog.action, outcome: auditLog.outcome, clientIp: auditLog.clientIp })
    .from(auditLog)
    .where(
      and(eq(auditLog.actorId, licence), eq(auditLog.hospitalCode, hospitalCode), inArray(auditLog.action, ['sign-in', 'hospital-switch'])),
    )
    .orderBy(desc(auditLog.seq))
    .limit(limit);
  return rows.map((r) => ({
    at: r.at.toISOString(),
    action: r.action === 'sign-in' ? 'sign-in' : 'hospital-switch',
    outcome: r.outcome,
    clientIp: r.clientIp,
  }));
}
