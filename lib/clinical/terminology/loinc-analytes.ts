/**
 * LOINC lab codes → our analyte key, grouped by the LOINC parts that make two codes "the same test"
 * for a clinician reading a trend: the component and the quantity measured. Specimen (serum/plasma,
 * whole blood, capillary, arterial) and method variants of one component land on one analyte, so a
 * glucose from a ward glucometer and one from the central lab share a series; mass and substance
 * concentrations of one component share it too, through the molar factors in terminology.ts.
 *
 * Source: LOINC (Regenstrief Institute), parts as published in LOINC 2.78 (2024), written down by hand
 * from the author's knowledge of the codes, not copied from the LOINC table. Check every row against
 * the LOINC release (loinc.org search or the LoincTable CSV) when updating, and bump
 * LOINC_ANALYTES_VERSION. A code absent here is never guessed: it keeps the hospital's own display and
 * code and gets a series of its own.
 *
 * Parts use LOINC's abbreviations: property MCnc mass concentration, SCnc substance concentration,
 * NCnc number concentration, CCnc catalytic concentration, VFr/MFr volume/mass fraction, RelTime
 * relative time (INR), ArVRat volume rate per area (eGFR); system Ser/Plas, Bld (whole blood), BldC
 * (capillary), BldA (arterial), PPP (platelet-poor plasma).
 */

export const LOINC_ANALYTES_VERSION = 'LOINC 2.78 parts (hand-written, see header)';

export interface LoincAnalyteRow {
  code: string;
  component: string;
  property: string;
  system: string;
  scale: 'Qn';
  analyte: string;
}

const row = (code: string, component: string, property: string, system: string, analyte: string): LoincAnalyteRow => ({
  code,
  component,
  property,
  system,
  scale: 'Qn',
  analyte,
});

