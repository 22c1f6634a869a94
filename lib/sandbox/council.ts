/** The Medical Council licence registry stand-in. */
import { z } from 'zod';
import { DEMO_DOCTORS, type DemoDoctor } from './demo-catalog';
import { safeEqual } from './http-util';

export interface PractitionerView {
  licenseNumber: string;
  nameTh: string;
  nameEn: string;
  status: DemoDoctor['status'];
  statusReason?: string;
  specialty: { th: string; en: string };
}

export const verifyBodySchema = z.object({ licenseNumber: z.string().max(40), pin: z.string().max(40) });

/** Accepts `ว.12345`, `ว12345`, `ว. 12345` and `12345`; undefined when it is not a licence number at all. */
export function normaliseLicenceNumber(input: string): string | undefined {
  const stripped = input
    .trim()
    .replace(/^ว\s*\.?\s*/u, '')
    .replace(/\s+/g, '');
  return /^\d{1,8}$/.test(stripped) ? stripped : undefined;
}

function toView(d: DemoDoctor): PractitionerView {
  const view: PractitionerView = {
    licenseNumber: d.licenseNumber,
    nameTh: d.nameTh,
    nameEn: d.nameEn,
    status: d.status,
    specialty: d.specialty,
  };
  if (d.statusReason) view.statusReason = d.statusReason;
  return view;
}

export function findPractitioner(licence: string): PractitionerView | undefined {
  const n = normaliseLicenceNumber(licence);
  const d = n === undefined ? undefined : DEMO_DOCTORS.find((x) => x.licenseNumber === n);
  return d ? toView(d) : undefined;
}

const DUMMY_PIN = '000000-not-a-pin';

/**
 * Verifies licence + PIN. Unknown licence and wrong PIN give the same answer through the same
 * comparison, so neither the body nor the timing tells a prober which licences exist.
 */
export function verifyPractitioner(licence: string, pin: string): { valid: false } | { valid: true; practitioner: PractitionerView } {
  const n = normaliseLicenceNumber(licence);
  const d = n === undefined ? undefined : DEMO_DOCTORS.find((x) => x.licenseNumber === n);
  const pinOk = safeEqual(pin, d?.pin ?? DUMMY_PIN);
  return d && pinOk ? { valid: true, practitioner: toView(d) } : { valid: false };
}
