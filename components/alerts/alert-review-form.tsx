'use client';

import { useActionState, useState } from 'react';
import { useLocale } from '@/components/providers';
import type { AlertReviewResult } from '@/lib/alerts/view-model';

/** The privacy officer's decision on one open alert: acknowledge, dismiss or suspend the doctor, with a note. */
export function AlertReviewForm({
  alertId,
  action,
}: {
  alertId: string;
  action: (previous: AlertReviewResult | null, form: FormData) => Promise<AlertReviewResult>;
}) {
  const { t } = useLocale();
  const [state, submit, pending] = useActionState(action, null);
  // Controlled, so a refused submission keeps the note (React resets uncontrolled forms after an action).
  const [note, setNote] = useState('');
  if (state?.ok) {
    return (
      <p role="status" className="font-semibold text-ok">
        {t('alerts.saved')}
      </p>
    );
  }
  const noteError = state && !state.ok && state.reason === 'invalid' && state.fieldErrors?.note ? t(state.fieldErrors.note.key) : null;
  const refusal =
    state && !state.ok && state.reason !== 'invalid' ? t(state.reason === 'gone' ? 'alerts.error.gone' : 'alerts.error.suspend') : null;
  return (
    <form action={submit} className="space-y-3">
      <input type="hidden" name="alertId" value={alertId} />
      <div>
        <label htmlFor={`note-${alertId}`} className="label">
          {t('alerts.note')}
        </label>
        <p id={`note-help-${alertId}`} className="text-sm text-muted">
          {t('alerts.note.help')}
        </p>
        <textarea
          id={`note-${alertId}`}
          name="note"
          className="field"
          rows={2}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-invalid={noteError ? true : undefined}
          aria-describedby={noteError ? `note-help-${alertId} note-error-${alertId}` : `note-help-${alertId}`}
        />
        {noteError && (
          <p id={`note-error-${alertId}`} className="field-error">
            {noteError}
          </p>
        )}
      </div>
      {refusal && (
        <p role="alert" className="field-error">
          {refusal}
        </p>
      )}
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="decision" value="acknowledge" className="btn-secondary" disabled={pending}>
          {t('alerts.acknowledge')}
        </button>
        <button type="submit" name="decision" value="dismiss" className="btn-secondary" disabled={pending}>
          {t('alerts.dismiss')}
        </button>
        <button type="submit" name="decision" value="suspend" className="btn-primary" disabled={pending}>
          {t('alerts.suspend')}
        </button>
      </div>
    </form>
  );
}