// The first row of each analyte is the code the sandbox sends for it.
export const LOINC_ANALYTES: readonly LoincAnalyteRow[] = [
  row('1558-6', 'Glucose^post CFst', 'MCnc', 'Ser/Plas', 'glucose'),
  row('2345-7', 'Glucose', 'MCnc', 'Ser/Plas', 'glucose'),
  row('2339-0', 'Glucose', 'MCnc', 'Bld', 'glucose'),
  row('41653-7', 'Glucose', 'MCnc', 'BldC', 'glucose'),
  row('2341-6', 'Glucose', 'MCnc', 'Bld', 'glucose'),
  row('14749-6', 'Glucose', 'SCnc', 'Ser/Plas', 'glucose'),
  row('15074-8', 'Glucose', 'SCnc', 'Bld', 'glucose'),
  row('14771-0', 'Glucose^post CFst', 'SCnc', 'Ser/Plas', 'glucose'),

  row('4548-4', 'Hemoglobin A1c/Hemoglobin.total', 'MFr', 'Bld', 'hba1c'),
  row('17856-6', 'Hemoglobin A1c/Hemoglobin.total', 'MFr', 'Bld', 'hba1c'),

  row('2160-0', 'Creatinine', 'MCnc', 'Ser/Plas', 'creatinine'),
  row('38483-4', 'Creatinine', 'MCnc', 'Bld', 'creatinine'),
  row('14682-9', 'Creatinine', 'SCnc', 'Ser/Plas', 'creatinine'),

  row('62238-1', 'Glomerular filtration rate/1.73 sq M.predicted (CKD-EPI)', 'ArVRat', 'Ser/Plas/Bld', 'egfr'),
  row('33914-3', 'Glomerular filtration rate/1.73 sq M.predicted (MDRD)', 'ArVRat', 'Ser/Plas', 'egfr'),
  row('98979-8', 'Glomerular filtration rate/1.73 sq M.predicted (CKD-EPI 2021)', 'ArVRat', 'Ser/Plas/Bld', 'egfr'),

  row('2823-3', 'Potassium', 'SCnc', 'Ser/Plas', 'potassium'),
  row('6298-4', 'Potassium', 'SCnc', 'Bld', 'potassium'),
  row('2951-2', 'Sodium', 'SCnc', 'Ser/Plas', 'sodium'),
  row('2947-0', 'Sodium', 'SCnc', 'Bld', 'sodium'),
  row('2075-0', 'Chloride', 'SCnc', 'Ser/Plas', 'chloride'),
  row('2028-9', 'Carbon dioxide', 'SCnc', 'Ser/Plas', 'bicarbonate'),
  row('1963-8', 'Bicarbonate', 'SCnc', 'Ser/Plas', 'bicarbonate'),

  row('3094-0', 'Urea nitrogen', 'MCnc', 'Ser/Plas', 'bun'),
  row('6299-2', 'Urea nitrogen', 'MCnc', 'Bld', 'bun'),
  row('17861-6', 'Calcium', 'MCnc', 'Ser/Plas', 'calcium'),
  row('49765-1', 'Calcium', 'MCnc', 'Bld', 'calcium'),
  row('2000-8', 'Calcium', 'SCnc', 'Ser/Plas', 'calcium'),

  row('718-7', 'Hemoglobin', 'MCnc', 'Bld', 'haemoglobin'),
  row('30313-1', 'Hemoglobin', 'MCnc', 'BldA', 'haemoglobin'),
  row('20509-6', 'Hemoglobin', 'MCnc', 'Bld', 'haemoglobin'),
  row('4544-3', 'Hematocrit', 'VFr', 'Bld', 'haematocrit'),
  row('20570-8', 'Hematocrit', 'VFr', 'Bld', 'haematocrit'),
  row('789-8', 'Erythrocytes', 'NCnc', 'Bld', 'rbc'),
  row('26453-1', 'Erythrocytes', 'NCnc', 'Bld', 'rbc'),
  row('6690-2', 'Leukocytes', 'NCnc', 'Bld', 'wbc'),
  row('26464-8', 'Leukocytes', 'NCnc', 'Bld', 'wbc'),
  row('777-3', 'Platelets', 'NCnc', 'Bld', 'platelets'),
  row('26515-7', 'Platelets', 'NCnc', 'Bld', 'platelets'),

  row('6301-6', 'Coagulation tissue factor induced.INR', 'RelTime', 'PPP', 'inr'),
  row('34714-6', 'Coagulation tissue factor induced.INR', 'RelTime', 'Bld', 'inr'),

  row('89579-7', 'Troponin I.cardiac (high sensitivity)', 'MCnc', 'Ser/Plas', 'troponin'),
  row('10839-9', 'Troponin I.cardiac', 'MCnc', 'Ser/Plas', 'troponin'),
  row('42757-5', 'Troponin I.cardiac', 'MCnc', 'Bld', 'troponin'),
  row('6598-7', 'Troponin T.cardiac', 'MCnc', 'Ser/Plas', 'troponin-t'),
  row('67151-1', 'Troponin T.cardiac (high sensitivity)', 'MCnc', 'Ser/Plas', 'troponin-t'),

  row('13457-7', 'Cholesterol.in LDL (calculated)', 'MCnc', 'Ser/Plas', 'ldl'),
  row('18262-6', 'Cholesterol.in LDL (direct assay)', 'MCnc', 'Ser/Plas', 'ldl'),
  row('2089-1', 'Cholesterol.in LDL', 'MCnc', 'Ser/Plas', 'ldl'),
  row('2093-3', 'Cholesterol', 'MCnc', 'Ser/Plas', 'cholesterol'),
  row('2085-9', 'Cholesterol.in HDL', 'MCnc', 'Ser/Plas', 'hdl'),
  row('2571-8', 'Triglyceride', 'MCnc', 'Ser/Plas', 'triglycerides'),

  row('1742-6', 'Alanine aminotransferase', 'CCnc', 'Ser/Plas', 'alt'),
  row('1743-4', "Alanine aminotransferase (with P-5'-P)", 'CCnc', 'Ser/Plas', 'alt'),
  row('1920-8', 'Aspartate aminotransferase', 'CCnc', 'Ser/Plas', 'ast'),
  row('6768-6', 'Alkaline phosphatase', 'CCnc', 'Ser/Plas', 'alp'),
  row('1975-2', 'Bilirubin.total', 'MCnc', 'Ser/Plas', 'bilirubin'),
  row('1751-7', 'Albumin', 'MCnc', 'Ser/Plas', 'albumin'),
  row('2524-7', 'Lactate', 'SCnc', 'Ser/Plas', 'lactate'),
  row('32693-4', 'Lactate', 'SCnc', 'Bld', 'lactate'),
];
