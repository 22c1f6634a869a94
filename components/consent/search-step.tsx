'use client';

import type { Dispatch, RefObject } from 'react';
import { useLocale } from '@/components/providers';
import { CitizenIdInput } from './citizen-id-input';
import { isBusy, type ConsentEvent, type ConsentState } from './consent-state';
import { NameSearch, type SearchByNameAction } from './name-search';
import { NoticeBox } from './notice-box';
import { PatientCardView } from './patient-card';

/** What every step of the flow is given: the state, a way to report what the doctor did, and its heading's ref. */
export interface StepProps {
  state: ConsentState;
  dispatch: Dispatch<ConsentEvent>;
  headingRef: RefObject<HTMLHeadingElement | null>;
  isEd: boolean;
  /** The search by name (a server action the page hands in). */
  searchByName: SearchByNameAction;
}

function PassportField({ state, dispatch }: Pick<StepProps, 'state' | 'dispatch'>) {
  const { t } = useLocale();
  const error = state.fieldError;
  return (
    <div>
      <label htmlFor="passport" className="label">
        {t('consent.passport.label')}
      </label>
      <input
        id="passport"
        name="passport"
        className="field font-mono uppercase"
        autoComplete="off"
        spellCheck={false}
        value={state.passport}
        onChange={(e) => dispatch({ type: 'passport-typed', value: e.target.value })}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'passport-error' : undefined}
      />
      {error && (
        <p id="passport-error" className="field-error" role="alert">
          <span aria-hidden="true">⚠ </span>
          {t(error.key, error.vars)}
        </p>
      )}
    </div>
  );
}

const SEARCH_BY_LABEL = { cid: 'consent.search.byCid', passport: 'consent.search.byPassport', name: 'nameSearch.byName' } as const;

function SearchByChoice({ state, dispatch }: Pick<StepProps, 'state' | 'dispatch'>) {
  const { t } = useLocale();
  return (
    <fieldset>
      <legend className="label">{t('consent.search.legend')}</legend>
      <div className="flex flex-wrap gap-4">
        {(['cid', 'passport', 'name'] as const).map((kind) => (
          <label key={kind} className="inline-flex min-h-11 items-center gap-2">
            <input
              type="radio"
              name="by"
              value={kind}
              checked={state.by === kind}
              onChange={() => dispatch({ type: 'by-changed', by: kind })}
              className="h-5 w-5"
            />
            {t(SEARCH_BY_LABEL[kind])}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Step 1: find the patient by citizen ID or passport; a patient who cannot be asked is explained here. */
export function SearchStep({ state, dispatch, headingRef, isEd, searchByName }: StepProps) {
  const { t } = useLocale();
  const busy = isBusy(state);
  const { fieldError, notice, patient } = state;
  const found = notice && (
    <div className="space-y-3">
      <NoticeBox notice={notice} id="search-notice" isEd={isEd} />
      {patient && <PatientCardView patient={patient} />}
    </div>
  );
  return (
    <div className="space-y-4">
      {/* One card for every way to search: switching keeps the choice (and its keyboard focus) in place. */}
      <div className="card space-y-4">
        <h2 ref={headingRef} tabIndex={-1} className="sr-only">
          {t('consent.search.submit')}
        </h2>
        <SearchByChoice state={state} dispatch={dispatch} />
        {state.by === 'name' ? (
          <NameSearch search={searchByName} onChoose={(token) => dispatch({ type: 'candidate-chosen', token })} busy={busy} />
        ) : (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              dispatch({ type: 'search-submitted' });
            }}
            noValidate
            className="space-y-4"
          >
            {state.by === 'cid' ? (
              <CitizenIdInput
                value={state.cid}
                onChange={(value) => dispatch({ type: 'cid-typed', value })}
                error={fieldError ? t(fieldError.key, fieldError.vars) : undefined}
              />
            ) : (
              <PassportField state={state} dispatch={dispatch} />
            )}
            <button type="submit" className="btn-primary w-full sm:w-auto" disabled={busy}>
              {busy ? t('common.loading') : t('consent.search.submit')}
            </button>
          </form>
        )}
      </div>
      {found}
    </div>
  );
}
