import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { admins, doctorGrants } from '../db/schema';
import { hashPassword } from '../auth/password';
import { sealSecret } from '../auth/secret-box';
import { DEMO_ADMINS } from './demo-admins';

/** Demo access grants for the sandbox's demo doctors (see docs/sandbox.md). */
export const DEMO_GRANTS: { licence: string; nameTh: string; nameEn: string; hospitalCode: string; role: 'doctor' | 'ed' }[] = [
  { licence: '12345', nameTh: 'พญ.สมหญิง ใจดี', nameEn: 'Dr Somying Jaidee', hospitalCode: '11535', role: 'doctor' },
  { licence: '23456', nameTh: 'นพ.ประเสริฐ วงศ์สวัสดิ์', nameEn: 'Dr Prasert Wongsawat', hospitalCode: '11535', role: 'ed' },
  { licence: '23456', nameTh: 'นพ.ประเสริฐ วงศ์สวัสดิ์', nameEn: 'Dr Prasert Wongsawat', hospitalCode: '10661', role: 'doctor' },
  { licence: '34567', nameTh: 'พญ.กมลวรรณ ศรีสุข', nameEn: 'Dr Kamonwan Srisuk', hospitalCode: '11535', role: 'doctor' },
  { licence: '34567', nameTh: 'พญ.กมลวรรณ ศรีสุข', nameEn: 'Dr Kamonwan Srisuk', hospitalCode: '11536', role: 'doctor' },
  { licence: '34567', nameTh: 'พญ.กมลวรรณ ศรีสุข', nameEn: 'Dr Kamonwan Srisuk', hospitalCode: '10661', role: 'doctor' },
  { licence: '45678', nameTh: 'นพ.อนันต์ บุญมา', nameEn: 'Dr Anan Boonma', hospitalCode: '11535', role: 'doctor' },
  { licence: '56789', nameTh: 'นพ.วิชัย รุ่งเรือง', nameEn: 'Dr Wichai Rungrueang', hospitalCode: '11535', role: 'doctor' },
  { licence: '67890', nameTh: 'พญ.นภัสสร แสงทอง', nameEn: 'Dr Napatsorn Saengthong', hospitalCode: '10661', role: 'ed' },
  { licence: '13579', nameTh: 'นพ.ธนากร พิทักษ์ไทย', nameEn: 'Dr Thanakorn Pitakthai', hospitalCode: '10661', role: 'doctor' },
  { licence: '24680', nameTh: 'พญ.ศิริพร อินทรวงศ์', nameEn: 'Dr Siriporn Intarawong', hospitalCode: '11539', role: 'doctor' },
];

export { DEMO_ADMINS };

/** Inserts the demo grants and admins when missing (idempotent; never overwrites what an admin changed). */
export async function seedDemoData(db: Db, authSecret: string): Promise<void> {
  for (const g of DEMO_GRANTS) {
    await db
      .insert(doctorGrants)
      .values({
        id: crypto.randomUUID(),
        hospitalCode: g.hospitalCode,
        licenceNumber: g.licence,
        nameTh: g.nameTh,
        nameEn: g.nameEn,
        role: g.role,
        status: 'active',
        createdBy: 'demo-seed',
      })
      .onConflictDoNothing();
  }
  for (const a of DEMO_ADMINS) {
    // (The earlier test, JSON.stringify(result).includes('1'), was true on node-postgres for an empty result:
    // its metadata carries type ids, so no demo admin was ever seeded on PostgreSQL.)
    const [existing] = await db.select({ id: admins.id }).from(admins).where(eq(admins.username, a.username));
    if (existing) continue;
    await db
      .insert(admins)
      .values({
        id: crypto.randomUUID(),
        hospitalCode: a.hospitalCode,
        username: a.username,
        displayName: a.displayName,
        passwordHash: await hashPassword(a.password),
        totpSecret: sealSecret(a.totpSecret, authSecret),
        status: 'active',
        role: a.role,
      })
      .onConflictDoNothing();
  }
}
