/**
 * Codes that say a patient is pregnant: a problem (SNOMED CT, ICD-10 / ICD-10-TM) or a positive hCG test
 * (LOINC). Used only by the banner's pregnancy alert, which names the record it comes from.
 *
 * Sources, written down by hand: SNOMED CT International 77386006 |Pregnancy (finding)| and
 * 72892002 |Normal pregnancy (finding)|; WHO ICD-10 2019 chapter XV O00–O9A (pregnancy, childbirth and
 * the puerperium) without O80–O97 (delivery, the puerperium, sequelae: no longer pregnant) but with O98, O99 and O9A
 * (conditions complicating pregnancy), and Z33 (pregnant
 * state, incidental), Z34 (supervision of normal pregnancy), Z35 (supervision of high-risk pregnancy);
 * LOINC 2.78 2106-3 |Choriogonadotropin (pregnancy test) [Presence] in Urine| and 2118-8
 * |Choriogonadotropin (pregnancy test) [Presence] in Serum or Plasma|; SNOMED CT 10828004 |Positive|.
 * Check against the published releases when updating, and bump PREGNANCY_CODES_VERSION.
 */
export const PREGNANCY_CODES_VERSION = 'SNOMED CT Intl, ICD-10 2019, LOINC 2.78 (hand-written, see header)';

export const PREGNANCY_SNOMED: ReadonlySet<string> = new Set(['77386006', '72892002']);

/** ICD-10 prefixes (dots removed, as ICD-10-TM writes them). */
export const PREGNANCY_ICD10_PREFIXES: readonly string[] = [
  'Z33',
  'Z34',
  'Z35',
  'O0',
  'O1',
  'O2',
  'O3',
  'O4',
  'O5',
  'O6',
  'O7',
  'O98',
  'O99',
  'O9A',
];

export const PREGNANCY_TEST_LOINC: ReadonlySet<string> = new Set(['2106-3', '2118-8']);

export const POSITIVE_SNOMED = '10828004';

/** A positive hCG test older than this says nothing reliable about now. */
export const PREGNANCY_TEST_RECENT_DAYS = 90;
