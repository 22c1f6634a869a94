import { conceptName, type NamedConcept } from '@/lib/clinical/names';
import type { Lang } from '@/lib/i18n/format';

/** A concept's name in the reader's language (the source's own display when we have none). */
export function name(lang: Lang, row: NamedConcept): string {
  return conceptName(row, lang);
}

/** Hospital codes as their names, in order, comma-separated. */
export function hospitalsText(codes: readonly string[], names: Record<string, string>): string {
  return codes.map((c) => names[c] ?? c).join(', ');
}
