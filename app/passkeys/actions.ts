'use server';

import { revalidatePath } from 'next/cache';
import { doctorAction } from '@/lib/entry/actions';
import { removeOwnPasskey, renameOwnPasskey } from '@/lib/passkey/manage';
import { removePasskeySchema, renamePasskeySchema } from '@/lib/passkey/schemas';
import { failure, type Failure, type Success } from '@/lib/result';

const INVALID: Failure<'invalid'> = failure('invalid');

/** Renames one of the signed-in doctor's own passkeys (the session has passed the passkey step). */
export const renamePasskeyAction = doctorAction(
  { input: renamePasskeySchema, invalid: INVALID },
  async ({ doctor, deps }, input): Promise<Success | Failure<'invalid' | 'not-found'>> => {
    const result = await renameOwnPasskey(doctor, input, deps);
    if (result.ok) revalidatePath('/passkeys');
    return result;
  },
);

/** Removes one of the signed-in doctor's own passkeys (not the last one where the hospital requires them). */
export const removePasskeyAction = doctorAction(
  { input: removePasskeySchema, invalid: INVALID },
  async ({ doctor, deps }, input): Promise<Success | Failure<'invalid' | 'not-found' | 'last-required'>> => {
    const result = await removeOwnPasskey(doctor, input, deps);
    if (result.ok) revalidatePath('/passkeys');
    return result;
  },
);
