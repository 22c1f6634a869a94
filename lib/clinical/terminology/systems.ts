/** Code systems the product reads and writes, by their canonical URIs. */
export const SYSTEMS = {
  loinc: 'http://loinc.org',
  tmlt: 'https://terms.sil-th.org/cs/tmlt',
  tmt: 'https://terms.sil-th.org/cs/tmt',
  atc: 'http://www.whocc.no/atc',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  snomed: 'http://snomed.info/sct',
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  icd10tm: 'https://terms.sil-th.org/cs/icd-10-tm',
  cvx: 'http://hl7.org/fhir/sid/cvx',
  ucum: 'http://unitsofmeasure.org',
  dicomModality: 'http://dicom.nema.org/resources/ontology/DCM',
  hcode: 'https://terms.sil-th.org/id/th-moph-hcode',
  passport: 'https://terms.sil-th.org/id/passport',
  licence: 'https://terms.sil-th.org/id/th-medical-council-license',
} as const;

export interface Coding {
  system: string;
  code: string;
}
