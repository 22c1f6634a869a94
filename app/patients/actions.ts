'use server';

import { redirect } from 'next/navigation';
import { lookupPatient } from '@/lib/consent/lookup';
import { searchPatientsByName } from '@/lib/consent/name-search';
import { endConsent, sendConsentOtp, verifyConsentOtp } from '@/lib/consent/service';
import { doctorAction, formAction } from '@/lib/entry/actions';

// The consent use cases validate their own input with zod and answer field by field, so these actions
// take it as it comes; the entry layer checks the doctor first on every call.

/** Looks a patient up by citizen ID or passport (identity only). */
export const lookupPatientAction = doctorAction({}, ({ doctor, deps }, input: unknown) => lookupPatient(doctor, input, deps));

/** Searches by first name and surname (and a birth date or year): up to ten candidates, IDs masked, audited. */
export const searchByNameAction = doctorAction({}, ({ doctor, deps }, input: unknown) => searchPatientsByName(doctor, input, deps));

/** Sends (or re-sends) the consent code to the patient's registered phone. */
export const sendConsentOtpAction = doctorAction({}, ({ doctor, deps }, input: unknown) => sendConsentOtp(doctor, input, deps));

/** Checks the code the patient read out; on success the consent id to open the patient page with. */
export const verifyConsentOtpAction = doctorAction({}, ({ doctor, deps }, input: unknown) => verifyConsentOtp(doctor, input, deps));

/** Ends the signed-in doctor's own consent early (form action for the patient page), then back to search. */
export const endConsentAction = formAction(
  doctorAction({ signedOut: 'redirect' }, async ({ doctor, deps }, form: unknown) => {
    await endConsent(doctor, form instanceof FormData ? form.get('consentId') : null, deps);
    redirect('/patients');
  }),
);
