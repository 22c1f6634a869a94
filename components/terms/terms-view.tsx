'use client';

import { useLocale } from '@/components/providers';
import type { TermsText } from '@/lib/terms/content';

/**
 * The terms of use and the one way past them: tick, accept. The version shown travels with the form, so
 * a doctor who read an older text accepts nothing (the server answers `stale`).
 */
export function TermsView({
  text,
  version,
  error,
  accept,
}: {
  text: TermsText;
  version: string;
  error: 'invalid' | 'stale' | null;
  accept: (form: FormData) => Promise<void>;
}) {
  const { t } = useLocale();
  return (
    <form action={accept} className="card space-y-4" aria-describedby={error ? 'terms-error' : undefined}>
      <div>
        <h1 className="text-2xl font-bold">{text.title}</h1>
        <p className="text-muted">{t('terms.version', { version })}</p>
      </div>
      <p>{text.intro}</p>
      {text.sections.map((s) => (
        <section key={s.heading} className="space-y-1">
          <h2 className="font-semibold">{s.heading}</h2>
          <p>{s.body}</p>
        </section>
      ))}
      {error && (
        <p id="terms-error" className="field-error" role="alert">
          <span aria-hidden="true">⚠ </span>
          {t(error === 'stale' ? 'terms.error.stale' : 'terms.error.invalid')}
        </p>
      )}
      <input type="hidden" name="version" value={version} />
      <label className="flex min-h-11 items-center gap-3">
        <input type="checkbox" name="accept" value="yes" required className="h-5 w-5" />
        {t('terms.accept.label')}
      </label>
      <button type="submit" className="btn-primary w-full sm:w-auto">
        {t('terms.accept.submit')}
      </button>
    </form>
  );
}
