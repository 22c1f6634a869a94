'use server';

import { redirect } from 'next/navigation';
import { completeAdminSetup } from '@/lib/admin/setup';
import { completeSetupSchema } from '@/lib/admin/schemas';
import { publicAction } from '@/lib/entry/actions';
import { requestContext } from '@/lib/http/request-context';
import type { MessageKey } from '@/lib/i18n/messages';

export type SetupActionResult = { ok: false; field: 'password' | 'confirm' | 'totp' | null; message: MessageKey };

/** The first problem of a setup form, on the field it belongs to. */
function invalidSetup(input: unknown): SetupActionResult {
  const issue = completeSetupSchema.safeParse(input).error?.issues[0];
  const field = issue?.path[0];
  if (field === 'password' || field === 'confirm' || field === 'totp') return { ok: false, field, message: issue!.message as MessageKey };
  return { ok: false, field: null, message: 'admin.setup.invalid' };
}

/**
 * Finishes a one-time admin setup. No session exists yet: the unguessable, unexpired, unused setup token is
 * the authorisation, checked again on the server by the use case.
 */
export const completeSetupAction = publicAction({}, async ({ deps }, input: unknown): Promise<SetupActionResult> => {
  const parsed = completeSetupSchema.safeParse(input);
  if (!parsed.success) return invalidSetup(input);
  const { token, password, totp } = parsed.data;
  const result = await completeAdminSetup(deps.db, { token, password, totp }, await requestContext(), deps.secret);
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
});
