'use server';

import { revalidatePath } from 'next/cache';
import { notFound } from 'next/navigation';
import { addDoctorGrant, changeDoctorGrant, previewDoctor } from '@/lib/admin/doctor-access';
import { endOfThaiDay, type GrantChange } from '@/lib/admin/grant-rules';
import { addDoctorSchema, grantChangeSchema, lookupDoctorSchema } from '@/lib/admin/schemas';
import type { AddDoctorResult, GrantChangeResultView, LookupResult } from '@/lib/admin/view-models';
import { requireAdmin } from '@/lib/auth/guard';
import { db } from '@/lib/db';
import { services } from '@/lib/services';

/** Looks a licence up in the Medical Council registry before the admin confirms adding the doctor. */
export async function lookupDoctorAction(input: unknown): Promise<LookupResult> {
  const admin = await requireAdmin();
  const parsed = lookupDoctorSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: 'format' };
  const lookup = await services().registry.getPractitioner(parsed.data.licence);
  return previewDoctor(await db(), admin.hospitalCode, parsed.data.licence, lookup);
}

/** Adds a doctor at the admin's own hospital; the registry is asked again here, never trusted from the form. */
export async function addDoctorAction(input: unknown): Promise<AddDoctorResult> {
  const admin = await requireAdmin();
  const parsed = addDoctorSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: 'format' };
  const lookup = await services().registry.getPractitioner(parsed.data.licence);
  const result = await addDoctorGrant(await db(), admin, parsed.data, lookup);
  if (result.ok) revalidatePath('/admin');
  return result;
}

/** Changes a grant of the admin's own hospital; any other id answers 404. */
export async function changeGrantAction(input: unknown): Promise<GrantChangeResultView> {
  const admin = await requireAdmin();
  const parsed = grantChangeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: 'format' };
  const v = parsed.data;
  let change: GrantChange;
  if (v.kind === 'end-date') {
    const validUntil = v.validUntil === '' ? null : endOfThaiDay(v.validUntil);
    if (v.validUntil !== '' && validUntil === null) return { ok: false, code: 'format' };
    change = { kind: 'end-date', validUntil };
  } else {
    change = v.kind === 'role' ? { kind: 'role', role: v.role } : { kind: v.kind };
  }
  const result = await changeDoctorGrant(await db(), admin, v.grantId, change);
  if (result === null) notFound();
  if (result.ok) {
    revalidatePath('/admin');
    revalidatePath(`/admin/doctors/${v.grantId}`);
  }
  return result;
}
