'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { formAction, publicAction } from '@/lib/entry/actions';
import { formSchema } from '@/lib/forms';
import { CALENDAR_COOKIE, LANG_COOKIE } from '@/lib/i18n/server';

const prefsSchema = formSchema({ lang: z.enum(['th', 'en']).optional(), calendar: z.enum(['buddhist', 'gregory']).optional() });

const YEAR = 365 * 24 * 3600;

/** Remembers the language and calendar; not personal data, so it needs no sign-in. */
export const setPreferences = formAction(
  publicAction({ input: prefsSchema, invalid: undefined }, async (_ctx, prefs) => {
    const jar = await cookies();
    const options = { httpOnly: true, sameSite: 'lax' as const, path: '/', maxAge: YEAR };
    if (prefs.lang) {
      jar.set(LANG_COOKIE, prefs.lang, options);
      jar.delete(CALENDAR_COOKIE);
    }
    if (prefs.calendar) jar.set(CALENDAR_COOKIE, prefs.calendar, options);
  }),
);
