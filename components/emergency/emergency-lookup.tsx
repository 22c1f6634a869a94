'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState, type SubmitEvent } from 'react';
import { useLocale } from '@/components/providers';
import {
  emergencyFieldErrors,
  emergencyFormInput,
  emergencyLookupSchema,
  REASON_CODES,
  REASON_TEXT_MAX,
  type EmergencyField,
} from '@/lib/emergency/rules';
import type { EmergencyLookupResult, EmergencyPatientCard, EmergencyStartResult } from '@/lib/emergency/service';
import { formatDate, formatSourceDate } from '@/lib/i18n/format';
import type { Bilingual, MessageKey } from '@/lib/i18n/messages';
import type { FieldErrors } from '@/lib/result';
import { emergencyReasonLabel } from './reason-label';
import { ErrorAlert } from '@/components/shell/error-alert';
import { passkeyFailureKey } from '@/components/passkey/passkey-step';
import { getPasskeyAssertion, type PasskeyActions } from '@/components/passkey/webauthn-client';

/** A doctor with a passkey steps up with it: the action that issues this session's step-up challenge. */
export interface EmergencyPasskey {
  startStepUp: PasskeyActions['startSignIn'];
}

type ErrorBody = { error: string; message: Bilingual };

function isErrorBody(v: unknown): v is ErrorBody {
  return typeof v === 'object' && v !== null && 'error' in v && 'message' in v;
}

async function postJson(path: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json().catch(() => null)) as unknown };
}

