import Link from 'next/link';
import { HeaderSignOutButton, SIGNED_OUT_URL } from '@/components/auth/sign-out-button';
import type { Calendar, Lang } from '@/lib/i18n/format';
import { PreferencesSwitch } from './preferences-switch';

export interface HeaderUser {
  kind: 'doctor' | 'admin';
  displayName: string;
  hospitalLabel: string | null;
  role: string | null;
}

export interface HeaderLabels {
  appName: string;
  patients: string;
  emergency: string;
  signOut: string;
  switchHospital: string;
  language: string;
  calendar: string;
  buddhist: string;
  gregory: string;
  skip: string;
  passkeys: string;
}

/**
 * The app bar: product name, who is signed in at which hospital, navigation, language and calendar, and
 * a sign-out button that signs out at once (no second page to confirm on).
 * Its links are not prefetched: every page is rendered per request behind the session check, so a
 * prefetch is a server round trip per link on every page view, for a click that rarely follows.
 */
export function AppHeader({
  user,
  lang,
  calendar,
  labels,
}: {
  user: HeaderUser | null;
  lang: Lang;
  calendar: Calendar;
  labels: HeaderLabels;
}) {
  return (
    <header className="bg-brand text-white no-print">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-ink"
      >
        {labels.skip}
      </a>
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-2">
        <div className="flex items-center gap-4">
          <Link prefetch={false} href="/" className="text-lg font-bold">
            {labels.appName}
          </Link>
          {user?.kind === 'doctor' && (
            <nav aria-label="main" className="flex gap-3 text-sm font-semibold">
              <Link prefetch={false} href="/patients" className="hover:underline">
                {labels.patients}
              </Link>
              {user.role === 'ed' && (
                <Link prefetch={false} href="/emergency" className="hover:underline">
                  {labels.emergency}
                </Link>
              )}
            </nav>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-4">
          {user && (
            <div className="text-sm leading-tight" data-testid="signed-in-user">
              <div className="font-semibold">{user.displayName}</div>
              {user.hospitalLabel && <div className="opacity-90">{user.hospitalLabel}</div>}
            </div>
          )}
          {user?.kind === 'doctor' && (
            <Link prefetch={false} href="/select-hospital" className="text-sm underline">
              {labels.switchHospital}
            </Link>
          )}
          {user?.kind === 'doctor' && (
            <Link prefetch={false} href="/passkeys" className="text-sm underline">
              {labels.passkeys}
            </Link>
          )}
          <PreferencesSwitch lang={lang} calendar={calendar} labels={labels} />
          {user && (
            <HeaderSignOutButton
              label={labels.signOut}
              callbackUrl={user.kind === 'admin' ? '/admin/login' : SIGNED_OUT_URL}
              className="btn-secondary min-h-9 px-3 py-1 text-sm"
            />
          )}
        </div>
      </div>
    </header>
  );
}
