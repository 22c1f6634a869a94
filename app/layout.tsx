import './globals.css';
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { sarabunLatin, sarabunThai } from './fonts';
import { Providers } from '@/components/providers';
import { AppHeader } from '@/components/shell/app-header';
import { IdleTimeout } from '@/components/shell/idle-timeout';
import { env } from '@/lib/env';
import { currentUser } from '@/lib/auth/guard';
import { appDeps } from '@/lib/entry/deps';
import { hospitalDirectory, hospitalLabel } from '@/lib/hospitals';
import { getLocale } from '@/lib/i18n/server';

export const metadata: Metadata = {
  title: 'Health Link Viewer',
  description: 'Patient history from every hospital the patient shares with',
  robots: { index: false, follow: false },
  // A ward tablet can install the viewer from the browser (public/manifest.webmanifest, Thai name).
  manifest: '/manifest.webmanifest',
  icons: {
    icon: [
      { url: '/favicon.ico', sizes: '32x32' },
      { url: '/icon.svg', type: 'image/svg+xml' },
    ],
    apple: '/icons/apple-touch-icon.png',
  },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0f5f73' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { lang, calendar, t } = await getLocale();
  // The header shows who is signed in; it is not an authorisation check (each page does its own).
  const user = await currentUser(await appDeps());
  const directory = user?.hospitalCode ? await hospitalDirectory((await appDeps()).exchange) : new Map<string, never>();
  return (
    <html lang={lang} className={`${sarabunThai.variable} ${sarabunLatin.variable}`}>
      <body className="min-h-screen">
        <Providers lang={lang} calendar={calendar}>
          <AppHeader
            lang={lang}
            calendar={calendar}
            user={
              user && {
                kind: user.kind,
                displayName: user.displayName,
                role: user.role,
                hospitalLabel: user.hospitalCode ? hospitalLabel(directory, user.hospitalCode, lang) : null,
              }
            }
            labels={{
              appName: t('app.name'),
              patients: t('nav.patients'),
              emergency: t('nav.emergency'),
              signOut: t('nav.signOut'),
              switchHospital: t('nav.switchHospital'),
              language: t('prefs.language'),
              calendar: t('prefs.calendar'),
              buddhist: t('prefs.buddhist'),
              gregory: t('prefs.gregory'),
              skip: t('app.skip'),
              passkeys: t('nav.passkeys'),
            }}
          />
          {user && <IdleTimeout minutes={env().SESSION_IDLE_MINUTES} signInPath={user.kind === 'admin' ? '/admin/login' : '/login'} />}
          <main id="main" className="mx-auto max-w-7xl px-4 py-6">
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}
