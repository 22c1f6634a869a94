'use server';

import { redirect } from 'next/navigation';
import { completeAdminSetup } from '@/lib/admin/setup';
import { completeSetupSchema } from '@/lib/admin/schemas';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { requestContext } from '@/lib/http/request-context';
import type { MessageKey } from '@/lib/i18n/messages';

export type SetupActionResult = { ok: false; field: 'password' | 'confirm' | 'totp' | null; message: MessageKey };

/**
 * Finishes a one-time admin setup. No session exists yet: the unguessable, unexpired, unused setup token is
 * the authorisation, checked again on the server here.
 */
export async function completeSetupAction(input: unknown): Promise<SetupActionResult> {
  const parsed = completeSetupSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0];
    if (field === 'password' || field === 'confirm' || field === 'totp') return { ok: false, field, message: issue!.message as MessageKey };
    return { ok: false, field: null, message: 'admin.setup.invalid' };
  }
  const { token, password, totp } = parsed.data;
  const result = await completeAdminSetup(await db(), { token, password, totp }, await requestContext(), env().AUTH_SECRET);
  if (result.ok) redirect('/admin/login?setup=done');
  switch (result.code) {
    case 'link-invalid':
      return { ok: false, field: null, message: 'admin.setup.invalid' };
    case 'totp-invalid':
      return { ok: false, field: 'totp', message: 'admin.setup.error.totp-invalid' };
    case 'too-short':
    case 'too-long':
    case 'common':
    case 'contains-username':
      return { ok: false, field: 'password', message: `admin.setup.error.${result.code}` };
  }
}
