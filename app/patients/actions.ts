'use server';

import { redirect } from 'next/navigation';
import { requireDoctor, type DoctorContext } from '@/lib/auth/guard';
import { defaultConsentDeps } from '@/lib/consent/deps';
import { lookupPatient, type LookupResult } from '@/lib/consent/lookup';
import type { SignedOut } from '@/lib/consent/schemas';
import { endConsent, sendConsentOtp, verifyConsentOtp, type SendOtpResult, type VerifyOtpResult } from '@/lib/consent/service';
import { AppError } from '@/lib/errors';

const SIGNED_OUT: SignedOut = { ok: false, outcome: 'signed-out', reason: 'signed-out' };

/** Re-checks the session on every call: server actions are reachable by direct POST. */
async function doctorOrNull(): Promise<DoctorContext | null> {
  try {
    return await requireDoctor();
  } catch (error) {
    if (error instanceof AppError && error.code === 'unauthenticated') return null;
    throw error;
  }
}

/** Looks a patient up by citizen ID or passport (identity only). */
export async function lookupPatientAction(input: unknown): Promise<LookupResult | SignedOut> {
  const doctor = await doctorOrNull();
  if (!doctor) return SIGNED_OUT;
  return lookupPatient(doctor, input, await defaultConsentDeps());
}

/** Sends (or re-sends) the consent code to the patient's registered phone. */
export async function sendConsentOtpAction(input: unknown): Promise<SendOtpResult | SignedOut> {
  const doctor = await doctorOrNull();
  if (!doctor) return SIGNED_OUT;
  return sendConsentOtp(doctor, input, await defaultConsentDeps());
}

/** Checks the code the patient read out; on success the consent id to open the patient page with. */
export async function verifyConsentOtpAction(input: unknown): Promise<VerifyOtpResult | SignedOut> {
  const doctor = await doctorOrNull();
  if (!doctor) return SIGNED_OUT;
  return verifyConsentOtp(doctor, input, await defaultConsentDeps());
}

/** Ends the signed-in doctor's own consent early (form action for the patient page), then back to search. */
export async function endConsentAction(formData: FormData): Promise<void> {
  const doctor = await doctorOrNull();
  if (!doctor) redirect('/login');
  await endConsent(doctor, formData.get('consentId'), await defaultConsentDeps());
  redirect('/patients');
}
