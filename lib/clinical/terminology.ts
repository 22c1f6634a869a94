/**
 * The shared terminology table: code systems and the concepts this product reasons about (lab analytes,
 * drugs with their classes, allergy substances, diagnoses, vaccines, imaging studies). The sandbox
 * generator codes its data from this table and the clinical core recognises codes through it, so a
 * concept coded differently at two hospitals (TMLT vs LOINC, TMT vs ATC vs RxNorm, ICD-10-TM vs ICD-10)
 * resolves to one key. TMT and TMLT codes here are illustrative sandbox codes, not the official releases.
 * Recognition by code system lives in ./terminology/ (CVX groups, LOINC analytes, vital signs, ATC
 * classes), each table with its source and version; this file names what the product shows.
 */
export { SYSTEMS, type Coding } from './terminology/systems';
export type { AnalyteDef, UnitConversion } from './terminology/analyte-types';
export { ANALYTES, BLOOD_GROUP_LOINC } from './terminology/analytes';
export type { DrugClass, HighRiskClass } from './terminology/atc-classes';
export * from './terminology/drugs';
export * from './terminology/allergy-substances';
export * from './terminology/concepts';