/** One field, Enter goes: the citizen ID as typed or scanned; then the identity card and the two ways in. */
export function EmergencyLookup({ passkey }: { passkey: EmergencyPasskey | null }) {
  const { t, lang } = useLocale();
  const [cid, setCid] = useState('');
  const [cidError, setCidError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [patient, setPatient] = useState<EmergencyPatientCard | null>(null);
  const [lookedUpCid, setLookedUpCid] = useState('');

  async function onLookup(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    const parsed = emergencyLookupSchema.safeParse({ cid });
    if (!parsed.success) {
      setCidError(t('emergency.error.cid'));
      setPatient(null);
      return;
    }
    setCidError(null);
    setBusy(true);
    try {
      const { status, json } = await postJson('/emergency/lookup', { cid: parsed.data.cid });
      // 400 carries the Result of an invalid citizen ID; other failures are the error body.
      if ((status !== 200 && status !== 400) || isErrorBody(json)) {
        setPatient(null);
        setMessage(isErrorBody(json) ? json.message[lang] : t('emergency.error.unexpected'));
        return;
      }
      const result = json as EmergencyLookupResult;
      if (result.ok) {
        setPatient(result.patient);
        setLookedUpCid(parsed.data.cid);
        return;
      }
      switch (result.reason) {
        case 'invalid':
          setPatient(null);
          setCidError(t('emergency.error.cid'));
          break;
        case 'not-found':
          setPatient(null);
          setMessage(t('emergency.lookup.notFound'));
          break;
        case 'exchange-unavailable':
          setPatient(null);
          setMessage(t('emergency.lookup.unavailable'));
          break;
      }
    } catch {
      setMessage(t('emergency.lookup.unavailable'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-6">
      <form onSubmit={onLookup} noValidate className="card space-y-3" role="search">
        <label htmlFor="ed-cid" className="label">
          {t('emergency.cid.label')}
        </label>
        <div className="flex gap-2">
          <input
            id="ed-cid"
            name="cid"
            className="field font-mono text-lg"
            autoFocus
            autoComplete="off"
            inputMode="numeric"
            value={cid}
            onChange={(e) => setCid(e.target.value)}
            aria-invalid={cidError ? true : undefined}
            aria-describedby={cidError ? 'ed-cid-hint ed-cid-error' : 'ed-cid-hint'}
          />
          <button type="submit" className="btn-primary" disabled={busy}>
            {busy ? t('common.loading') : t('emergency.lookup.submit')}
          </button>
        </div>
        <p id="ed-cid-hint" className="text-sm text-muted">
          {t('emergency.cid.hint')}
        </p>
        {cidError && (
          <p id="ed-cid-error" className="field-error">
            {cidError}
          </p>
        )}
      </form>
      {message && <ErrorAlert>{message}</ErrorAlert>}
      {patient && (
        <>
          <PatientIdentityCard patient={patient} />
          <div className="grid gap-4 md:grid-cols-2">
            <section className="card space-y-2" aria-labelledby="choice-consent">
              <h2 id="choice-consent" className="text-lg font-semibold">
                {t('emergency.choice.consent.title')}
              </h2>
              <p>{t('emergency.choice.consent.body')}</p>
              {patient.hasPhone ? (
                <Link href="/patients" className="btn-secondary inline-block">
                  {t('emergency.choice.consent.link')}
                </Link>
              ) : (
                <p className="font-semibold text-warning">
                  <span aria-hidden="true">⚠ </span>
                  {t('emergency.card.phoneNo')}
                </p>
              )}
            </section>
            <EmergencyAccessForm key={lookedUpCid} cid={lookedUpCid} passkey={passkey} />
          </div>
        </>
      )}
    </div>
  );
}

/** Identity only: name, ID, sex, age, whether a phone is registered and which hospitals share. */
function PatientIdentityCard({ patient: p }: { patient: EmergencyPatientCard }) {
  const { t: tr, lang: l } = useLocale();
  return (
    <section className="card" aria-labelledby="ed-patient">
      <h2 id="ed-patient" className="text-xl font-bold">
        {l === 'th' ? p.nameTh : p.nameEn} <span className="text-base font-normal text-muted">({l === 'th' ? p.nameEn : p.nameTh})</span>
      </h2>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">{tr('emergency.card.cid')}</dt>
        <dd className="font-mono">{p.cidFormatted}</dd>
        <dt className="font-semibold">{tr('emergency.card.sex')}</dt>
        <dd>{tr(`emergency.gender.${p.gender}` as MessageKey)}</dd>
        <dt className="font-semibold">{tr('emergency.card.age')}</dt>
        <dd>
          {tr('emergency.card.ageValue', { age: p.age })} · {formatSourceDate(p.birthDate, l)}
        </dd>
        <dt className="font-semibold">{tr('emergency.card.phone')}</dt>
        <dd>{p.hasPhone ? tr('emergency.card.phoneYes') : tr('emergency.card.phoneNo')}</dd>
        <dt className="font-semibold">{tr('emergency.card.sharing', { count: p.sharingHospitals.length })}</dt>
        <dd>
          {p.sharingHospitals.length === 0 ? (
            tr('emergency.card.noSharing')
          ) : (
            <ul>
              {p.sharingHospitals.map((h) => (
                <li key={h.code}>
                  {l === 'th' ? h.nameTh : h.nameEn} ({h.code})
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </section>
  );
}

/** What the doctor is told when the server refuses to break the glass. */
function startRefusal(
  result: Exclude<EmergencyStartResult, { ok: true }>,
  t: (key: MessageKey, vars?: Record<string, string | number>) => string,
  dateTime: (iso: string) => string,
): string {
  switch (result.reason) {
    case 'invalid':
    case 'pin-wrong': {
      const first = Object.values(result.fieldErrors ?? {})[0];
      return first ? t(first.key, first.vars) : t('emergency.error.unexpected');
    }
    case 'locked':
      return t('emergency.error.locked', { time: dateTime(result.retryAt) });
    case 'registry-unavailable':
      return t('emergency.error.registryUnavailable');
    case 'not-found':
      return t('emergency.error.notFound');
    case 'exchange-unavailable':
      return t('emergency.error.exchangeUnavailable');
    case 'passkey-failed':
      return t('passkey.emergency.failed');
  }
}

/** Coded reason, free text with counter, attestation and PIN re-entry. Input is kept on error (except the PIN). */
function EmergencyAccessForm({ cid, passkey }: { cid: string; passkey: EmergencyPasskey | null }) {
  const { t, lang, calendar } = useLocale();
  const router = useRouter();
  const [reasonText, setReasonText] = useState('');
  const [errors, setErrors] = useState<FieldErrors<EmergencyField>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pinRef = useRef<HTMLInputElement>(null);

  async function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = emergencyFormInput((n) => (n === 'cid' ? cid : form.get(n)));
    const fieldErrors = emergencyFieldErrors(input, passkey ? 'passkey' : 'pin');
    setMessage(null);
    if (Object.keys(fieldErrors).length > 0) {
      setErrors(fieldErrors);
      setMessage(t('emergency.error.form'));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      let body: Record<string, unknown> = input;
      if (passkey) {
        // The passkey replaces the PIN: a fresh assertion over this session's single-use step-up challenge.
        const started = await passkey.startStepUp();
        const answer = started.ok ? await getPasskeyAssertion(started.options) : started;
        if (!answer.ok) return setMessage(t(passkeyFailureKey(answer.reason)));
        body = { ...input, pin: undefined, passkey: answer.response };
      }
      const { status, json } = await postJson('/emergency/access', body);
      if (isErrorBody(json)) {
        setMessage(json.message[lang]);
        return;
      }
      const result = json as EmergencyStartResult;
      if (status === 201 && result.ok) {
        router.push(`/patient/${result.accessId}/emergency`);
        return;
      }
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setMessage(startRefusal(result, t, (iso) => formatDate(iso, lang, calendar, true)));
        if (pinRef.current) pinRef.current.value = '';
      }
    } catch {
      setMessage(t('emergency.error.unexpected'));
    } finally {
      setBusy(false);
    }
  }

  const errorText = (field: EmergencyField) => {
    const error = errors[field];
    return error ? t(error.key, error.vars) : null;
  };
  return (
    <section className="card space-y-4 border-critical" aria-labelledby="choice-emergency">
      <h2 id="choice-emergency" className="text-lg font-semibold text-critical">
        <span aria-hidden="true">⚠ </span>
        {t('emergency.choice.emergency.title')}
      </h2>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <fieldset aria-describedby={errors.reasonCode ? 'reasonCode-error' : undefined}>
          <legend className="label">{t('emergency.form.reason')}</legend>
          <div className="space-y-1">
            {REASON_CODES.map((code) => (
              <label key={code} className="flex items-center gap-2">
                <input
                  type="radio"
                  name="reasonCode"
                  value={code}
                  autoFocus={code === REASON_CODES[0]}
                  aria-invalid={errors.reasonCode ? true : undefined}
                />
                {t(emergencyReasonLabel(code))}
              </label>
            ))}
          </div>
          {errorText('reasonCode') && (
            <p id="reasonCode-error" className="field-error">
              {errorText('reasonCode')}
            </p>
          )}
        </fieldset>
        <div>
          <label htmlFor="reasonText" className="label">
            {t('emergency.form.text')}
          </label>
          <textarea
            id="reasonText"
            name="reasonText"
            className="field min-h-24"
            maxLength={REASON_TEXT_MAX}
            value={reasonText}
            onChange={(e) => setReasonText(e.target.value)}
            aria-invalid={errors.reasonText ? true : undefined}
            aria-describedby={`reasonText-hint reasonText-count${errors.reasonText ? ' reasonText-error' : ''}`}
          />
          <p id="reasonText-hint" className="text-sm text-muted">
            {t('emergency.form.textHint')}
          </p>
          <p id="reasonText-count" className="text-sm text-muted" aria-live="polite">
            {t('emergency.form.textCounter', { count: reasonText.trim().length })}
          </p>
          {errorText('reasonText') && (
            <p id="reasonText-error" className="field-error">
              {errorText('reasonText')}
            </p>
          )}
        </div>
        <div>
          <label className="flex items-start gap-2">
            <input
              type="checkbox"
              name="attestation"
              className="mt-1"
              aria-invalid={errors.attestation ? true : undefined}
              aria-describedby={errors.attestation ? 'attestation-error' : undefined}
            />
            <span>{t('emergency.form.attestation')}</span>
          </label>
          {errorText('attestation') && (
            <p id="attestation-error" className="field-error">
              {errorText('attestation')}
            </p>
          )}
        </div>
        {passkey ? (
          <p className="rounded-md border border-info bg-info-bg p-3 text-info">
            <span className="font-semibold">{t('passkey.emergency.label')}</span> — {t('passkey.emergency.hint')}
          </p>
        ) : (
          <div>
            <label htmlFor="ed-pin" className="label">
              {t('emergency.form.pin')}
            </label>
            <input
              ref={pinRef}
              id="ed-pin"
              name="pin"
              type="password"
              className="field"
              autoComplete="current-password"
              inputMode="numeric"
              maxLength={6}
              aria-invalid={errors.pin ? true : undefined}
              aria-describedby={errors.pin ? 'pin-error' : undefined}
            />
            {errorText('pin') && (
              <p id="pin-error" className="field-error">
                {errorText('pin')}
              </p>
            )}
          </div>
        )}
        {message && <ErrorAlert>{message}</ErrorAlert>}
        <button type="submit" className="btn-danger w-full" disabled={busy}>
          {busy ? t('common.loading') : t('emergency.form.submit')}
        </button>
      </form>
    </section>
  );
}
