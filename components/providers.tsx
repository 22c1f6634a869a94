'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createContext, useContext, useState, type ReactNode } from 'react';
import type { Calendar, Lang } from '@/lib/i18n/format';
import { translate, type MessageKey } from '@/lib/i18n/messages';

interface LocaleValue {
  lang: Lang;
  calendar: Calendar;
}

const LocaleContext = createContext<LocaleValue>({ lang: 'th', calendar: 'buddhist' });

/** The language, calendar and message lookup for client components. */
export function useLocale() {
  const { lang, calendar } = useContext(LocaleContext);
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars);
  return { lang, calendar, t };
}

export function Providers({ lang, calendar, children }: LocaleValue & { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: Infinity, gcTime: 5 * 60_000 } },
      }),
  );
  return (
    <LocaleContext.Provider value={{ lang, calendar }}>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </LocaleContext.Provider>
  );
}
