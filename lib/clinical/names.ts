/**
 * The one name each drug, analyte, problem or allergen carries in the reader's language. Every surface
 * (medication list, allergy↔medication cross-check, emergency summary, lab trends, print) asks here, so
 * a drug read as "Amoxicillin" in one panel is never "อะม็อกซีซิลลิน 500 มก." in the next.
 */
import type { Lang } from '../i18n/format';

/** A concept as the merge carries it: the hospital's own text and, when the terminology knows it, its names. */
export interface NamedConcept {
  display: string;
  nameTh?: string;
  nameEn?: string;
}

/**
 * The concept's name in `lang`: the terminology's name in that language, else the hospital's own text.
 * The other language's terminology name is never used: it would differ from the record the doctor opens.
 */
export function conceptName(concept: NamedConcept, lang: Lang): string {
  const named = lang === 'th' ? concept.nameTh : concept.nameEn;
  return named !== undefined && named !== '' ? named : concept.display;
}

/** A medication's name in `lang` (the same rule for the list, the cross-check and the emergency summary). */
export function medicationName(medication: NamedConcept, lang: Lang): string {
  return conceptName(medication, lang);
}

/** A lab analyte's name in `lang` (the same rule for the trends, the summary and the emergency summary). */
export function analyteName(series: NamedConcept, lang: Lang): string {
  return conceptName(series, lang);
}
