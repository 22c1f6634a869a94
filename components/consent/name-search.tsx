'use client';

import { useState, type SyntheticEvent } from 'react';
import { useLocale } from '@/components/providers';
import type { NameCandidate, NameSearchResult } from '@/lib/consent/name-search';
import { parseNameSearch, type NameSearchField, type NameSearchInput } from '@/lib/consent/name-search-rules';
import { patientNames } from '@/lib/consent/view-model';
import { formatSourceDate } from '@/lib/i18n/format';
import type { MessageKey } from '@/lib/i18n/messages';
import type { FieldErrors, FieldMessage, SignedOut } from '@/lib/result';

export type SearchByNameAction = (input: NameSearchInput) => Promise<NameSearchResult | SignedOut>;

const RESULT_NOTICE: Record<'none' | 'needs-birth' | 'too-broad' | 'exchange-unavailable', MessageKey> = {
  none: 'nameSearch.result.none',
  'needs-birth': 'nameSearch.result.needsBirth',
  'too-broad': 'nameSearch.result.tooBroad',
  'exchange-unavailable': 'consent.result.unavailable',
};

const FIELDS: readonly NameSearchField[] = ['given', 'family', 'birth'];

/** Today as the browser sees it, for the birth check before sending (the server checks again with its clock). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function Field({
  id,
  label,
  value,
  onChange,
  error,
  hint,
}: {
  id: NameSearchField;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error: string | undefined;
  hint?: string;
}) {
  const described = [hint ? `name-${id}-hint` : null, error ? `name-${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <label htmlFor={`name-${id}`} className="label">
        {label}
      </label>
      <input
        id={`name-${id}`}
        name={id}
        className="field"
        autoComplete="off"
        spellCheck={false}
        inputMode={id === 'birth' ? 'numeric' : 'text'}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
      />
      {hint && (
        <p id={`name-${id}-hint`} className="mt-1 text-sm text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`name-${id}-error`} className="field-error" role="alert">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </div>
  );
}

function CandidateList({ candidates, onChoose, busy }: { candidates: NameCandidate[]; onChoose: (token: string) => void; busy: boolean }) {
  const { t, lang, calendar } = useLocale();
  return (
    <section aria-labelledby="name-candidates-title" className="space-y-3">
      <h2 id="name-candidates-title" tabIndex={-1} className="font-semibold">
        {t('nameSearch.candidates', { count: candidates.length })}
      </h2>
      <ul className="space-y-3">
        {candidates.map((c) => {
          const { primary, secondary } = patientNames(c, lang);
          const born = formatSourceDate(c.birthDate, lang, calendar);
          return (
            <li key={c.token} className="card flex flex-wrap items-center justify-between gap-3">
              <div>
                <p className="text-lg font-bold">{primary}</p>
                {secondary && secondary !== primary && <p className="text-muted">{secondary}</p>}
                <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                  <dt className="text-muted">{t('nameSearch.candidate.cid')}</dt>
                  <dd className="font-mono">{c.cidMasked}</dd>
                  <dt className="text-muted">{t('nameSearch.candidate.sex')}</dt>
                  <dd>{t(`consent.sex.${c.gender}`)}</dd>
                  <dt className="text-muted">{t('nameSearch.candidate.birth')}</dt>
                  <dd>{born}</dd>
                  <dt className="text-muted">{t('nameSearch.candidate.sharing')}</dt>
                  <dd>{t('nameSearch.candidate.sharingCount', { count: c.sharingHospitals })}</dd>
                </dl>
              </div>
              <button
                type="button"
                className="btn-secondary"
                disabled={busy}
                aria-label={`${t('nameSearch.candidate.choose')} ${primary} ${born} ${c.cidMasked}`}
                onClick={() => onChoose(c.token)}
              >
                {t('nameSearch.candidate.choose')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * Search by first name and surname (Thai or English) with, when many share the name, a birth date or year
 * in the calendar the doctor chose. Up to ten candidates, IDs masked; choosing one continues to the same
 * consent by SMS code (`onChoose` hands its sealed token to the flow). What was typed is kept on any refusal.
 */
export function NameSearch({ search, onChoose, busy }: { search: SearchByNameAction; onChoose: (token: string) => void; busy: boolean }) {
  const { t, calendar } = useLocale();
  const [values, setValues] = useState<Record<NameSearchField, string>>({ given: '', family: '', birth: '' });
  const [errors, setErrors] = useState<FieldErrors<NameSearchField>>({});
  const [notice, setNotice] = useState<FieldMessage | null>(null);
  const [candidates, setCandidates] = useState<NameCandidate[]>([]);
  const [pending, setPending] = useState(false);

  const show = (fieldErrors: FieldErrors<NameSearchField>) => {
    setErrors(fieldErrors);
    const first = FIELDS.find((f) => fieldErrors[f]);
    if (first) document.getElementById(`name-${first}`)?.focus();
  };

  async function onSubmit(event: SyntheticEvent) {
    event.preventDefault();
    if (pending) return;
    const input: NameSearchInput = { ...values, calendar };
    const checked = parseNameSearch(input, today());
    setNotice(null);
    setCandidates([]);
    if (!checked.ok) return show(checked.fieldErrors);
    setErrors({});
    setPending(true);
    let result: NameSearchResult | SignedOut;
    try {
      result = await search(input);
    } catch {
      result = { ok: false, reason: 'exchange-unavailable' };
    }
    setPending(false);
    if (result.ok) {
      setCandidates(result.candidates);
      requestAnimationFrame(() => document.getElementById('name-candidates-title')?.focus());
      return;
    }
    switch (result.reason) {
      case 'signed-out':
        window.location.assign('/login?ended=expired');
        return;
      case 'invalid':
        return show(result.fieldErrors ?? {});
      case 'name-search-limit':
        return setNotice({ key: 'nameSearch.result.limit', vars: { limit: result.limit, minutes: Math.ceil(result.retryInMs / 60_000) } });
      case 'needs-birth':
      case 'too-broad':
        setNotice({ key: RESULT_NOTICE[result.reason] });
        document.getElementById('name-birth')?.focus();
        return;
      case 'none':
      case 'exchange-unavailable':
        return setNotice({ key: RESULT_NOTICE[result.reason] });
    }
  }

  const set = (field: NameSearchField) => (v: string) => setValues((prev) => ({ ...prev, [field]: v }));
  const error = (field: NameSearchField) => {
    const e = errors[field];
    return e ? t(e.key, e.vars) : undefined;
  };
  return (
    <div className="space-y-4">
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="given" label={t('nameSearch.given')} value={values.given} onChange={set('given')} error={error('given')} />
          <Field id="family" label={t('nameSearch.family')} value={values.family} onChange={set('family')} error={error('family')} />
        </div>
        <Field
          id="birth"
          label={t('nameSearch.birth')}
          value={values.birth}
          onChange={set('birth')}
          error={error('birth')}
          hint={t(calendar === 'buddhist' ? 'nameSearch.birth.hint.buddhist' : 'nameSearch.birth.hint.gregory')}
        />
        <button type="submit" className="btn-primary w-full sm:w-auto" disabled={pending || busy}>
          {pending ? t('common.loading') : t('nameSearch.submit')}
        </button>
      </form>
      {notice && (
        <p role="alert" className="rounded-md border border-warning bg-warning-bg p-3 font-semibold text-warning">
          <span aria-hidden="true">⚠ </span>
          {t(notice.key, notice.vars)}
        </p>
      )}
      {candidates.length > 0 && <CandidateList candidates={candidates} onChoose={onChoose} busy={busy} />}
    </div>
  );
}
