/** The clinical core's public surface: pure functions safe for both server and browser. */
export * from './types';
export { toClinicalFacts, isSealed, isStub, sealFact, sealSensitiveFacts } from './facts';
export { mergeTimeline, checkAllergyMedication, timeOf, dayOf } from './merge';
export { buildEmergencySummary, EMERGENCY_LAB_KEYS } from './emergency-summary';
export { analyteName, conceptName, medicationName } from './names';
export { toCanonical, canonicalUnitOf, normaliseUnit } from './units';
export { formatResultValue, formatResultRange } from './result-format';
