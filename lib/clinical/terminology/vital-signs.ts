/**
 * The FHIR R4 vital-signs LOINC set: the codes the FHIR "Vital Signs" profiles (observation-vitalsigns)
 * require, plus the panel codes that group them. A hospital's vital sign with one of these codes is a
 * vital sign whatever category it carries.
 *
 * Source: HL7 FHIR R4 (4.0.1) §8.2 "Vital Signs", table of profiles and LOINC codes, written down by hand.
 * Check against the published specification (https://hl7.org/fhir/R4/observation-vitalsigns.html) when
 * updating, and bump VITAL_SIGNS_VERSION. 8287-5 (tape-measured head circumference) is kept beside the
 * profile's 9843-4 because hospitals send both.
 */

export const VITAL_SIGNS_VERSION = 'HL7 FHIR R4 4.0.1 vital signs (hand-written, see header)';

export interface VitalSignRow {
  code: string;
  /** The analyte key; absent for a panel, which carries its values in members or components. */
  analyte?: string;
  display: string;
}

// The first row of each analyte is the code the sandbox sends for it.
export const VITAL_SIGNS: readonly VitalSignRow[] = [
  { code: '85353-1', display: 'Vital signs, weight, height, head circumference, oxygen saturation and BMI panel' },
  { code: '85354-9', display: 'Blood pressure panel with all children optional' },
  { code: '8480-6', analyte: 'systolic', display: 'Systolic blood pressure' },
  { code: '8462-4', analyte: 'diastolic', display: 'Diastolic blood pressure' },
  { code: '8867-4', analyte: 'heart-rate', display: 'Heart rate' },
  { code: '9279-1', analyte: 'resp-rate', display: 'Respiratory rate' },
  { code: '8310-5', analyte: 'temperature', display: 'Body temperature' },
  { code: '59408-5', analyte: 'spo2', display: 'Oxygen saturation in Arterial blood by Pulse oximetry' },
  { code: '2708-6', analyte: 'spo2', display: 'Oxygen saturation in Arterial blood' },
  { code: '29463-7', analyte: 'weight', display: 'Body weight' },
  { code: '8302-2', analyte: 'height', display: 'Body height' },
  { code: '39156-5', analyte: 'bmi', display: 'Body mass index (BMI) [Ratio]' },
  { code: '9843-4', analyte: 'head-circumference', display: 'Head Occipital-frontal circumference' },
  { code: '8287-5', analyte: 'head-circumference', display: 'Head Occipital-frontal circumference by Tape measure' },
];
