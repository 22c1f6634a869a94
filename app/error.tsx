'use client';

import { useLocale } from '@/components/providers';

/** Any unexpected error in a page: say so plainly, offer to retry; never show the error's details. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { t } = useLocale();
  return (
    <div role="alert" className="card mx-auto max-w-xl space-y-3 border-critical">
      <h1 className="text-xl font-bold text-critical">{t('error.title')}</h1>
      <button type="button" className="btn-primary" onClick={reset}>
        {t('common.retry')}
      </button>
    </div>
  );
}
