import type { PanelCoverage } from '@/lib/clinical/coverage';
import { describeCoverageGaps, gapHospitalNames } from '@/lib/clinical/coverage-text';
import type { Lang } from '@/lib/i18n/format';
import { translate } from '@/lib/i18n/messages';

type Names = Record<string, string>;

/**
 * A summary panel's own statement of what it lacks: every sharing hospital not in it and why. Without it,
 * a list built from the hospitals that answered reads as the patient's whole record.
 */
export function CoverageNote({ coverage, names, lang, testId }: { coverage: PanelCoverage; names: Names; lang: Lang; testId: string }) {
  const nameOf = (code: string) => names[code] ?? code;
  if (coverage.complete) {
    return (
      <p className="mt-2 text-xs text-muted" data-testid={testId} data-complete="true">
        {translate(lang, 'coverage.allHospitals', { count: coverage.included.length })}
      </p>
    );
  }
  return (
    <div
      role="note"
      className="mt-3 rounded-md border border-warning bg-warning-bg p-2 text-sm text-ink"
      data-testid={testId}
      data-complete="false"
    >
      <span className="font-semibold text-warning">
        <span aria-hidden="true">⚠ </span>
        {translate(lang, 'coverage.lead')}
      </span>
      <ul className="ml-5 list-disc">
        {describeCoverageGaps(coverage, lang, nameOf).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

/** One line saying a check or a list could change once the missing hospitals are in; nothing when complete. */
export function CheckIncompleteNote({
  coverage,
  names,
  lang,
  what,
  testId,
}: {
  coverage: PanelCoverage;
  names: Names;
  lang: Lang;
  what: 'coverage.crossCheck' | 'coverage.conflicts';
  testId: string;
}) {
  if (coverage.complete) return null;
  return (
    <p role="note" className="mt-2 text-sm font-semibold text-warning" data-testid={testId}>
      <span aria-hidden="true">⚠ </span>
      {translate(lang, what)} {gapHospitalNames(coverage, (code) => names[code] ?? code)}
    </p>
  );
}
