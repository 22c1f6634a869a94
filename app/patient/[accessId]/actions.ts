'use server';

import { z } from 'zod';
import { requirePatientAccess } from '@/lib/access/patient-access';
import { openSealedRecord } from '@/lib/timeline/sealed';
import { AppError } from '@/lib/errors';

const schema = z.object({
  accessId: z.uuid(),
  factId: z.string().regex(/^\d{5}\/[A-Za-z]+\/[A-Za-z0-9.-]{1,64}$/),
  reason: z.string().trim().min(10).max(500),
});

export type UnsealResult = { ok: true } | { ok: false; message: { th: string; en: string } };

/** Opens one sealed record for this access after the physician states why; audited. */
export async function unsealRecord(input: { accessId: string; factId: string; reason: string }): Promise<UnsealResult> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, message: { th: 'กรุณาระบุเหตุผลอย่างน้อย 10 ตัวอักษร', en: 'Please give a reason of at least 10 characters.' } };
  try {
    const { doctor, access } = await requirePatientAccess(parsed.data.accessId);
    await openSealedRecord(doctor, access, parsed.data.factId, parsed.data.reason);
    return { ok: true };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.userMessage };
    throw error;
  }
}
