import 'server-only';
import type { ExchangeClient, HospitalInfo } from './exchange/client';
import type { Lang } from './i18n/format';

/** The exchange's hospital directory as a map; empty (codes shown instead of names) if it cannot be reached. */
export async function hospitalDirectory(exchange: Pick<ExchangeClient, 'listOrganizations'>): Promise<Map<string, HospitalInfo>> {
  try {
    const list = await exchange.listOrganizations();
    return new Map(list.map((h) => [h.code, h]));
  } catch {
    return new Map();
  }
}

/** "Klang Hospital (11535)" in the chosen language; the code alone when the directory is unavailable. */
export function hospitalLabel(directory: Map<string, HospitalInfo>, code: string, lang: Lang): string {
  const h = directory.get(code);
  if (!h) return code;
  return `${lang === 'th' ? h.nameTh : h.nameEn} (${code})`;
}
