'use server';

import { redirect } from 'next/navigation';
import { acceptTerms } from '@/lib/terms/acceptance';
import { currentTermsVersion } from '@/lib/terms/version';
import { formAction, termsAction } from '@/lib/entry/actions';

/** The doctor accepts the terms of use they were shown; then on to their start page (or the hospital chooser). */
export const acceptTermsAction = formAction(
  termsAction({ signedOut: 'redirect' }, async ({ session, deps }, form: unknown) => {
    const input = form instanceof FormData ? { version: form.get('version'), accept: form.get('accept') } : form;
    const result = await acceptTerms(session, input, deps, currentTermsVersion());
    if (!result.ok) redirect(`/terms?error=${result.reason}`);
    redirect('/patients');
  }),
);
