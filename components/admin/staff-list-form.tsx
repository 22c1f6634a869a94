'use client';

import { useActionState, useState } from 'react';
import { useLocale } from '@/components/providers';
import type { StaffListFormState } from '@/lib/alerts/view-model';

/**
 * The hospital's staff list: paste IDs or choose a text file, then replace the list; or clear it. A refused
 * list keeps its text in the box (an uploaded file's too), with every bad line named, so nothing is lost.
 */
export function StaffListForm({
  action,
  hasList,
}: {
  action: (previous: StaffListFormState | null, form: FormData) => Promise<StaffListFormState>;
  hasList: boolean;
}) {
  const { t } = useLocale();
  const [state, submit, pending] = useActionState(action, null);
  // Controlled, so a refused submission keeps the text (React resets uncontrolled forms after an action).
  const [text, setText] = useState('');
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    if (state && !state.ok && state.text !== '') setText(state.text);
    if (state?.ok) setText('');
  }
  const failed = state && !state.ok ? state : null;
  return (
    <form action={submit} className="space-y-3">
      <p id="staff-help" className="text-sm text-muted">
        {t('accessRules.staff.help')}
      </p>
      {state?.ok && (
        <p role="status" className="rounded-md border border-ok bg-ok-bg p-3 font-semibold text-ok">
          {state.done === 'replaced' ? t('accessRules.staff.replaced', { count: state.entries }) : t('accessRules.staff.cleared')}
        </p>
      )}
      {failed && (
        <div id="staff-errors" role="alert" className="rounded-md border border-critical bg-critical-bg p-3 text-critical">
          <p className="font-semibold">{t('accessRules.staff.errors')}</p>
          <ul className="list-disc pl-5">
            {failed.reason === 'too-large' && <li>{t('accessRules.staff.error.tooLarge')}</li>}
            {failed.reason === 'file' && <li>{t('accessRules.staff.error.file')}</li>}
            {failed.tooMany && <li>{t('accessRules.staff.error.tooMany')}</li>}
            {failed.errors.map((e) => (
              <li key={e.line}>{t(`accessRules.staff.error.${e.problem}`, { line: e.line })}</li>
            ))}
            {failed.more > 0 && <li>{t('accessRules.staff.error.more', { count: failed.more })}</li>}
          </ul>
        </div>
      )}
      <div>
        <label htmlFor="staff-text" className="label">
          {t('accessRules.staff.text')}
        </label>
        <textarea
          id="staff-text"
          name="text"
          className="field font-mono"
          rows={8}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={failed ? true : undefined}
          aria-describedby={failed ? 'staff-help staff-errors' : 'staff-help'}
        />
      </div>
      <div>
        <label htmlFor="staff-file" className="label">
          {t('accessRules.staff.file')}
        </label>
        <input id="staff-file" name="file" type="file" accept=".txt,.csv,text/plain,text/csv" className="field" />
      </div>
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="intent" value="replace" className="btn-primary" disabled={pending}>
          {t('accessRules.staff.replace')}
        </button>
        {hasList && (
          <button type="submit" name="intent" value="clear" className="btn-secondary" disabled={pending}>
            {t('accessRules.staff.clear')}
          </button>
        )}
      </div>
    </form>
  );
}
