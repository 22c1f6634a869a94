'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useReducer, useRef, type Dispatch, type RefObject } from 'react';
import type { LookupResult } from '@/lib/consent/lookup';
import type { PatientSearchInput } from '@/lib/consent/schemas';
import type { SendOtpResult, VerifyOtpResult } from '@/lib/consent/service';
import type { SignedOut } from '@/lib/result';
import type { SearchByNameAction } from './name-search';
import { consentReducer, initialConsentState, type ConsentEvent, type ConsentState, type Request } from './consent-state';

/** The server actions the flow calls (the page hands them in: components do not import from app/). */
export interface ConsentActions {
  lookup: (input: PatientSearchInput) => Promise<LookupResult | SignedOut>;
  send: (input: PatientSearchInput) => Promise<SendOtpResult | SignedOut>;
  verify: (input: { challengeId: string; code: string }) => Promise<VerifyOtpResult | SignedOut>;
  searchByName: SearchByNameAction;
}

/** Makes the call a request names and turns its answer (or a thrown error) into the next event. */
async function answer(request: Request, actions: ConsentActions): Promise<ConsentEvent> {
  try {
    switch (request.kind) {
      case 'lookup':
        return { type: 'lookup-answered', result: await actions.lookup(request.search) };
      case 'send':
        return { type: 'send-answered', result: await actions.send(request.search), at: Date.now() };
      case 'verify':
        return { type: 'verify-answered', result: await actions.verify({ challengeId: request.challengeId, code: request.code }) };
    }
  } catch {
    return { type: 'request-failed' };
  }
}

/** Focus goes where the doctor types next, and otherwise to the step's heading (never on first load). */
function useStepFocus(state: ConsentState, headingRef: RefObject<HTMLHeadingElement | null>) {
  const mounted = useRef(false);
  useEffect(() => {
    // The citizen ID on the search step (also on first load) and the first code box once the code is sent;
    // other steps move focus to their heading so keyboard and screen-reader users follow along.
    const field = state.step === 'search' ? document.getElementById('cid') : state.step === 'otp' ? document.getElementById('otp-0') : null;
    if (field) field.focus();
    else if (mounted.current) headingRef.current?.focus();
    mounted.current = true;
  }, [state.step, headingRef]);

  const focusCode = state.focusCode;
  useEffect(() => {
    // After a refused code the boxes are cleared and, in the same render, enabled again (the answer ends the
    // request): the cursor returns to the first box. A void or expired code leaves them disabled.
    if (focusCode > 0) document.getElementById('otp-0')?.focus();
  }, [focusCode]);
}

/**
 * Runs the consent state machine: sends each request it asks for, feeds the answer back, ticks the
 * countdown on the code step, moves focus, and leaves the page when it says so.
 */
export function useConsentFlow(
  actions: ConsentActions,
  headingRef: RefObject<HTMLHeadingElement | null>,
): [ConsentState, Dispatch<ConsentEvent>] {
  const router = useRouter();
  const [state, dispatch] = useReducer(consentReducer, initialConsentState);

  // The latest actions, read when a request goes out: a new props object must never send a request again.
  const actionsRef = useRef(actions);
  useEffect(() => {
    actionsRef.current = actions;
  }, [actions]);
  const sent = useRef<Request | null>(null);
  const { request, navigate, step } = state;
  useEffect(() => {
    // Each request is made exactly once (an SMS costs the patient a send from their daily limit).
    if (!request || sent.current === request) return;
    sent.current = request;
    void answer(request, actionsRef.current).then(dispatch);
  }, [request]);

  useEffect(() => {
    if (step !== 'otp') return;
    const timer = setInterval(() => dispatch({ type: 'tick', at: Date.now() }), 1000);
    return () => clearInterval(timer);
  }, [step]);

  useEffect(() => {
    if (navigate?.to === 'sign-in') window.location.assign('/login?ended=expired');
    else if (navigate?.to === 'record') router.push(`/patient/${navigate.consentId}`);
  }, [navigate, router]);

  useStepFocus(state, headingRef);
  return [state, dispatch];
}
