'use client';

import { useActionState, useState } from 'react';
import { useLocale } from '@/components/providers';
import type { ReviewResult } from '@/lib/audit/reviews';

const OUTCOMES = ['justified', 'not-justified', 'referred'] as const;

/** Records one emergency access's review outcome and comment; errors come back from the server action. */
export function ReviewForm({
  accessId,
  action,
}: {
  accessId: string;
  action: (previous: ReviewResult | null, form: FormData) => Promise<ReviewResult>;
}) {
  const { t } = useLocale();
  const [state, submit, pending] = useActionState(action, null);
  // Controlled, so a refused submission keeps what the admin chose and typed (React resets uncontrolled forms).
  const [outcome, setOutcome] = useState('');
  const [comment, setComment] = useState('');
  const errors = state && !state.ok ? state.fieldErrors : {};
  const commentError =
    errors.comment === 'comment-long' ? t('reviews.error.comment-long') : errors.comment ? t('reviews.error.comment-short') : null;
  if (state?.ok) {
    return (
      <p role="status" className="font-semibold text-ok">
        {t('reviews.saved')}
      </p>
    );
  }
  return (
    <form action={submit} className="space-y-3">
      <input type="hidden" name="accessId" value={accessId} />
      <fieldset aria-describedby={errors.outcome ? `outcome-error-${accessId}` : undefined}>
        <legend className="label">{t('reviews.form.outcome')}</legend>
        <div className="flex flex-wrap gap-4">
          {OUTCOMES.map((o) => (
            <label key={o} className="flex items-center gap-2">
              <input type="radio" name="outcome" value={o} required checked={outcome === o} onChange={() => setOutcome(o)} />
              {t(`audit.review.${o}`)}
            </label>
          ))}
        </div>
        {errors.outcome && (
          <p id={`outcome-error-${accessId}`} className="field-error">
            {t('reviews.error.outcome')}
          </p>
        )}
      </fieldset>
      <div>
        <label htmlFor={`comment-${accessId}`} className="label">
          {t('reviews.form.comment')}
        </label>
        <textarea
          id={`comment-${accessId}`}
          name="comment"
          className="field"
          rows={2}
          maxLength={2000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          aria-invalid={commentError ? true : undefined}
          aria-describedby={commentError ? `comment-error-${accessId}` : undefined}
        />
        {commentError && (
          <p id={`comment-error-${accessId}`} className="field-error">
            {commentError}
          </p>
        )}
      </div>
      {state && !state.ok && state.message === 'already-reviewed' && (
        <p role="alert" className="field-error">
          {t('reviews.error.already')}
        </p>
      )}
      <button type="submit" className="btn-primary" disabled={pending}>
        {t('reviews.form.submit')}
      </button>
    </form>
  );
}
