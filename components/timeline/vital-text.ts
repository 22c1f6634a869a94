import type { Lang } from '@/lib/i18n/format';
import type { LabPoint } from '@/lib/clinical/types';
import { displayUnit } from '@/lib/clinical/unit-display';
import { formatResultValue } from '@/lib/clinical/result-format';
import { translate } from '@/lib/i18n/messages';

/** The value as shown (converted), e.g. "37.4 °C". */
export function shownValue(analyteKey: string, p: LabPoint): string {
  return `${formatResultValue(analyteKey, p.value, p.unit)} ${displayUnit(p.unit)}`.trim();
}

/** The value as the hospital sent it, e.g. "99.3 °F". */
export function sentValue(p: LabPoint): string {
  return `${p.originalValue} ${displayUnit(p.originalUnit)}`.trim();
}

/** "37.4 °C (as sent: 99.3 °F)": the converted value, and the hospital's own when it differs. */
export function valueWithSource(analyteKey: string, p: LabPoint, lang: Lang): string {
  const shown = shownValue(analyteKey, p);
  return p.originalValue === p.value && p.originalUnit === p.unit
    ? shown
    : `${shown} (${translate(lang, 'vitals.asSent', { value: sentValue(p) })})`;
}
