'use client';

import { useRouter } from 'next/navigation';
import { useState, type SubmitEvent } from 'react';
import { DateField } from '@/components/forms/date-field';
import { useLocale } from '@/components/providers';
import { localName } from '@/lib/i18n/local-name';
import { formText } from '@/lib/admin/form-data';
import { lookupDoctorSchema } from '@/lib/admin/schemas';
import type { AddDoctorResult, LookupResult, PractitionerPreview } from '@/lib/admin/view-models';
import type { MessageKey } from '@/lib/i18n/messages';
import { GrantStatusBadge } from './status-badge';

interface Props {
  lookup: (input: { licence: string }) => Promise<LookupResult>;
  add: (input: { licence: string; role: 'doctor' | 'ed'; validUntil: string }) => Promise<AddDoctorResult>;
  today: string;
}

/** Two steps: look the licence up in the registry (shown to the admin), then confirm role and end date. */
export function AddDoctorForm({ lookup, add, today }: Props) {
  const { t, lang } = useLocale();
  const router = useRouter();
  const [preview, setPreview] = useState<PractitionerPreview | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onLookup(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const licence = formText(new FormData(event.currentTarget), 'licence');
    setDone(null);
    setPreview(null);
    if (!lookupDoctorSchema.safeParse({ licence }).success) {
      setError('admin.error.licenceFormat');
      return;
    }
    setBusy(true);
    const result = await lookup({ licence });
    setBusy(false);
    if (result.ok) {
      setError(null);
      setPreview(result.preview);
    } else {
      setError(result.reason === 'format' ? 'admin.error.licenceFormat' : `admin.error.${result.reason}`);
    }
  }

  async function onAdd(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!preview) return;
    const form = new FormData(event.currentTarget);
    const role = formText(form, 'role') === 'ed' ? 'ed' : 'doctor';
    setBusy(true);
    const result = await add({ licence: preview.licence, role, validUntil: formText(form, 'validUntil') });
    setBusy(false);
    if (result.ok) {
      setDone(t('admin.add.done', { name: localName(lang, preview.nameTh, preview.nameEn) }));
      setPreview(null);
      setError(null);
      router.refresh();
    } else {
      setError(`admin.error.${result.reason}`);
    }
  }

  const addable = preview !== null && preview.status === 'active' && preview.existing === null;
  return (
    <section aria-labelledby="add-doctor-heading" className="card space-y-4">
      <h2 id="add-doctor-heading" className="text-xl font-bold">
        {t('admin.add.title')}
      </h2>
      <form onSubmit={onLookup} noValidate className="flex flex-wrap items-end gap-3">
        <div className="min-w-60 grow">
          <label htmlFor="add-licence" className="label">
            {t('admin.add.licence')}
          </label>
          <input id="add-licence" name="licence" className="field" placeholder={t('login.licenceHint')} autoComplete="off" />
        </div>
        <button type="submit" className="btn-secondary" disabled={busy}>
          {t('admin.add.lookup')}
        </button>
      </form>
      <div aria-live="polite">
        {error && (
          <p role="alert" className="rounded-md border border-critical bg-critical-bg p-3 font-semibold text-critical">
            {t(error)}
          </p>
        )}
        {done && (
          <p role="status" className="rounded-md border border-ok bg-ok-bg p-3 font-semibold text-ok">
            {done}
          </p>
        )}
      </div>
      {preview && (
        <div className="space-y-3 rounded-md border border-line p-3" data-testid="doctor-preview">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
            <dt className="font-semibold">{t('admin.col.name')}</dt>
            <dd>
              {preview.nameTh} / {preview.nameEn}
            </dd>
            <dt className="font-semibold">{t('admin.col.licence')}</dt>
            <dd>{t('common.licence', { licence: preview.licence })}</dd>
            <dt className="font-semibold">{t('admin.add.licenceStatus')}</dt>
            <dd className={preview.status === 'active' ? 'font-semibold text-ok' : 'font-semibold text-critical'}>
              {t(`admin.licence.${preview.status}`)}
              {preview.statusReason ? ` — ${preview.statusReason}` : ''}
            </dd>
            <dd className="col-span-2 text-muted">{preview.specialty[lang]}</dd>
          </dl>
          {preview.status !== 'active' && <p className="font-semibold text-critical">{t(`admin.error.licence-${preview.status}`)}</p>}
          {preview.existing && (
            <p className="flex flex-wrap items-center gap-2 font-semibold">
              {t('admin.error.already-granted')} <GrantStatusBadge status={preview.existing} />
            </p>
          )}
          {addable && (
            <form onSubmit={onAdd} className="flex flex-wrap items-end gap-3">
              <div>
                <label htmlFor="add-role" className="label">
                  {t('admin.add.role')}
                </label>
                <select id="add-role" name="role" className="field" defaultValue="doctor">
                  <option value="doctor">{t('admin.role.doctor')}</option>
                  <option value="ed">{t('admin.role.ed')}</option>
                </select>
              </div>
              <div>
                <DateField id="add-until" name="validUntil" label={t('admin.add.validUntil')} min={today} />
              </div>
              <button type="submit" className="btn-primary" disabled={busy}>
                {t('admin.add.confirm')}
              </button>
            </form>
          )}
        </div>
      )}
    </section>
  );
}
