import 'server-only';
import { cookies } from 'next/headers';
import { defaultCalendar, type Calendar, type Lang } from './format';
import { translate, type MessageKey } from './messages';

export const LANG_COOKIE = 'hl-lang';
export const CALENDAR_COOKIE = 'hl-cal';

export interface Locale {
  lang: Lang;
  calendar: Calendar;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
}

/** The user's language and calendar from their remembered choice (Thai and the Buddhist era by default). */
export async function getLocale(): Promise<Locale> {
  const jar = await cookies();
  const lang: Lang = jar.get(LANG_COOKIE)?.value === 'en' ? 'en' : 'th';
  const cal = jar.get(CALENDAR_COOKIE)?.value;
  const calendar: Calendar = cal === 'buddhist' || cal === 'gregory' ? cal : defaultCalendar(lang);
  return { lang, calendar, t: (key, vars) => translate(lang, key, vars) };
}
