'use server';

import { z } from 'zod';
import { patientAction } from '@/lib/entry/actions';
import { openSealedRecord } from '@/lib/timeline/sealed';
import type { UnsealResult } from '@/lib/timeline/types';

const unsealSchema = z.object({
  accessId: z.uuid(),
  factId: z.string().regex(/^\d{5}\/[A-Za-z]+\/[A-Za-z0-9.-]{1,64}$/),
  reason: z.string().trim().min(10).max(500),
});

const SHORT_REASON: UnsealResult = { ok: false, reason: 'invalid', fieldErrors: { reason: { key: 'record.unseal.shortReason' } } };

/** Opens one sealed record for this access after the physician states why; audited. */
export const unsealRecord = patientAction(
  {
    input: unsealSchema,
    invalid: SHORT_REASON,
    refused: (error): UnsealResult => ({ ok: false, reason: 'refused', message: error.userMessage }),
  },
  async ({ doctor, access, deps }, input): Promise<UnsealResult> => {
    await openSealedRecord(doctor, access, input.factId, input.reason, deps);
    return { ok: true };
  },
);
