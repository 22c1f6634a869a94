import 'server-only';
import { SYSTEMS } from '../clinical/terminology';
import { HCODE, type ExchangeConnection } from './connection';
import { ExchangeUnavailableError } from './failure';
import { provinceOf } from './province';
import { searchAll } from './search';
import type { HospitalInfo } from './types';
import { organizationSchema } from './validate';

const DIRECTORY_TTL_MS = 10 * 60 * 1000;
const MAX_DIRECTORY_PAGES = 20;
const FACILITY_KINDS = ['hospital', 'clinic', 'pharmacy'] as const;

type OrganizationType = { coding?: { system?: string; code?: string; display?: string }[]; text?: string };

/** What kind of facility an Organization is, from its explicit facility-kind coding or else its words. */
export function kindOf(org: { type?: OrganizationType[] }): HospitalInfo['kind'] {
  const explicit = (org.type ?? []).flatMap((t) => t.coding ?? []).find((c) => c.system?.endsWith('/facility-kind') === true)?.code;
  const known = FACILITY_KINDS.find((k) => k === explicit);
  if (known !== undefined) return known;
  const words = (org.type ?? [])
    .flatMap((t) => [t.text ?? '', ...(t.coding ?? []).flatMap((c) => [c.code ?? '', c.display ?? ''])])
    .join(' ')
    .toLowerCase();
  if (words.includes('pharmacy')) return 'pharmacy';
  if (words.includes('clinic')) return 'clinic';
  if (words.includes('hospital') || /\bprov\b/.test(words)) return 'hospital';
  return 'other';
}

function toHospitals(resources: readonly unknown[]): HospitalInfo[] {
  const hospitals: HospitalInfo[] = [];
  for (const raw of resources) {
    const org = organizationSchema.safeParse(raw);
    if (!org.success) continue;
    const code = org.data.identifier?.find((i) => i.system === SYSTEMS.hcode)?.value;
    if (code === undefined || !HCODE.test(code)) continue;
    const nameTh = org.data.name ?? code;
    const province = provinceOf(org.data.address);
    hospitals.push({ code, nameTh, nameEn: org.data.alias?.[0] ?? nameTh, kind: kindOf(org.data), ...(province ? { province } : {}) });
  }
  return hospitals;
}

/**
 * The exchange's hospital directory (public data), cached in memory for 10 minutes. Concurrent callers
 * share one load; when a reload fails, stale data is served rather than none.
 */
export function createDirectory(conn: ExchangeConnection): { listOrganizations(): Promise<HospitalInfo[]> } {
  let directory: { at: number; value: HospitalInfo[] } | undefined;
  let loading: Promise<HospitalInfo[]> | undefined;

  async function load(): Promise<HospitalInfo[]> {
    const r = await searchAll(conn, `${conn.baseUrl}/Organization?active=true`, 'Organization', { ...conn.auth }, MAX_DIRECTORY_PAGES);
    if (!r.ok) {
      if (directory !== undefined) return directory.value; // stale public data beats none
      throw new ExchangeUnavailableError(r.failure);
    }
    const hospitals = toHospitals(r.value);
    directory = { at: conn.now(), value: hospitals };
    return hospitals;
  }

  return {
    listOrganizations() {
      if (directory !== undefined && conn.now() - directory.at < DIRECTORY_TTL_MS) return Promise.resolve(directory.value);
      loading ??= load().finally(() => {
        loading = undefined;
      });
      return loading;
    },
  };
}
