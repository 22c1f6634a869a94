import type { Lang } from './format';

/**
 * A name the source recorded in both languages (a patient, a hospital, a body site) in the reader's
 * language; with no Thai name, the English one. This is data, not wording: the words of the screens come
 * from the catalogue (messages.ts).
 */
export function localName<T extends string | undefined>(lang: Lang, nameTh: string | null | undefined, nameEn: T): string | T {
  if (lang === 'en') return nameEn;
  return nameTh ?? nameEn;
}

/** The same name in the other language, shown beside the first so either reading finds the patient. */
export function otherName<T extends string | undefined>(lang: Lang, nameTh: string | null | undefined, nameEn: T): string | T {
  return localName(lang === 'th' ? 'en' : 'th', nameTh, nameEn);
}
