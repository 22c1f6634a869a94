import 'server-only';
import { eq } from 'drizzle-orm';
import { adminActor, type AdminActor } from '../audit/actor';
import { appendAudit } from '../audit/append';
import type { Db } from '../db';
import { hospitalCatchments } from '../db/schema';
import type { HospitalInfo } from '../exchange/types';
import { provinceByCode } from '../geo/provinces';
import { success, type Success } from '../result';
import { catchmentOf, type Catchment } from './rules';
import type { CatchmentView } from './view-model';

/** Whether the hospital's admin has widened its catchment to the whole country (no row: its health region). */
export async function isNationwide(database: Db, hospitalCode: string): Promise<boolean> {
  const [row] = await database.select().from(hospitalCatchments).where(eq(hospitalCatchments.hospitalCode, hospitalCode));
  return row?.nationwide ?? false;
}

/** Sets the hospital's catchment (its health region, or nationwide); audited `catchment-update` with before and after. */
export async function setCatchment(admin: AdminActor, nationwide: boolean, deps: { db: Db; now: () => Date }): Promise<Success> {
  const now = deps.now();
  await deps.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const before = await isNationwide(tx, admin.hospitalCode);
    await tx
      .insert(hospitalCatchments)
      .values({ hospitalCode: admin.hospitalCode, nationwide, updatedBy: admin.adminId, updatedAt: now })
      .onConflictDoUpdate({ target: hospitalCatchments.hospitalCode, set: { nationwide, updatedBy: admin.adminId, updatedAt: now } });
    await appendAudit(
      tx,
      { ...adminActor(admin), action: 'catchment-update', outcome: 'success', details: { before, after: nationwide } },
      now,
    );
  });
  return success({});
}

/** The hospital's province as the exchange's directory gives it; undefined when it gives none or cannot answer. */
export async function hospitalProvince(
  exchange: { listOrganizations(): Promise<HospitalInfo[]> },
  hospitalCode: string,
): Promise<string | undefined> {
  try {
    return (await exchange.listOrganizations()).find((h) => h.code === hospitalCode)?.province;
  } catch {
    // An unreachable directory leaves the catchment unknown for this open: nobody counts as outside it, and
    // the next open (the patient's province is on every record-open row) judges the window again.
    return undefined;
  }
}

/** The hospital's catchment for the outside-catchment rule, read in the record open's transaction. */
export async function catchmentNow(tx: Db, hospitalCode: string, province: string | undefined): Promise<Catchment | null> {
  return catchmentOf(province, await isNationwide(tx, hospitalCode));
}

/** The catchment as the admin console shows it. */
export function toCatchmentView(province: string | undefined, nationwide: boolean): CatchmentView {
  const p = provinceByCode(province);
  return {
    provinceCode: p?.code ?? null,
    provinceTh: p?.nameTh ?? null,
    provinceEn: p?.nameEn ?? null,
    region: p?.region ?? null,
    nationwide,
  };
}
