import { ANALYTE_ROWS } from './analyte-rows';
import type { AnalyteDef } from './analyte-types';
import { LOINC_ANALYTES } from './loinc-analytes';
import { VITAL_SIGNS } from './vital-signs';

function loincCodesOf(key: string): string[] {
  const out: string[] = [];
  for (const r of LOINC_ANALYTES) if (r.analyte === key) out.push(r.code);
  for (const r of VITAL_SIGNS) if (r.analyte === key) out.push(r.code);
  return out;
}

/** Every analyte with its LOINC codes filled in from the LOINC tables. */
export const ANALYTES: AnalyteDef[] = ANALYTE_ROWS.map((a) => ({ ...a, loinc: loincCodesOf(a.key) }));

/** Blood group is a coded result, not a quantity. */
export const BLOOD_GROUP_LOINC = ['882-1', '883-9'];
