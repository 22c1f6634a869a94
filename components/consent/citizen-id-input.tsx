'use client';

import { useLocale } from '@/components/providers';
import { formatPartialCitizenId } from '@/lib/consent/schemas';

interface Props {
  value: string;
  onChange: (formatted: string) => void;
  error?: string;
  warning?: string;
}

/** The 13-digit ID as printed on the card; takes digits, spaces or dashes (typed or pasted) and shows `1-2345-67890-12-3`. */
export function CitizenIdInput({ value, onChange, error, warning }: Props) {
  const { t } = useLocale();
  const described = ['cid-hint', error ? 'cid-error' : null, warning ? 'cid-warning' : null].filter(Boolean).join(' ');
  return (
    <div>
      <label htmlFor="cid" className="label">
        {t('consent.cid.label')}
      </label>
      <div className="rounded-lg border-2 border-brand/40 bg-info-bg p-3">
        <input
          id="cid"
          name="cid"
          className="field font-mono text-2xl tracking-widest"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          placeholder="x-xxxx-xxxxx-xx-x"
          maxLength={17}
          value={value}
          onChange={(e) => onChange(formatPartialCitizenId(e.target.value))}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
        />
      </div>
      <p id="cid-hint" className="mt-1 text-sm text-muted">
        {t('consent.cid.hint')}
      </p>
      {error && (
        <p id="cid-error" className="field-error" role="alert">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
      {warning && (
        <p id="cid-warning" className="mt-1 rounded-md border border-warning bg-warning-bg p-2 text-sm font-semibold text-warning">
          {warning}
        </p>
      )}
    </div>
  );
}
