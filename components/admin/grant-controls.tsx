'use client';

import { useRouter } from 'next/navigation';
import { useState, type SubmitEvent } from 'react';
import { DateField } from '@/components/forms/date-field';
import { useLocale } from '@/components/providers';
import { formText } from '@/lib/admin/form-data';
import type { DoctorGrantRow, GrantChangeResultView } from '@/lib/admin/view-models';
import type { MessageKey } from '@/lib/i18n/messages';

type ChangeInput =
  | { grantId: string; kind: 'role'; role: string }
  | { grantId: string; kind: 'suspend' | 'reinstate' | 'revoke' }
  | { grantId: string; kind: 'end-date'; validUntil: string };

interface Props {
  grant: DoctorGrantRow;
  /** The end date as YYYY-MM-DD in Bangkok, for the date input. */
  validUntilDate: string;
  today: string;
  change: (input: ChangeInput) => Promise<GrantChangeResultView>;
}

/**
 * Role, end date, suspend/reinstate and revoke. Each form carries the grant id; the server checks that it
 * belongs to the admin's hospital.
 */
export function GrantControls({ grant, validUntilDate, today, change }: Props) {
  const { t } = useLocale();
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; key: MessageKey } | null>(null);
  const [confirmRevoke, setConfirmRevoke] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const grantId = formText(form, 'grantId');
    const kind = formText(form, 'kind');
    let input: ChangeInput;
    if (kind === 'role') input = { grantId, kind, role: formText(form, 'role') };
    else if (kind === 'end-date') input = { grantId, kind, validUntil: formText(form, 'validUntil') };
    else if (kind === 'suspend' || kind === 'reinstate' || kind === 'revoke') input = { grantId, kind };
    else return;
    setBusy(true);
    const result = await change(input);
    setBusy(false);
    setConfirmRevoke(false);
    setMessage(result.ok ? { ok: true, key: 'admin.doctor.saved' } : { ok: false, key: `admin.error.${result.reason}` });
    if (result.ok) router.refresh();
  }

  const hidden = (kind: string) => (
    <>
      <input type="hidden" name="grantId" value={grant.id} />
      <input type="hidden" name="kind" value={kind} />
    </>
  );

  return (
    <section aria-labelledby="grant-controls-heading" className="card space-y-4">
      <h2 id="grant-controls-heading" className="text-xl font-bold">
        {t('admin.doctor.access')}
      </h2>
      <div aria-live="polite">
        {message && (
          <p
            role={message.ok ? 'status' : 'alert'}
            className={`rounded-md border p-3 font-semibold ${message.ok ? 'border-ok bg-ok-bg text-ok' : 'border-critical bg-critical-bg text-critical'}`}
          >
            {t(message.key)}
          </p>
        )}
      </div>
      {grant.status === 'revoked' ? (
        <p className="font-semibold text-critical">{t('admin.doctor.revokedNote')}</p>
      ) : (
        <>
          <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
            {hidden('role')}
            <div>
              <label htmlFor="grant-role" className="label">
                {t('admin.add.role')}
              </label>
              <select id="grant-role" name="role" className="field" defaultValue={grant.role}>
                <option value="doctor">{t('admin.role.doctor')}</option>
                <option value="ed">{t('admin.role.ed')}</option>
              </select>
            </div>
            <button type="submit" className="btn-secondary" disabled={busy}>
              {t('admin.doctor.changeRole')}
            </button>
          </form>
          <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
            {hidden('end-date')}
            <div>
              <DateField id="grant-until" name="validUntil" label={t('admin.doctor.changeEnd')} min={today} defaultValue={validUntilDate} />
            </div>
            <button type="submit" className="btn-secondary" disabled={busy}>
              {t('admin.doctor.saveEnd')}
            </button>
          </form>
          <div className="flex flex-wrap gap-3 border-t border-line pt-4">
            {grant.status === 'suspended' ? (
              <form onSubmit={submit}>
                {hidden('reinstate')}
                <button type="submit" className="btn-secondary" disabled={busy}>
                  {t('admin.doctor.reinstate')}
                </button>
              </form>
            ) : (
              <form onSubmit={submit}>
                {hidden('suspend')}
                <button type="submit" className="btn-secondary" disabled={busy || grant.status !== 'active'}>
                  {t('admin.doctor.suspend')}
                </button>
              </form>
            )}
            {confirmRevoke ? (
              <form onSubmit={submit} className="flex flex-wrap gap-3">
                {hidden('revoke')}
                <button type="submit" className="btn-danger" disabled={busy}>
                  {t('admin.doctor.revokeConfirm')}
                </button>
                <button type="button" className="btn-secondary" onClick={() => setConfirmRevoke(false)}>
                  {t('common.cancel')}
                </button>
              </form>
            ) : (
              <button type="button" className="btn-danger" onClick={() => setConfirmRevoke(true)}>
                {t('admin.doctor.revoke')}
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
