'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useLocale } from '@/components/providers';
import type { MessageKey } from '@/lib/i18n/messages';

type Link = { href: string; label: MessageKey; exact: boolean };
// Each role its own console: staff for the hospital admin, who-saw-what for the privacy officer.
const LINKS: Record<'admin' | 'privacy-officer', Link[]> = {
  admin: [
    { href: '/admin', label: 'admin.nav.doctors', exact: false },
    { href: '/admin/security', label: 'passkey.admin.nav', exact: false },
    { href: '/admin/access-rules', label: 'accessRules.nav', exact: false },
  ],
  'privacy-officer': [
    { href: '/admin/alerts', label: 'alerts.nav.alerts', exact: false },
    { href: '/admin/audit', label: 'admin.nav.audit', exact: false },
    { href: '/admin/reviews', label: 'admin.nav.reviews', exact: false },
    { href: '/admin/patient-access', label: 'alerts.nav.patientAccess', exact: false },
  ],
};

function isCurrent(pathname: string, href: string): boolean {
  if (href === '/admin') return pathname === '/admin' || pathname.startsWith('/admin/doctors');
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** The hospital admin console's navigation; the hospital is the only one this admin can see. */
export function AdminNav({ hospitalLabel, role }: { hospitalLabel: string; role: 'admin' | 'privacy-officer' }) {
  const { t } = useLocale();
  const pathname = usePathname();
  return (
    <nav aria-label={t('admin.nav.label')} className="flex flex-wrap items-center gap-x-6 gap-y-2 border-b border-line pb-3">
      <span className="font-bold text-brand">{hospitalLabel}</span>
      <ul className="flex flex-wrap gap-4 font-semibold">
        {LINKS[role].map((l) => (
          <li key={l.href}>
            <Link
              href={l.href}
              aria-current={isCurrent(pathname, l.href) ? 'page' : undefined}
              className="underline-offset-4 hover:underline aria-[current=page]:underline"
            >
              {t(l.label)}
            </Link>
          </li>
        ))}
        <li>
          <Link href="/signout" className="underline-offset-4 hover:underline">
            {t('nav.signOut')}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
