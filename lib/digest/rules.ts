/**
 * The daily access digest (issue 21 §4): which day a digest covers, when it may be sent, and its words.
 * Pure: the job (lib/digest/service.ts) does the I/O.
 *
 * What the SMS says, decided: the day, and per hospital how many times the patient's record was opened
 * (emergency openings counted apart). No doctor's name or licence, no patient name or citizen ID, nothing
 * clinical: an SMS can be read on a locked screen or a shared phone. The patient's right to know who
 * accessed the record (PDPA s.30, right of access) is met in full by the patient app's access log
 * (`GET /api/patients/{cid}/access-log`), which the SMS points to.
 */
import { formatDate, type Lang } from '../i18n/format';

/** Thailand keeps one offset all year (no daylight saving). */
const BANGKOK_OFFSET_MS = 7 * 3600_000;
/** Digests go out after 08:00 Bangkok time, never in the night. */
export const DIGEST_SEND_AFTER_HOUR = 8;
/** How often each instance looks for digests to send (claims make a second instance's look harmless). */
export const DIGEST_CHECK_MS = 15 * 60_000;

export interface DigestDay {
  /** The Bangkok calendar date the digest covers, `YYYY-MM-DD`. */
  date: string;
  from: Date;
  to: Date;
}

/** The Bangkok day before `now`'s, if a digest for it may be sent now (after 08:00 Bangkok); else null. */
export function digestDayFor(now: Date): DigestDay | null {
  const local = new Date(now.getTime() + BANGKOK_OFFSET_MS);
  if (local.getUTCHours() < DIGEST_SEND_AFTER_HOUR) return null;
  const todayStart = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - BANGKOK_OFFSET_MS;
  const from = new Date(todayStart - 24 * 3600_000);
  return { date: new Date(from.getTime() + BANGKOK_OFFSET_MS).toISOString().slice(0, 10), from, to: new Date(todayStart) };
}

export interface HospitalOpens {
  hospitalName: string;
  opens: number;
  emergency: number;
}

const WORDS = {
  th: {
    head: (day: string) => `Health Link: วันที่ ${day} มีการเปิดดูข้อมูลสุขภาพของท่าน`,
    item: (h: HospitalOpens) => `${h.hospitalName} ${h.opens} ครั้ง${h.emergency > 0 ? ` (ฉุกเฉิน ${h.emergency})` : ''}`,
    tail: 'ดูรายละเอียดได้ในแอปผู้ป่วย หากไม่ใช่การรักษาของท่าน โปรดติดต่อโรงพยาบาล',
  },
  en: {
    head: (day: string) => `Health Link: on ${day} your health record was opened`,
    item: (h: HospitalOpens) => `${h.hospitalName} ${h.opens}×${h.emergency > 0 ? ` (emergency ${h.emergency})` : ''}`,
    tail: 'See the details in the patient app. If this was not for your care, contact the hospital.',
  },
} as const;

/**
 * The digest's text in the patient's language, Buddhist-era date in Thai, hospitals with the most openings
 * first; capped at `maxLength` by leaving hospitals out and saying how many more there were.
 */
export function composeDigest(day: string, hospitals: readonly HospitalOpens[], lang: Lang, maxLength: number): string {
  const w = WORDS[lang];
  const date = formatDate(`${day}T12:00:00+07:00`, lang).replace(/\s+\d{1,2}:\d{2}$/, '');
  const sorted = [...hospitals].sort((a, b) => b.opens - a.opens || a.hospitalName.localeCompare(b.hospitalName));
  for (let shown = sorted.length; shown >= 1; shown--) {
    const items = sorted.slice(0, shown).map(w.item);
    if (shown < sorted.length) items.push(lang === 'th' ? `และอีก ${sorted.length - shown} แห่ง` : `and ${sorted.length - shown} more`);
    const text = `${w.head(date)}: ${items.join(', ')}. ${w.tail}`;
    if (text.length <= maxLength) return text;
  }
  return `${w.head(date)}. ${w.tail}`.slice(0, maxLength);
}
