import { z } from 'zod';
import { PROVINCE_EXTENSION, PROVINCE_SYSTEM, PROVINCES, provinceByCode } from '../geo/provinces';

const addressSchema = z.looseObject({
  use: z.string().optional(),
  state: z.string().optional(),
  extension: z
    .array(
      z.looseObject({
        url: z.string().optional(),
        valueCoding: z.looseObject({ system: z.string().optional(), code: z.string().optional() }).optional(),
      }),
    )
    .optional(),
});

const BY_NAME = new Map(PROVINCES.flatMap((p) => [[p.nameTh, p.code] as const, [p.nameEn.toLowerCase(), p.code] as const]));

/** A province written out (`state`), as Thai addresses do: "จังหวัดเชียงใหม่", "จ.เชียงใหม่", "Chiang Mai". */
function codeOfName(state: string | undefined): string | undefined {
  const name = state
    ?.trim()
    .replace(/^(จังหวัด|จ\.)\s*/, '')
    .toLowerCase();
  return name ? BY_NAME.get(name) : undefined;
}

/**
 * The DOPA code of the province of a FHIR resource's address (Patient: the home address first; Organization:
 * its only one), or undefined. The coded extension is believed first, then a `state` that names a province
 * exactly; anything else (a malformed address, an unknown name) gives undefined: an unknown province never
 * makes a patient "outside the catchment". Never throws: an address is no reason to refuse a patient.
 */
export function provinceOf(address: unknown): string | undefined {
  const list = z.array(z.unknown()).safeParse(address);
  if (!list.success) return undefined;
  const parsed = list.data.flatMap((a) => {
    const r = addressSchema.safeParse(a);
    return r.success ? [r.data] : [];
  });
  const ordered = [...parsed.filter((a) => a.use === 'home'), ...parsed.filter((a) => a.use !== 'home' && a.use !== 'old')];
  for (const a of ordered) {
    const coded = a.extension?.find((e) => e.url === PROVINCE_EXTENSION && e.valueCoding?.system === PROVINCE_SYSTEM)?.valueCoding?.code;
    const code = provinceByCode(coded)?.code ?? codeOfName(a.state);
    if (code) return code;
  }
  return undefined;
}
