'use client';

import Link from 'next/link';
import { DateField } from '@/components/forms/date-field';
import { useLocale } from '@/components/providers';
import { AUDIT_ACTIONS } from '@/lib/audit/actions';
import type { MessageKey } from '@/lib/i18n/messages';

export type AuditFilterField = 'doctor' | 'patient' | 'action' | 'outcome' | 'purpose' | 'from' | 'to';

/** The audit viewer's filters as a plain GET form (works without JavaScript); errors come from the server. */
export function AuditFilterForm({
  values,
  errors,
  periodText,
}: {
  values: Partial<Record<AuditFilterField, string>>;
  errors: Partial<Record<AuditFilterField, MessageKey>>;
  periodText: string | null;
}) {
  const { t } = useLocale();
  const errorOf = (f: AuditFilterField) =>
    errors[f] ? (
      <p id={`${f}-error`} className="field-error">
        {t(errors[f])}
      </p>
    ) : null;
  const described = (f: AuditFilterField) => (errors[f] ? { 'aria-invalid': true, 'aria-describedby': `${f}-error` } : {});
  return (
    <form method="get" action="/admin/audit" className="card space-y-4" aria-labelledby="audit-filters-heading">
      <h2 id="audit-filters-heading" className="text-lg font-bold">
        {t('audit.filters')}
      </h2>
      {Object.keys(errors).length > 0 && (
        <p role="alert" className="rounded-md border border-critical bg-critical-bg p-3 font-semibold text-critical">
          {t('audit.error.summary')}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <label htmlFor="f-doctor" className="label">
            {t('audit.filter.doctor')}
          </label>
          <input
            id="f-doctor"
            name="doctor"
            className="field"
            inputMode="numeric"
            autoComplete="off"
            defaultValue={values.doctor ?? ''}
            {...described('doctor')}
          />
          {errorOf('doctor')}
        </div>
        <div>
          <label htmlFor="f-patient" className="label">
            {t('audit.filter.patient')}
          </label>
          <input
            id="f-patient"
            name="patient"
            className="field"
            inputMode="numeric"
            autoComplete="off"
            defaultValue={values.patient ?? ''}
            {...described('patient')}
          />
          {errorOf('patient')}
        </div>
        <div>
          <label htmlFor="f-action" className="label">
            {t('audit.filter.action')}
          </label>
          <select id="f-action" name="action" className="field" defaultValue={values.action ?? ''} {...described('action')}>
            <option value="">{t('audit.filter.any')}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`audit.action.${a}`)}
              </option>
            ))}
          </select>
          {errorOf('action')}
        </div>
        <div>
          <label htmlFor="f-outcome" className="label">
            {t('audit.filter.outcome')}
          </label>
          <select id="f-outcome" name="outcome" className="field" defaultValue={values.outcome ?? ''} {...described('outcome')}>
            <option value="">{t('audit.filter.any')}</option>
            {(['success', 'failure', 'denied'] as const).map((o) => (
              <option key={o} value={o}>
                {t(`audit.outcome.${o}`)}
              </option>
            ))}
          </select>
          {errorOf('outcome')}
        </div>
        <div>
          <label htmlFor="f-purpose" className="label">
            {t('audit.filter.purpose')}
          </label>
          <select id="f-purpose" name="purpose" className="field" defaultValue={values.purpose ?? ''} {...described('purpose')}>
            <option value="">{t('audit.filter.any')}</option>
            {(['TREAT', 'ETREAT'] as const).map((p) => (
              <option key={p} value={p}>
                {t(`audit.purpose.${p}`)}
              </option>
            ))}
          </select>
          {errorOf('purpose')}
        </div>
        <div>
          <DateField
            id="f-from"
            name="from"
            label={t('audit.filter.from')}
            defaultValue={values.from ?? ''}
            serverError={errors.from ? t(errors.from) : undefined}
          />
        </div>
        <div>
          <DateField
            id="f-to"
            name="to"
            label={t('audit.filter.to')}
            defaultValue={values.to ?? ''}
            serverError={errors.to ? t(errors.to) : undefined}
          />
        </div>
      </div>
      {periodText && <p className="text-muted">{periodText}</p>}
      <div className="flex flex-wrap gap-3">
        <button type="submit" className="btn-primary">
          {t('audit.filter.submit')}
        </button>
        <Link href="/admin/audit" className="btn-secondary">
          {t('audit.filter.reset')}
        </Link>
      </div>
    </form>
  );
}
