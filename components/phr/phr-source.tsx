'use client';

import { useState, type SubmitEvent } from 'react';
import type { Calendar, Lang } from '@/lib/i18n/format';
import { formatDate } from '@/lib/i18n/format';
import { translate, type MessageKey } from '@/lib/i18n/messages';
import type { PhrPostResult, PhrReadStatus } from '@/lib/phr/answer';
import type { HospitalView } from '@/lib/timeline/types';
import type { PhrState } from './use-phr';

/** The words for a refused request or code: specific for each reason, with the time or attempts left. */
function refusalText(result: Extract<PhrPostResult, { ok: false }>, lang: Lang, calendar: Calendar): string {
  switch (result.reason) {
    case 'wrong':
      return translate(lang, 'phr.error.wrong', { remaining: result.remaining });
    case 'resend-too-soon':
    case 'doctor-limit':
    case 'patient-daily-limit':
      return translate(lang, `phr.error.${result.reason}`, { time: formatDate(result.retryAt, lang, calendar, true) });
    case 'invalid-format':
    case 'no-request':
    case 'expired':
    case 'too-many':
    case 'sharing-off':
    case 'not-found':
    case 'unavailable':
      return translate(lang, `phr.error.${result.reason}`);
  }
}

const FAILED: Partial<Record<PhrReadStatus, true>> = { timeout: true, error: true, malformed: true, 'circuit-open': true };

function statusLine(status: PhrReadStatus, view: HospitalView | undefined, lang: Lang): { text: string; tone: string } {
  if (status === 'answered' || status === 'no-data') {
    return view && view.records > 0
      ? { text: translate(lang, 'phr.status.answered', { count: view.records }), tone: 'text-ok' }
      : { text: translate(lang, 'phr.status.no-data'), tone: 'text-muted' };
  }
  const key: MessageKey | undefined =
    status === 'sharing-off'
      ? 'phr.status.sharing-off'
      : status === 'not-found'
        ? 'phr.status.not-found'
        : status === 'code-refused'
          ? 'phr.status.code-refused'
          : undefined;
  if (key) return { text: translate(lang, key), tone: 'text-warning' };
  return {
    text: translate(lang, 'phr.status.failed', {
      reason: translate(lang, `record.ledger.status.${status === 'circuit-open' ? 'circuit-open' : status}` as MessageKey),
    }),
    tone: 'text-critical',
  };
}

/**
 * "Also request data from Mor Prom": asks MOPH-PHR to send the patient a code, takes the code the patient
 * reads out, and then shows what each facility MOPH-PHR names answered (the same statuses as the
 * hospitals' strip). The code goes to the server only; it is never kept in the page.
 */
export function PhrSource({
  phr,
  names,
  lang,
  calendar,
}: {
  phr: PhrState;
  names: Record<string, string>;
  lang: Lang;
  calendar: Calendar;
}) {
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const answer = phr.answer;
  if (answer === undefined || answer.state === 'unavailable') return null;

  async function send(body: { action: 'request' } | { action: 'verify'; code: string }): Promise<void> {
    setBusy(true);
    try {
      const result = await phr.post(body);
      setMessage(result.ok ? null : refusalText(result, lang, calendar));
      if (result.ok) setCode('');
    } finally {
      setBusy(false);
    }
  }
  function submit(e: SubmitEvent<HTMLFormElement>): void {
    e.preventDefault();
    void send({ action: 'verify', code });
  }
  const granted = answer.state === 'granted' ? answer : undefined;
  const askAgain = answer.state === 'none' || granted?.status === 'code-refused';

  return (
    <section aria-labelledby="phr-title" className="card no-print" data-testid="phr-source">
      <h2 id="phr-title" className="mb-2 text-lg font-bold">
        {translate(lang, 'phr.title')}
      </h2>
      {askAgain && (
        <div className="space-y-2">
          <p className="text-sm text-muted">{translate(lang, 'phr.offerHint')}</p>
          <button type="button" className="btn-secondary" disabled={busy} onClick={() => void send({ action: 'request' })}>
            {translate(lang, 'phr.offer')}
          </button>
        </div>
      )}
      {answer.state === 'requested' && (
        <form className="space-y-2" onSubmit={submit} noValidate>
          <p className="text-sm">{translate(lang, 'phr.sent', { time: formatDate(answer.expiresAt, lang, calendar, true) })}</p>
          <label htmlFor="phr-code" className="label">
            {translate(lang, 'phr.codeLabel')}
          </label>
          <input
            id="phr-code"
            className="field font-mono uppercase"
            autoComplete="one-time-code"
            maxLength={10}
            value={code}
            aria-describedby={message ? 'phr-message' : undefined}
            onChange={(e) => setCode(e.target.value)}
          />
          <div className="flex flex-wrap gap-2">
            <button type="submit" className="btn-primary" disabled={busy}>
              {busy ? translate(lang, 'phr.working') : translate(lang, 'phr.submit')}
            </button>
            <button type="button" className="btn-secondary" disabled={busy} onClick={() => void send({ action: 'request' })}>
              {translate(lang, 'phr.resend')}
            </button>
          </div>
        </form>
      )}
      {message && (
        <p id="phr-message" role="alert" className="mt-2 font-semibold text-critical" data-testid="phr-message">
          {message}
        </p>
      )}
      {granted && (
        <div className="space-y-2">
          <p className="text-sm text-muted">
            {translate(lang, 'phr.grantedUntil', { time: formatDate(granted.expiresAt, lang, calendar, true) })}
          </p>
          <ul aria-label={translate(lang, 'phr.status.label')} className="space-y-1" data-testid="phr-status">
            {granted.views.length === 0 ? (
              <li className={statusLine(granted.status, undefined, lang).tone} data-testid="phr-status-row" data-status={granted.status}>
                {statusLine(granted.status, undefined, lang).text}
              </li>
            ) : (
              granted.views.map((v) => {
                const line = statusLine(granted.status, v, lang);
                return (
                  <li key={v.hcode} data-testid="phr-status-row" data-code={v.hcode} data-status={granted.status}>
                    <span className="font-semibold">{names[v.hcode] ?? v.hcode}</span> — <span className={line.tone}>{line.text}</span>
                  </li>
                );
              })
            )}
          </ul>
          {(FAILED[granted.status] ?? false) && (
            <button type="button" className="btn-secondary" disabled={phr.loading} onClick={phr.refetch}>
              {translate(lang, 'phr.retry')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
