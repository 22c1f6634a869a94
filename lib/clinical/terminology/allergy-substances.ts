import type { DrugClass } from './atc-classes';
import { SYSTEMS, type Coding } from './systems';

export interface AllergySubstanceDef {
  key: string;
  en: string;
  th: string;
  /** Codes hospitals use for the substance or the "allergy to X" finding. */
  codes: Coding[];
  /** The drug class this allergy implies for cross-checks; undefined for non-drug allergies. */
  drugClass?: DrugClass;
  /** Specific drug keys the allergy implies (an allergy recorded against one drug). */
  drugs?: string[];
}

export const ALLERGY_SUBSTANCES: AllergySubstanceDef[] = [
  {
    key: 'penicillin',
    en: 'Penicillins',
    th: 'ยากลุ่มเพนิซิลลิน',
    drugClass: 'penicillin',
    codes: [
      { system: SYSTEMS.snomed, code: '764146007' },
      { system: SYSTEMS.snomed, code: '91936005' },
      { system: SYSTEMS.atc, code: 'J01C' },
      { system: SYSTEMS.tmt, code: '100101' },
    ],
  },
  {
    key: 'amoxicillin',
    en: 'Amoxicillin',
    th: 'อะม็อกซีซิลลิน',
    drugClass: 'penicillin',
    drugs: ['amoxicillin'],
    codes: [
      { system: SYSTEMS.snomed, code: '372687004' },
      { system: SYSTEMS.rxnorm, code: '723' },
      { system: SYSTEMS.atc, code: 'J01CA04' },
    ],
  },
  {
    key: 'cephalosporin',
    en: 'Cephalosporins',
    th: 'ยากลุ่มเซฟาโลสปอริน',
    drugClass: 'cephalosporin',
    codes: [
      { system: SYSTEMS.snomed, code: '373262009' },
      { system: SYSTEMS.atc, code: 'J01DD' },
    ],
  },
  {
    key: 'sulfonamide',
    en: 'Sulfonamides',
    th: 'ยากลุ่มซัลโฟนาไมด์',
    drugClass: 'sulfonamide',
    codes: [
      { system: SYSTEMS.snomed, code: '387406002' },
      { system: SYSTEMS.snomed, code: '91939003' },
      { system: SYSTEMS.tmt, code: '100205' },
    ],
  },
  {
    key: 'nsaid',
    en: 'NSAIDs',
    th: 'ยากลุ่มเอ็นเสด',
    drugClass: 'nsaid',
    codes: [
      { system: SYSTEMS.snomed, code: '16403005' },
      { system: SYSTEMS.atc, code: 'M01A' },
    ],
  },
  {
    key: 'aspirin',
    en: 'Aspirin',
    th: 'แอสไพริน',
    drugClass: 'nsaid',
    drugs: ['aspirin'],
    codes: [
      { system: SYSTEMS.snomed, code: '387458008' },
      { system: SYSTEMS.rxnorm, code: '1191' },
    ],
  },
  {
    key: 'shellfish',
    en: 'Shellfish',
    th: 'อาหารทะเลประเภทกุ้ง หอย',
    codes: [
      { system: SYSTEMS.snomed, code: '227037002' },
      { system: SYSTEMS.snomed, code: '300913006' },
    ],
  },
  { key: 'latex', en: 'Latex', th: 'ยางธรรมชาติ (ลาเท็กซ์)', codes: [{ system: SYSTEMS.snomed, code: '111088007' }] },
  {
    key: 'iodinated-contrast',
    en: 'Iodinated contrast media',
    th: 'สารทึบรังสีชนิดไอโอดีน',
    codes: [{ system: SYSTEMS.snomed, code: '293637006' }],
  },
];

/**
 * The "no known allergy" codes the sandbox writes; never the same thing as "no allergies returned". The
 * core recognises these and the rest of the none-known statements from ./terminology/none-known.ts.
 */
export const NO_KNOWN_ALLERGY_CODES: Coding[] = [
  { system: SYSTEMS.snomed, code: '716186003' }, // No known allergy
  { system: SYSTEMS.snomed, code: '409137002' }, // No known drug allergy
  { system: SYSTEMS.snomed, code: '428607008' }, // No known environmental allergy
];
