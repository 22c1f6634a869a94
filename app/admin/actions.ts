'use server';

import { revalidatePath } from 'next/cache';
import { notFound } from 'next/navigation';
import { addDoctorGrant, changeDoctorGrant, previewDoctor } from '@/lib/admin/doctor-access';
import { endOfThaiDay, type GrantChange } from '@/lib/admin/grant-rules';
import { addDoctorSchema, grantChangeSchema, lookupDoctorSchema } from '@/lib/admin/schemas';
import { adminAction } from '@/lib/entry/actions';
import { failure } from '@/lib/result';

const FORMAT = failure('format');

/** Looks a licence up in the Medical Council registry before the admin confirms adding the doctor. */
export const lookupDoctorAction = adminAction({ input: lookupDoctorSchema, invalid: FORMAT }, async ({ admin, deps }, { licence }) =>
  previewDoctor(deps.db, admin.hospitalCode, licence, await deps.registry.getPractitioner(licence)),
);

/** Adds a doctor at the admin's own hospital; the registry is asked again here, never trusted from the form. */
export const addDoctorAction = adminAction({ input: addDoctorSchema, invalid: FORMAT }, async ({ admin, deps }, input) => {
  const result = await addDoctorGrant(deps.db, admin, input, await deps.registry.getPractitioner(input.licence));
  if (result.ok) revalidatePath('/admin');
  return result;
});

/** Changes a grant of the admin's own hospital; any other id answers 404. */
export const changeGrantAction = adminAction({ input: grantChangeSchema, invalid: FORMAT }, async ({ admin, deps }, v) => {
  let change: GrantChange;
  if (v.kind === 'end-date') {
    const validUntil = v.validUntil === '' ? null : endOfThaiDay(v.validUntil);
    if (v.validUntil !== '' && validUntil === null) return FORMAT;
    change = { kind: 'end-date', validUntil };
  } else {
    change = v.kind === 'role' ? { kind: 'role', role: v.role } : { kind: v.kind };
  }
  const result = await changeDoctorGrant(deps.db, admin, v.grantId, change);
  if (result === null) notFound();
  if (result.ok) {
    revalidatePath('/admin');
    revalidatePath(`/admin/doctors/${v.grantId}`);
  }
  return result;
});
