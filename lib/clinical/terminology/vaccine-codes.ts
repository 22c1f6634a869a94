/**
 * Vaccine product codes other than CVX → the same vaccine groups as the CVX table (./cvx-groups.ts), so a
 * DTaP-IPV dose sent as SNOMED CT 871878002 or ATC J07CA02 counts as a tetanus dose, as CVX 130 does.
 *
 * Sources, written by hand (check each row against the release when updating, and bump the version):
 * - SNOMED CT International, vaccine product hierarchy (< 787859002 |Vaccine product|, the IPS 2.0.0
 *   vaccines-uv-ips value set); SNOMED CT-AU (AMT) for the Australian products met in the HL7 AU corpus.
 *   The descriptions are SNOMED CT's own names, shortened.
 * - WHO ATC, group J07 (vaccines). A row of 5 characters is an ATC chemical subgroup (J07AM tetanus
 *   toxoid, J07BB influenza, …) and covers every code under it; a 7-character row is one substance.
 *   J07CA (combined bacterial and viral vaccines) is listed code by code, because not every combination
 *   in it contains tetanus (J07CA04 Hib-polio, J07CA08 Hib-hepatitis B, J07CA10 typhoid-hepatitis A).
 * Immune globulins (ATC J06, SNOMED immunoglobulin products) are not vaccines and are deliberately absent.
 */
import type { VaccineGroup } from './cvx-groups';

export const VACCINE_CODES_VERSION = 'SNOMED CT International + SNOMED CT-AU vaccine products, WHO ATC J07 (hand-written, see header)';

export interface VaccineCodeRow {
  code: string;
  description: string;
  groups: readonly VaccineGroup[];
}

/** SNOMED CT vaccine products (International unless noted). */
export const SNOMED_VACCINES: readonly VaccineCodeRow[] = [
  // Tetanus-containing
  { code: '863911006', description: 'Clostridium tetani antigen-containing vaccine product', groups: ['td'] },
  {
    code: '871826000',
    description: 'Clostridium tetani and Corynebacterium diphtheriae antigens only vaccine product (Td)',
    groups: ['td'],
  },
  {
    code: '871875004',
    description: 'Bordetella pertussis, Clostridium tetani and Corynebacterium diphtheriae antigens only vaccine product',
    groups: ['dtap'],
  },
  {
    code: '871878002',
    description: 'Bordetella pertussis, Clostridium tetani, Corynebacterium diphtheriae and Human poliovirus antigens only vaccine product',
    groups: ['dtap', 'polio'],
  },
  {
    code: '871886002',
    description: 'B. pertussis, C. tetani, C. diphtheriae, Hib and hepatitis B virus antigens only vaccine product',
    groups: ['dtap', 'hib', 'hepb'],
  },
  {
    code: '871895005',
    description: 'B. pertussis, C. tetani, C. diphtheriae, Hib, hepatitis B virus and Human poliovirus antigens only vaccine product',
    groups: ['dtap', 'hib', 'hepb', 'polio'],
  },
  // SNOMED CT-AU (AMT): adult dTpa, as in the HL7 AU patient summary examples
  {
    code: '1789171000168108',
    description: 'Diphtheria + tetanus + pertussis 5 component adolescent/adult vaccine injection, 0.5 mL syringe (SNOMED CT-AU)',
    groups: ['td'],
  },
  // Others
  { code: '1181000221105', description: 'Influenza virus antigen only vaccine product', groups: ['influenza'] },
  { code: '1119349007', description: 'SARS-CoV-2 mRNA vaccine', groups: ['covid19'] },
  { code: '1119305005', description: 'SARS-CoV-2 antigen vaccine', groups: ['covid19'] },
  { code: '1730491000168104', description: 'Spikevax 50 microgram/0.5 mL injection, 0.5 mL syringe (SNOMED CT-AU)', groups: ['covid19'] },
];

