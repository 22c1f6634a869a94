'use client';

import { useLocale } from '@/components/providers';

export function PrintButton() {
  const { t } = useLocale();
  return (
    <button type="button" className="btn-secondary" onClick={() => window.print()}>
      {t('common.print')}
    </button>
  );
}
