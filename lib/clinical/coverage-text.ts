/** Coverage gaps as words, the same on screen, in print and in the IPS narrative. */
import type { Lang } from '../i18n/format';
import { translate, type MessageKey } from '../i18n/messages';
import type { PanelCoverage } from './coverage';

/** One line per hospital the panel lacks (in whole or in part): its name and every reason, in the reader's language. */
export function describeCoverageGaps(coverage: PanelCoverage, lang: Lang, nameOf: (hospitalCode: string) => string): string[] {
  const byHospital = new Map<string, string[]>();
  for (const gap of coverage.gaps) {
    const reasons = byHospital.get(gap.hospitalCode) ?? [];
    reasons.push(translate(lang, `coverage.reason.${gap.reason}` as MessageKey, { count: gap.count ?? 0 }));
    byHospital.set(gap.hospitalCode, reasons);
  }
  return [...byHospital].map(([code, reasons]) => `${nameOf(code)} (${reasons.join('; ')})`);
}

/** The hospitals whose absence (or unopened records) could change a check, by name. */
export function gapHospitalNames(coverage: PanelCoverage, nameOf: (hospitalCode: string) => string): string {
  return [...new Set(coverage.gaps.map((g) => g.hospitalCode))].map(nameOf).join(', ');
}