/** WHO ATC J07: 5-character rows cover their whole subgroup, 7-character rows one code. */
export const ATC_VACCINES: readonly VaccineCodeRow[] = [
  // Tetanus-containing
  { code: 'J07AM', description: 'Tetanus vaccines (tetanus toxoid, alone or with diphtheria toxoid)', groups: ['td'] },
  { code: 'J07AJ51', description: 'Pertussis, inactivated, whole cell, combinations with toxoids', groups: ['dtap'] },
  { code: 'J07AJ52', description: 'Pertussis, purified antigen, combinations with toxoids', groups: ['dtap'] },
  { code: 'J07CA01', description: 'Diphtheria-poliomyelitis-tetanus', groups: ['td', 'polio'] },
  { code: 'J07CA02', description: 'Diphtheria-pertussis-poliomyelitis-tetanus', groups: ['dtap', 'polio'] },
  { code: 'J07CA03', description: 'Diphtheria-rubella-tetanus', groups: ['td', 'mmr'] },
  { code: 'J07CA05', description: 'Diphtheria-hepatitis B-pertussis-tetanus', groups: ['dtap', 'hepb'] },
  { code: 'J07CA06', description: 'Diphtheria-haemophilus influenzae B-pertussis-poliomyelitis-tetanus', groups: ['dtap', 'hib', 'polio'] },
  { code: 'J07CA07', description: 'Diphtheria-hepatitis B-tetanus', groups: ['td', 'hepb'] },
  {
    code: 'J07CA09',
    description: 'Diphtheria-haemophilus influenzae B-pertussis-poliomyelitis-tetanus-hepatitis B',
    groups: ['dtap', 'hib', 'polio', 'hepb'],
  },
  { code: 'J07CA11', description: 'Diphtheria-haemophilus influenzae B-pertussis-tetanus-hepatitis B', groups: ['dtap', 'hib', 'hepb'] },
  { code: 'J07CA12', description: 'Diphtheria-pertussis-poliomyelitis-tetanus-hepatitis B', groups: ['dtap', 'polio', 'hepb'] },
  {
    code: 'J07CA13',
    description: 'Diphtheria-haemophilus influenzae B-pertussis-tetanus-hepatitis B-meningococcus A + C',
    groups: ['dtap', 'hib', 'hepb', 'meningococcal'],
  },
  // Combinations without tetanus
  { code: 'J07CA04', description: 'Haemophilus influenzae B and poliomyelitis', groups: ['hib', 'polio'] },
  { code: 'J07CA08', description: 'Haemophilus influenzae B and hepatitis B', groups: ['hib', 'hepb'] },
  { code: 'J07CA10', description: 'Typhoid-hepatitis A', groups: ['typhoid', 'hepa'] },
  // Single-disease subgroups and substances
  { code: 'J07AE', description: 'Cholera vaccines', groups: ['cholera'] },
  { code: 'J07AG', description: 'Haemophilus influenzae B vaccines', groups: ['hib'] },
  { code: 'J07AH', description: 'Meningococcal vaccines', groups: ['meningococcal'] },
  { code: 'J07AL', description: 'Pneumococcal vaccines', groups: ['pneumococcal'] },
  { code: 'J07AN01', description: 'Tuberculosis, live attenuated (BCG)', groups: ['bcg'] },
  { code: 'J07AP', description: 'Typhoid vaccines', groups: ['typhoid'] },
  { code: 'J07BA02', description: 'Encephalitis, Japanese, inactivated, whole virus', groups: ['je'] },
  { code: 'J07BA03', description: 'Encephalitis, Japanese, live attenuated', groups: ['je'] },
  { code: 'J07BB', description: 'Influenza vaccines', groups: ['influenza'] },
  { code: 'J07BC01', description: 'Hepatitis B, purified antigen', groups: ['hepb'] },
  { code: 'J07BC02', description: 'Hepatitis A, inactivated, whole virus', groups: ['hepa'] },
  { code: 'J07BD52', description: 'Measles, combinations with mumps and rubella, live attenuated', groups: ['mmr'] },
  { code: 'J07BF', description: 'Poliomyelitis vaccines', groups: ['polio'] },
  { code: 'J07BG', description: 'Rabies vaccines', groups: ['rabies'] },
  { code: 'J07BH', description: 'Rota virus diarrhea vaccines', groups: ['rotavirus'] },
  { code: 'J07BK01', description: 'Varicella, live attenuated', groups: ['varicella'] },
  { code: 'J07BK02', description: 'Zoster, live attenuated', groups: ['zoster'] },
  { code: 'J07BK03', description: 'Zoster, purified antigen', groups: ['zoster'] },
  { code: 'J07BL', description: 'Yellow fever vaccines', groups: ['yellow-fever'] },
  { code: 'J07BM', description: 'Papillomavirus vaccines', groups: ['hpv'] },
  { code: 'J07BN', description: 'Covid-19 vaccines', groups: ['covid19'] },
];
