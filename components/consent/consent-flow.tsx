'use client';

import { useRef } from 'react';
import { ConfirmStep } from './confirm-step';
import { OtpStep } from './otp-step';
import { SearchStep } from './search-step';
import { useConsentFlow, type ConsentActions } from './use-consent-flow';

/**
 * The bedside consent flow: find the patient, confirm who they are and why, send the SMS code, and enter
 * the code the patient reads out. Everything is checked again on the server; nothing clinical appears here.
 * The steps and their transitions live in `consent-state.ts` (a pure reducer).
 */
export function ConsentFlow({ actions, isEd }: { actions: ConsentActions; isEd: boolean }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [state, dispatch] = useConsentFlow(actions, headingRef);
  const props = { state, dispatch, headingRef, isEd, searchByName: actions.searchByName };
  switch (state.step) {
    case 'search':
      return <SearchStep {...props} />;
    case 'confirm':
      return <ConfirmStep {...props} />;
    case 'otp':
      return <OtpStep {...props} />;
  }
}
