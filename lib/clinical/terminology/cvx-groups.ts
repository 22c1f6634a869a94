/**
 * CVX vaccine code → vaccine group(s).
 *
 * Source: CDC "CVX – Vaccines Administered" code set and CDC's CVX-to-vaccine-group mapping
 * (https://www2a.cdc.gov/vaccines/iis/iisstandards/vaccines.asp?rpt=vg), as the author knew them in
 * 2025 (groups and codes up to CVX 313 plus the non-US COVID-19 codes 510/511 used in Thailand).
 * Written by hand from that knowledge, not copied: check every row against the published table when
 * updating, and bump CVX_GROUPS_VERSION. Combination vaccines belong to every group they protect
 * against, which is how a DTaP-HepB-IPV dose counts as a tetanus dose and as a hepatitis B dose.
 * Immune globulins (e.g. CVX 13, tetanus immune globulin) are passive immunisation, not vaccines, and
 * are deliberately absent: they must never count as a tetanus vaccination.
 */

export const CVX_GROUPS_VERSION = 'CDC CVX vaccine group mapping, as of 2025 (hand-written, see header)';

/** Our group keys; the CDC group name is in VACCINE_GROUP_NAMES. */
export type VaccineGroup =
  | 'dtap' // CDC "DTAP": DTaP, DTP, DT and their combinations
  | 'td' // CDC "Td": Td, Tdap and tetanus toxoid given to adolescents and adults
  | 'hepb'
  | 'hib'
  | 'polio'
  | 'influenza'
  | 'covid19'
  | 'pneumococcal'
  | 'hpv'
  | 'mmr'
  | 'varicella'
  | 'zoster'
  | 'hepa'
  | 'meningococcal'
  | 'bcg'
  | 'je'
  | 'rabies'
  | 'typhoid'
  | 'rotavirus'
  | 'yellow-fever'
  | 'cholera'
  | 'dengue';

export const VACCINE_GROUP_NAMES: Record<VaccineGroup, string> = {
  dtap: 'DTAP',
  td: 'Td',
  hepb: 'HepB',
  hib: 'Hib',
  polio: 'POLIO',
  influenza: 'FLU',
  covid19: 'COVID-19',
  pneumococcal: 'PNEUMOCOCCAL',
  hpv: 'HPV',
  mmr: 'MMR',
  varicella: 'VARICELLA',
  zoster: 'ZOSTER',
  hepa: 'HepA',
  meningococcal: 'MENING',
  bcg: 'BCG',
  je: 'Japanese encephalitis',
  rabies: 'RABIES',
  typhoid: 'TYPHOID',
  rotavirus: 'ROTAVIRUS',
  'yellow-fever': 'YELLOW FEVER',
  cholera: 'CHOLERA',
  dengue: 'DENGUE',
};

/** Groups whose vaccines contain tetanus toxoid: a dose of any of them is a tetanus dose. */
export const TETANUS_GROUPS: ReadonlySet<VaccineGroup> = new Set<VaccineGroup>(['dtap', 'td']);

export interface CvxRow {
  /** CVX code as published (leading zero kept for one-digit codes). */
  cvx: string;
  /** Short description, for reading this table; the record shows the hospital's own display. */
  description: string;
  groups: readonly VaccineGroup[];
}

