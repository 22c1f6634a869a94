import { translate } from '@/lib/i18n/messages';
import type { Lang } from '@/lib/i18n/format';

/** Says that a record was matched to the terminology by its name alone (the source sent no code). */
export function NameOnlyBadge({ lang, show }: { lang: Lang; show: boolean }) {
  if (!show) return null;
  return (
    <span className="ml-1 rounded border border-warning px-1.5 text-xs font-semibold text-warning" data-testid="name-only">
      ≈ {translate(lang, 'phr.nameOnly')}
    </span>
  );
}
