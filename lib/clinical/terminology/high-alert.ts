/**
 * Which high-risk drug classes the patient banner names. The classes come from the ATC table
 * (atc-classes.ts, WHO ATC/DDD Index 2025, so methotrexate L01BA01 / L04AX03 and digoxin C01AA05 are
 * classed by their ATC code); this table says which of them are high-alert medications, where a wrong dose
 * or an interaction causes significant harm and the next prescriber must see them before anything else.
 *
 * Source: ISMP List of High-Alert Medications in Acute Care Settings (2024) and in Community/Ambulatory
 * Healthcare (2021), written down by hand: anticoagulants (warfarin, DOACs, heparins), insulins, opioids,
 * chemotherapeutic agents including oral methotrexate, immunosuppressants, and antiarrhythmics with
 * digoxin. Oral antidiabetics other than insulin and antiepileptics are high-risk in the emergency
 * summary but not ISMP high-alert classes, so the banner leaves them to the medication list. Check against
 * https://www.ismp.org/recommendations when updating, and bump HIGH_ALERT_VERSION.
 */
import type { HighRiskClass } from './atc-classes';

export const HIGH_ALERT_VERSION = 'ISMP high-alert medications, acute care 2024 and community 2021 (hand-written, see header)';

/** High-risk classes shown on the banner, in the order the banner lists them (most immediately dangerous first). */
export const BANNER_HIGH_ALERT_CLASSES: readonly HighRiskClass[] = [
  'anticoagulant',
  'insulin',
  'opioid',
  'antineoplastic',
  'immunosuppressant',
  'antiarrhythmic',
];
