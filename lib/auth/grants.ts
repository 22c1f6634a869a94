import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { doctorGrants } from '../db/schema';
import { grantInForce } from './session-rules';

export type Grant = typeof doctorGrants.$inferSelect;

/** The grants in force for a licence at every hospital (what the doctor may choose to work as). */
export async function listGrantsInForce(db: Db, licenceNumber: string, now = new Date()): Promise<Grant[]> {
  const rows = await db.select().from(doctorGrants).where(eq(doctorGrants.licenceNumber, licenceNumber));
  return rows.filter((g) => grantInForce(g, now)).sort((a, b) => a.hospitalCode.localeCompare(b.hospitalCode));
}

/** The grant in force for this licence at this hospital, if any. */
export async function findGrantInForce(db: Db, licenceNumber: string, hospitalCode: string, now = new Date()): Promise<Grant | undefined> {
  const [row] = await db
    .select()
    .from(doctorGrants)
    .where(and(eq(doctorGrants.licenceNumber, licenceNumber), eq(doctorGrants.hospitalCode, hospitalCode)));
  return row && grantInForce(row, now) ? row : undefined;
}
