'use server';

import { redirect } from 'next/navigation';
import { completeAdminSetup } from '@/lib/admin/setup';
import { completeSetupSchema } from '@/lib/admin/schemas';
import type { SetupActionResult } from '@/lib/admin/view-models';
import { publicAction } from '@/lib/entry/actions';
import { requestContext } from '@/lib/http/request-context';
import type { MessageKey } from '@/lib/i18n/messages';
import { failure } from '@/lib/result';

/** The first problem of a setup form, on the field it belongs to. */
function invalidSetup(input: unknown): SetupActionResult {
  const issue = completeSetupSchema.safeParse(input).error?.issues[0];
  const field = issue?.path[0];
  if (field === 'password' || field === 'confirm' || field === 'totp')
    return failure('invalid', { [field]: { key: issue!.message as MessageKey } });
  return failure('invalid');
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
  switch (result.reason) {
    case 'link-invalid':
      return failure('link-invalid');
    case 'totp-invalid':
      return failure('totp-invalid', { totp: { key: 'admin.setup.error.totp-invalid' } });
    case 'too-short':
    case 'too-long':
    case 'common':
    case 'contains-username':
      return failure(result.reason, { password: { key: `admin.setup.error.${result.reason}` } });
  }
});
