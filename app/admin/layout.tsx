import type { ReactNode } from 'react';
import { AdminNav } from '@/components/admin/admin-nav';
import { currentUser } from '@/lib/auth/guard';
import { appDeps } from '@/lib/entry/deps';
import { hospitalDirectory, hospitalLabel } from '@/lib/hospitals';
import { getLocale } from '@/lib/i18n/server';

/** Navigation for signed-in admins. Not an authorisation check: every page and action calls the guard itself. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await currentUser(await appDeps());
  if (user?.kind !== 'admin' || !user.hospitalCode) return children;
  const { lang } = await getLocale();
  const label = hospitalLabel(await hospitalDirectory((await appDeps()).exchange), user.hospitalCode, lang);
  return (
    <div className="space-y-6">
      <AdminNav hospitalLabel={label} role={user.role === 'privacy-officer' ? 'privacy-officer' : 'admin'} />
      {children}
    </div>
  );
}
