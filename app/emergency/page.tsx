import Link from 'next/link';
import { z } from 'zod';
import { EmergencyLookup } from '@/components/emergency/emergency-lookup';
import { doctorPage } from '@/lib/entry/pages';
import { auditEmergencyDenied } from '@/lib/emergency/service';
import { getLocale } from '@/lib/i18n/server';
import { listPasskeyViews } from '@/lib/passkey/manage';
import { startEmergencyStepUpAction } from './actions';

export const dynamic = 'force-dynamic';

/** ED quick lookup and break-the-glass. Doctors without role 'ed' get an explanation (and an audited denial). */
const searchSchema = z.object({ ended: z.literal('1').optional() });

export default doctorPage(async function EmergencyPage({ doctor, searchParams, deps }) {
  const { t } = await getLocale();
  const search = searchSchema.safeParse(searchParams);
  const ended = search.success && search.data.ended === '1';
  if (doctor.role !== 'ed') {
    await auditEmergencyDenied(doctor, deps.db, 'page');
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
  // A doctor with a passkey steps up with it instead of the PIN (the service insists on the same).
  const hasPasskey = (await listPasskeyViews(deps.db, doctor.licence)).length > 0;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t('emergency.title')}</h1>
        <p className="text-muted">{t('emergency.intro')}</p>
      </div>
      {ended && (
        <p role="status" className="rounded-md border border-ok bg-ok-bg p-3 font-semibold text-ok">
          <span aria-hidden="true">✓ </span>
          {t('emergency.ended')}
        </p>
      )}
      <EmergencyLookup passkey={hasPasskey ? { startStepUp: startEmergencyStepUpAction } : null} />
    </div>
  );
});
