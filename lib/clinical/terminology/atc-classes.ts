/**
 * ATC prefixes → the drug classes this product reasons about: high-risk classes for the emergency view
 * and allergy cross-check classes. A drug is classified by its ATC code (from the hospital, or from the
 * drug table for TMT/RxNorm-coded drugs), so a drug our tables have never heard of is still flagged when
 * its ATC code falls under a high-risk group. The longest matching prefix wins; a `null` class is an
 * explicit exception inside a wider group (antiplatelet aspirin sits under B01A but is no anticoagulant).
 *
 * Source: WHO Collaborating Centre for Drug Statistics Methodology, ATC/DDD Index 2025, groups written
 * down by hand. Check against the published index (https://atcddd.fhi.no/atc_ddd_index/) when updating,
 * and bump ATC_CLASSES_VERSION. The class choice (which groups are "high-risk") is ours, after ISMP's
 * list of high-alert medications.
 */

export const ATC_CLASSES_VERSION = 'WHO ATC/DDD Index 2025 (hand-written, see header)';

export type HighRiskClass =
  'anticoagulant' | 'insulin' | 'antidiabetic' | 'antiepileptic' | 'antiarrhythmic' | 'immunosuppressant' | 'antineoplastic' | 'opioid';

/** Drug classes used for allergy ↔ medication cross-checks. */
export type DrugClass = 'penicillin' | 'cephalosporin' | 'sulfonamide' | 'nsaid' | 'statin' | 'ace-inhibitor' | 'other';

export const ATC_HIGH_RISK: readonly (readonly [prefix: string, cls: HighRiskClass | null])[] = [
  ['B01A', 'anticoagulant'], // antithrombotic agents
  ['B01AC', null], // platelet aggregation inhibitors: not anticoagulants
  ['A10A', 'insulin'], // insulins and analogues
  ['A10B', 'antidiabetic'], // blood glucose lowering drugs, excl. insulins
  ['N03A', 'antiepileptic'],
  ['C01B', 'antiarrhythmic'], // antiarrhythmics, class I and III
  ['C01AA', 'antiarrhythmic'], // digitalis glycosides
  ['L04A', 'immunosuppressant'],
  ['L01', 'antineoplastic'], // antineoplastic agents
  ['N02A', 'opioid'],
  ['N07BC', 'opioid'], // drugs used in opioid dependence (methadone, buprenorphine)
];

export const ATC_DRUG_CLASS: readonly (readonly [prefix: string, cls: DrugClass])[] = [
  ['J01C', 'penicillin'], // beta-lactam antibacterials, penicillins
  ['J01D', 'cephalosporin'], // other beta-lactams (cephalosporins, carbapenems)
  ['J01E', 'sulfonamide'], // sulfonamides and trimethoprim
  ['M01A', 'nsaid'],
  ['N02BA', 'nsaid'], // salicylic acid and derivatives
  ['B01AC06', 'nsaid'], // acetylsalicylic acid as antiplatelet: still aspirin to an allergy
  ['C10AA', 'statin'], // HMG CoA reductase inhibitors
  ['C09A', 'ace-inhibitor'],
  ['C09B', 'ace-inhibitor'], // ACE inhibitors, combinations
];
