/** A unit a value may arrive in and the factor that converts it to the analyte's canonical unit. */
export interface UnitConversion {
  unit: string;
  /** canonical = value × factor (+ offset) */
  factor: number;
  /** Added after the factor, for a scale whose zero differs (°F → °C); absent for every ratio scale. */
  offset?: number;
  /** g/mol of the substance when the factor turns an amount (mol) into a mass: UCUM needs it too. */
  molarMass?: number;
  /** Why a factor UCUM would not give is still right (a clinical convention), when it is one. */
  convention?: string;
}

export interface AnalyteDef {
  key: string;
  en: string;
  th: string;
  /** LOINC codes, from lib/clinical/terminology/loinc-analytes.ts and vital-signs.ts (never listed here). */
  loinc: string[];
  tmlt: string[];
  /** Canonical UCUM unit values are shown in; other commensurable units convert to it. */
  unit: string;
  conversions: UnitConversion[];
  category: 'laboratory' | 'vital-signs';
  /** Most decimals worth showing in the canonical unit; a value sent with fewer keeps its own. */
  decimals: number;
}

export type AnalyteRow = Omit<AnalyteDef, 'loinc'>;
