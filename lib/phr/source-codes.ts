/**
 * How Mor Prom (MOPH-PHR) answers are named beside the hospitals' hcodes: `phr:<hcode>` for what a
 * facility recorded (MOPH-PHR says which: `encounter_ref_code` = `hcode:vn`), `phr` for the patient
 * summary, which names none. Pure, for the server and the browser alike.
 */
export const PHR_SOURCE = 'phr';

export function phrSourceCode(hcode: string): string {
  return `${PHR_SOURCE}:${hcode}`;
}
