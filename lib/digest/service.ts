import 'server-only';
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/append';
import type { Db } from '../db';
import { accessDigestOptins, accessDigestSends, auditLog } from '../db/schema';
import type { ExchangeClient } from '../exchange/client';
import type { RequestContext } from '../http/request-context';
import { hospitalDirectory } from '../hospitals';
import { localName } from '../i18n/local-name';
import { MAX_SMS_TEXT, type SmsGateway } from '../sms/sms-gateway';
import { composeDigest, digestDayFor, type HospitalOpens } from './rules';

export interface DigestDeps {
  db: Db;
  exchange: Pick<ExchangeClient, 'findPatient' | 'listOrganizations'>;
  sms: SmsGateway;
  now: () => Date;
}

/** Whether the patient receives the daily digest. */
export async function digestChoice(database: Db, cid: string): Promise<{ enabled: boolean; since: string | null }> {
  const [row] = await database.select().from(accessDigestOptins).where(eq(accessDigestOptins.patientCid, cid));
  return { enabled: row !== undefined, since: row?.optedInAt.toISOString() ?? null };
}

/**
 * The patient's choice, through the patient app (service token): on or off, audited (`digest-choice`, actor
 * service) in the same transaction. Choosing what is already chosen changes nothing but is still recorded.
 */
export async function setDigestChoice(
  database: Db,
  cid: string,
  enabled: boolean,
  request: RequestContext,
  now: Date,
): Promise<{ enabled: boolean; since: string | null }> {
  await database.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    if (enabled) await tx.insert(accessDigestOptins).values({ patientCid: cid, optedInAt: now }).onConflictDoNothing();
    else await tx.delete(accessDigestOptins).where(eq(accessDigestOptins.patientCid, cid));
    await appendAudit(
      tx,
      {
        actorType: 'service',
        actorId: 'patient-app',
        action: 'digest-choice',
        outcome: 'success',
        patientCid: cid,
        clientIp: request.clientIp,
        userAgent: request.userAgent,
        requestId: request.requestId,
        details: { enabled },
      },
      now,
    );
  });
  return digestChoice(database, cid);
}

/** Per opted-in patient, the day's record opens by hospital (emergency ones apart), from the audit trail. */
async function dayOpens(database: Db, from: Date, to: Date): Promise<Map<string, Map<string, { opens: number; emergency: number }>>> {
  const rows = await database
    .select({
      cid: auditLog.patientCid,
      hospital: auditLog.hospitalCode,
      opens: sql<number>`count(*)::int`,
      emergency: sql<number>`count(*) FILTER (WHERE ${auditLog.purpose} = 'ETREAT')::int`,
    })
    .from(auditLog)
    .innerJoin(accessDigestOptins, eq(accessDigestOptins.patientCid, auditLog.patientCid))
    .where(and(eq(auditLog.action, 'record-open'), eq(auditLog.outcome, 'success'), gte(auditLog.at, from), lt(auditLog.at, to)))
    .groupBy(auditLog.patientCid, auditLog.hospitalCode);
  const byPatient = new Map<string, Map<string, { opens: number; emergency: number }>>();
  for (const r of rows) {
    if (!r.cid || !r.hospital) continue;
    const m = byPatient.get(r.cid) ?? new Map<string, { opens: number; emergency: number }>();
    m.set(r.hospital, { opens: r.opens, emergency: r.emergency }); // ::int: a number on both drivers
    byPatient.set(r.cid, m);
  }
  return byPatient;
}

/** Claims (patient, day): true for the one caller whose insert made the row, on any instance. */
async function claim(database: Db, cid: string, day: string, now: Date): Promise<boolean> {
  const made = await database
    .insert(accessDigestSends)
    .values({ patientCid: cid, digestDate: day, claimedAt: now })
    .onConflictDoNothing()
    .returning({ cid: accessDigestSends.patientCid });
  return made.length === 1;
}

export interface DigestRun {
  day: string | null;
  sent: number;
  failed: number;
  noPhone: number;
  alreadyClaimed: number;
}

/**
 * Sends yesterday's digests (Bangkok days, after 08:00) to the patients who chose them and whose record was
 * opened that day. Each (patient, day) is claimed in the database before its SMS is sent, so any number
 * of instances may run this at once and each digest goes out at most once — a crash between claim and
 * send loses that day's digest rather than sending it twice (the access log in the patient app still has
 * everything). Each send is audited (`digest-send`, actor system) with counts only.
 */
export async function sendDailyDigests(deps: DigestDeps): Promise<DigestRun> {
  const now = deps.now();
  const run: DigestRun = { day: null, sent: 0, failed: 0, noPhone: 0, alreadyClaimed: 0 };
  const day = digestDayFor(now);
  if (!day) return run;
  run.day = day.date;
  const opens = await dayOpens(deps.db, day.from, day.to);
  if (opens.size === 0) return run;
  const directory = await hospitalDirectory(deps.exchange);
  for (const [cid, hospitals] of opens) {
    if (!(await claim(deps.db, cid, day.date, now))) {
      run.alreadyClaimed++;
      continue;
    }
    const found = await deps.exchange.findPatient({ cid });
    const patient = found.outcome === 'found' ? found.patient : null;
    const lang = patient?.language ?? 'th';
    let outcome: 'sent' | 'failed' | 'no-phone' = 'no-phone';
    if (patient?.phone) {
      const items: HospitalOpens[] = [...hospitals].map(([code, c]) => {
        const h = directory.get(code);
        return { hospitalName: h ? localName(lang, h.nameTh, h.nameEn) : code, ...c };
      });
      const sent = await deps.sms.send(patient.phone, composeDigest(day.date, items, lang, MAX_SMS_TEXT));
      outcome = sent.ok ? 'sent' : 'failed';
    }
    run[outcome === 'sent' ? 'sent' : outcome === 'failed' ? 'failed' : 'noPhone']++;
    await deps.db
      .update(accessDigestSends)
      .set({ outcome })
      .where(and(eq(accessDigestSends.patientCid, cid), eq(accessDigestSends.digestDate, day.date)));
    await appendAudit(
      deps.db,
      {
        actorType: 'system',
        action: 'digest-send',
        outcome: outcome === 'sent' ? 'success' : 'failure',
        patientCid: cid,
        details: {
          day: day.date,
          hospitals: hospitals.size,
          opens: [...hospitals.values()].reduce((n, c) => n + c.opens, 0),
          result: outcome,
        },
      },
      now,
    );
  }
  return run;
}
