import Link from 'next/link';
import { EmergencyLookup } from '@/components/emergency/emergency-lookup';
import { requireDoctorPage } from '@/lib/auth/guard';
import { db } from '@/lib/db';
import { auditEmergencyDenied } from '@/lib/emergency/service';
import { getLocale } from '@/lib/i18n/server';

export const dynamic = 'force-dynamic';

/** ED quick lookup and break-the-glass. Doctors without role 'ed' get an explanation (and an audited denial). */
export default async function EmergencyPage() {
  const doctor = await requireDoctorPage();
  const { t } = await getLocale();
  if (doctor.role !== 'ed') {
    await auditEmergencyDenied(doctor, await db(), 'page');
    return (
      <div className="mx-auto max-w-2xl space-y-4">
        <h1 className="text-2xl font-bold">{t('emergency.notEd.title')}</h1>
        <p role="alert" className="rounded-md border border-warning bg-warning-bg p-3 font-semibold text-warning">
          <span aria-hidden="true">⚠ </span>
          {t('emergency.notEd.body')}
        </p>
        <p>
          <Link href="/patients" className="text-info underline">
            {t('nav.patients')}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t('emergency.title')}</h1>
        <p className="text-muted">{t('emergency.intro')}</p>
      </div>
      <EmergencyLookup />
    </div>
  );
}
