/** Pure phone-number helpers for the consent OTP flow. */

/** Masks a phone number for display, keeping only the last four digits: `••• ••• 5678`. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '••• ••• ••••';
  return `••• ••• ${digits.slice(-4)}`;
}

/** Normalises a Thai mobile number (`081-234-5678`, `+66 81 234 5678`) to `0812345678`, or null. */
export function normaliseThaiMobile(input: string): string | null {
  const compact = input.replace(/[\s\-().]/g, '');
  const local = compact.startsWith('+66') ? `0${compact.slice(3)}` : compact;
  return /^0[689]\d{8}$/.test(local) ? local : null;
}