export const CVX_GROUPS: readonly CvxRow[] = [
  // Tetanus-containing
  { cvx: '01', description: 'DTP', groups: ['dtap'] },
  { cvx: '09', description: 'Td (adult), adsorbed', groups: ['td'] },
  { cvx: '20', description: 'DTaP', groups: ['dtap'] },
  { cvx: '22', description: 'DTP-Hib', groups: ['dtap', 'hib'] },
  { cvx: '28', description: 'DT (pediatric)', groups: ['dtap'] },
  { cvx: '35', description: 'Tetanus toxoid, adsorbed', groups: ['td'] },
  { cvx: '50', description: 'DTaP-Hib', groups: ['dtap', 'hib'] },
  { cvx: '102', description: 'DTP-Hib-Hep B', groups: ['dtap', 'hib', 'hepb'] },
  { cvx: '106', description: 'DTaP, 5 pertussis antigens', groups: ['dtap'] },
  { cvx: '107', description: 'DTaP, unspecified formulation', groups: ['dtap'] },
  { cvx: '110', description: 'DTaP-Hep B-IPV', groups: ['dtap', 'hepb', 'polio'] },
  { cvx: '112', description: 'Tetanus toxoid, unspecified formulation', groups: ['td'] },
  { cvx: '113', description: 'Td (adult) preservative free', groups: ['td'] },
  { cvx: '115', description: 'Tdap', groups: ['td'] },
  { cvx: '120', description: 'DTaP-Hib-IPV', groups: ['dtap', 'hib', 'polio'] },
  { cvx: '130', description: 'DTaP-IPV', groups: ['dtap', 'polio'] },
  { cvx: '138', description: 'Td (adult), not adsorbed', groups: ['td'] },
  { cvx: '139', description: 'Td (adult), unspecified formulation', groups: ['td'] },
  { cvx: '142', description: 'Tetanus toxoid, not adsorbed', groups: ['td'] },
  { cvx: '146', description: 'DTaP-IPV-Hib-HepB', groups: ['dtap', 'polio', 'hib', 'hepb'] },
  { cvx: '195', description: 'DT-IPV (non-US)', groups: ['dtap', 'polio'] },
  { cvx: '196', description: 'Td, adsorbed, preservative free, adult use, Lf unspecified', groups: ['td'] },
  { cvx: '198', description: 'DTP-hepB-Hib pentavalent (non-US)', groups: ['dtap', 'hepb', 'hib'] },
  // Influenza
  { cvx: '15', description: 'Influenza, split (incl. purified surface antigen)', groups: ['influenza'] },
  { cvx: '16', description: 'Influenza, whole virus', groups: ['influenza'] },
  { cvx: '88', description: 'Influenza, unspecified formulation', groups: ['influenza'] },
  { cvx: '111', description: 'Influenza, live, intranasal', groups: ['influenza'] },
  { cvx: '135', description: 'Influenza, high dose seasonal', groups: ['influenza'] },
  { cvx: '140', description: 'Influenza, seasonal, injectable, preservative free', groups: ['influenza'] },
  { cvx: '141', description: 'Influenza, seasonal, injectable', groups: ['influenza'] },
  { cvx: '144', description: 'Influenza, seasonal, intradermal, preservative free', groups: ['influenza'] },
  { cvx: '149', description: 'Influenza, live, intranasal, quadrivalent', groups: ['influenza'] },
  { cvx: '150', description: 'Influenza, injectable, quadrivalent, preservative free', groups: ['influenza'] },
  { cvx: '153', description: 'Influenza, injectable, MDCK, preservative free', groups: ['influenza'] },
  { cvx: '155', description: 'Influenza, recombinant, injectable, preservative free', groups: ['influenza'] },
  { cvx: '158', description: 'Influenza, injectable, quadrivalent', groups: ['influenza'] },
  { cvx: '161', description: 'Influenza, injectable, quadrivalent, preservative free, pediatric', groups: ['influenza'] },
  { cvx: '166', description: 'Influenza, intradermal, quadrivalent, preservative free', groups: ['influenza'] },
  { cvx: '168', description: 'Influenza, trivalent, adjuvanted', groups: ['influenza'] },
  { cvx: '171', description: 'Influenza, injectable, MDCK, preservative free, quadrivalent', groups: ['influenza'] },
  { cvx: '185', description: 'Influenza, recombinant, quadrivalent, preservative free', groups: ['influenza'] },
  { cvx: '186', description: 'Influenza, injectable, MDCK, quadrivalent, preservative', groups: ['influenza'] },
  { cvx: '197', description: 'Influenza, high-dose, quadrivalent', groups: ['influenza'] },
  { cvx: '205', description: 'Influenza, adjuvanted, quadrivalent', groups: ['influenza'] },
  // Hepatitis B (combinations with tetanus are listed above)
  { cvx: '08', description: 'Hep B, adolescent or pediatric', groups: ['hepb'] },
  { cvx: '42', description: 'Hep B, adolescent/high risk infant', groups: ['hepb'] },
  { cvx: '43', description: 'Hep B, adult', groups: ['hepb'] },
  { cvx: '44', description: 'Hep B, dialysis', groups: ['hepb'] },
  { cvx: '45', description: 'Hep B, unspecified formulation', groups: ['hepb'] },
  { cvx: '51', description: 'Hib-Hep B', groups: ['hib', 'hepb'] },
  { cvx: '104', description: 'Hep A-Hep B', groups: ['hepa', 'hepb'] },
  { cvx: '189', description: 'HepB-CpG', groups: ['hepb'] },
  // Hib, polio
  { cvx: '17', description: 'Hib, unspecified formulation', groups: ['hib'] },
  { cvx: '46', description: 'Hib (PRP-D)', groups: ['hib'] },
  { cvx: '47', description: 'Hib (HbOC)', groups: ['hib'] },
  { cvx: '48', description: 'Hib (PRP-T)', groups: ['hib'] },
  { cvx: '49', description: 'Hib (PRP-OMP)', groups: ['hib'] },
  { cvx: '02', description: 'OPV', groups: ['polio'] },
  { cvx: '10', description: 'IPV', groups: ['polio'] },
  { cvx: '89', description: 'Polio, unspecified formulation', groups: ['polio'] },
  { cvx: '182', description: 'OPV, unspecified', groups: ['polio'] },
  // Measles, mumps, rubella, varicella, zoster
  { cvx: '03', description: 'MMR', groups: ['mmr'] },
  { cvx: '04', description: 'M/R', groups: ['mmr'] },
  { cvx: '05', description: 'Measles', groups: ['mmr'] },
  { cvx: '06', description: 'Rubella', groups: ['mmr'] },
  { cvx: '07', description: 'Mumps', groups: ['mmr'] },
  { cvx: '38', description: 'Rubella/mumps', groups: ['mmr'] },
  { cvx: '94', description: 'MMRV', groups: ['mmr', 'varicella'] },
  { cvx: '21', description: 'Varicella', groups: ['varicella'] },
  { cvx: '121', description: 'Zoster live', groups: ['zoster'] },
  { cvx: '187', description: 'Zoster recombinant', groups: ['zoster'] },
  { cvx: '188', description: 'Zoster, unspecified formulation', groups: ['zoster'] },
  // COVID-19 (510, 511: the inactivated vaccines widely given in Thailand)
  { cvx: '207', description: 'COVID-19, mRNA, LNP-S, PF, 100 mcg/0.5 mL dose', groups: ['covid19'] },
  { cvx: '208', description: 'COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose', groups: ['covid19'] },
  { cvx: '210', description: 'COVID-19 vaccine, vector-nr, rS-ChAdOx1', groups: ['covid19'] },
  { cvx: '211', description: 'COVID-19 vaccine, subunit, rS-nanoparticle+Matrix-M1', groups: ['covid19'] },
  { cvx: '212', description: 'COVID-19 vaccine, vector-nr, rS-Ad26', groups: ['covid19'] },
  { cvx: '213', description: 'COVID-19, unspecified', groups: ['covid19'] },
  { cvx: '217', description: 'COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose, tris-sucrose', groups: ['covid19'] },
  { cvx: '218', description: 'COVID-19, mRNA, LNP-S, PF, 10 mcg/0.2 mL dose, tris-sucrose', groups: ['covid19'] },
  { cvx: '219', description: 'COVID-19, mRNA, LNP-S, PF, 3 mcg/0.2 mL dose, tris-sucrose', groups: ['covid19'] },
  { cvx: '221', description: 'COVID-19, mRNA, LNP-S, PF, 50 mcg/0.5 mL dose', groups: ['covid19'] },
  { cvx: '229', description: 'COVID-19, mRNA, LNP-S, bivalent, PF, 50 mcg/0.5 mL', groups: ['covid19'] },
  { cvx: '230', description: 'COVID-19, mRNA, LNP-S, bivalent, PF, 10 mcg/0.2 mL', groups: ['covid19'] },
  { cvx: '300', description: 'COVID-19, mRNA, LNP-S, bivalent, PF, 30 mcg/0.3 mL', groups: ['covid19'] },
  { cvx: '301', description: 'COVID-19, mRNA, LNP-S, bivalent, PF, 3 mcg/0.2 mL', groups: ['covid19'] },
  { cvx: '510', description: 'COVID-19 IV non-US vaccine (BIBP, Sinopharm)', groups: ['covid19'] },
  { cvx: '511', description: 'COVID-19 IV non-US vaccine (CoronaVac, Sinovac)', groups: ['covid19'] },
  // Pneumococcal, HPV, hepatitis A, meningococcal
  { cvx: '33', description: 'Pneumococcal polysaccharide PPV23', groups: ['pneumococcal'] },
  { cvx: '100', description: 'Pneumococcal conjugate PCV 7', groups: ['pneumococcal'] },
  { cvx: '109', description: 'Pneumococcal, unspecified formulation', groups: ['pneumococcal'] },
  { cvx: '133', description: 'Pneumococcal conjugate PCV 13', groups: ['pneumococcal'] },
  { cvx: '152', description: 'Pneumococcal conjugate, unspecified formulation', groups: ['pneumococcal'] },
  { cvx: '215', description: 'Pneumococcal conjugate PCV15', groups: ['pneumococcal'] },
  { cvx: '216', description: 'Pneumococcal conjugate PCV20', groups: ['pneumococcal'] },
  { cvx: '62', description: 'HPV, quadrivalent', groups: ['hpv'] },
  { cvx: '118', description: 'HPV, bivalent', groups: ['hpv'] },
  { cvx: '137', description: 'HPV, unspecified formulation', groups: ['hpv'] },
  { cvx: '165', description: 'HPV9', groups: ['hpv'] },
  { cvx: '31', description: 'Hep A, pediatric, unspecified formulation', groups: ['hepa'] },
  { cvx: '52', description: 'Hep A, adult', groups: ['hepa'] },
  { cvx: '83', description: 'Hep A, ped/adol, 2 dose', groups: ['hepa'] },
  { cvx: '84', description: 'Hep A, ped/adol, 3 dose', groups: ['hepa'] },
  { cvx: '85', description: 'Hep A, unspecified formulation', groups: ['hepa'] },
  { cvx: '32', description: 'Meningococcal MPSV4', groups: ['meningococcal'] },
  { cvx: '108', description: 'Meningococcal ACWY, unspecified formulation', groups: ['meningococcal'] },
  { cvx: '114', description: 'Meningococcal MCV4P', groups: ['meningococcal'] },
  { cvx: '136', description: 'Meningococcal MCV4O', groups: ['meningococcal'] },
  { cvx: '147', description: 'Meningococcal MCV4, unspecified formulation', groups: ['meningococcal'] },
  { cvx: '148', description: 'Meningococcal C/Y-Hib PRP', groups: ['meningococcal', 'hib'] },
  { cvx: '162', description: 'Meningococcal B, recombinant', groups: ['meningococcal'] },
  { cvx: '163', description: 'Meningococcal B, OMV', groups: ['meningococcal'] },
  { cvx: '203', description: 'Meningococcal polysaccharide (groups A, C, Y, W-135) TT conjugate', groups: ['meningococcal'] },
  // Other
  { cvx: '19', description: 'BCG', groups: ['bcg'] },
  { cvx: '39', description: 'Japanese encephalitis SC', groups: ['je'] },
  { cvx: '129', description: 'Japanese encephalitis, unspecified formulation', groups: ['je'] },
  { cvx: '134', description: 'Japanese encephalitis IM', groups: ['je'] },
  { cvx: '18', description: 'Rabies, intramuscular injection', groups: ['rabies'] },
  { cvx: '40', description: 'Rabies, intradermal injection', groups: ['rabies'] },
  { cvx: '90', description: 'Rabies, unspecified formulation', groups: ['rabies'] },
  { cvx: '175', description: 'Rabies, human diploid cell culture', groups: ['rabies'] },
  { cvx: '176', description: 'Rabies, purified chick embryo cell culture', groups: ['rabies'] },
  { cvx: '25', description: 'Typhoid, oral', groups: ['typhoid'] },
  { cvx: '41', description: 'Typhoid, parenteral', groups: ['typhoid'] },
  { cvx: '53', description: 'Typhoid, parenteral, AKD (U.S. military)', groups: ['typhoid'] },
  { cvx: '91', description: 'Typhoid, unspecified formulation', groups: ['typhoid'] },
  { cvx: '101', description: 'Typhoid, ViCPs', groups: ['typhoid'] },
  { cvx: '74', description: 'Rotavirus, tetravalent', groups: ['rotavirus'] },
  { cvx: '116', description: 'Rotavirus, pentavalent', groups: ['rotavirus'] },
  { cvx: '119', description: 'Rotavirus, monovalent', groups: ['rotavirus'] },
  { cvx: '122', description: 'Rotavirus, unspecified formulation', groups: ['rotavirus'] },
  { cvx: '37', description: 'Yellow fever', groups: ['yellow-fever'] },
  { cvx: '183', description: 'Yellow fever vaccine alternative formulation', groups: ['yellow-fever'] },
  { cvx: '184', description: 'Yellow fever, unspecified formulation', groups: ['yellow-fever'] },
  { cvx: '26', description: 'Cholera, unspecified formulation', groups: ['cholera'] },
  { cvx: '173', description: 'Cholera, BivWC', groups: ['cholera'] },
  { cvx: '174', description: 'Cholera, live attenuated', groups: ['cholera'] },
  { cvx: '56', description: 'Dengue fever tetravalent', groups: ['dengue'] },
];
