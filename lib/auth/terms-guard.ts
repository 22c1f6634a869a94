import 'server-only';
import { redirect } from 'next/navigation';
import type { Db } from '../db';
import { AppError } from '../errors';
import { hasAcceptedTerms } from '../terms/acceptance';
import { currentTermsVersion } from '../terms/version';

/**
 * The terms-of-use gate, one guard of its own so that other after-sign-in steps compose with it: the entry
 * layer runs it after the session check for every doctor page, route and action except the terms page
 * itself. Fail closed: if the acceptance cannot be read, the query throws and nothing is served.
 */
export const TERMS_PATH = '/terms';

/** For pages: continue, or go to the terms page. */
export async function requireTermsAcceptedPage(doctor: { licence: string }, deps: { db: Db }): Promise<void> {
  if (!(await hasAcceptedTerms(deps.db, doctor.licence, currentTermsVersion()))) redirect(TERMS_PATH);
}

/** For route handlers and server actions: continue, or a 403 (never a redirect, never the effect). */
export async function requireTermsAccepted(doctor: { licence: string }, deps: { db: Db }): Promise<void> {
  if (!(await hasAcceptedTerms(deps.db, doctor.licence, currentTermsVersion())))
    throw new AppError('forbidden', {
      th: 'กรุณาอ่านและยอมรับข้อตกลงการใช้งานก่อน',
      en: 'Please read and accept the terms of use first.',
    });
}
