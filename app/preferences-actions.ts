'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { CALENDAR_COOKIE, LANG_COOKIE } from '@/lib/i18n/server';

const prefsSchema = z.object({ lang: z.enum(['th', 'en']).optional(), calendar: z.enum(['buddhist', 'gregory']).optional() });

const YEAR = 365 * 24 * 3600;

/** Remembers the language and calendar; not personal data, so it needs no sign-in. */
export async function setPreferences(formData: FormData): Promise<void> {
  const parsed = prefsSchema.safeParse({ lang: formData.get('lang') ?? undefined, calendar: formData.get('calendar') ?? undefined });
  if (!parsed.success) return;
  const jar = await cookies();
  const options = { httpOnly: true, sameSite: 'lax' as const, path: '/', maxAge: YEAR };
  if (parsed.data.lang) {
    jar.set(LANG_COOKIE, parsed.data.lang, options);
    jar.delete(CALENDAR_COOKIE);
  }
  if (parsed.data.calendar) jar.set(CALENDAR_COOKIE, parsed.data.calendar, options);
}
