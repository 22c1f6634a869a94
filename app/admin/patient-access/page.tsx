import { adminActor } from '@/lib/audit/actor';
import { z } from 'zod';
import { PatientAccessTable } from '@/components/audit/patient-access-table';
import { citizenIdSchema } from '@/lib/audit/filters';
import { listPatientAccesses } from '@/lib/audit/patient-log';
import { withAuditedRead } from '@/lib/audit/read';
import { adminPage } from '@/lib/entry/pages';
import { hospitalDirectory, hospitalLabel } from '@/lib/hospitals';
import { getLocale } from '@/lib/i18n/server';

const searchSchema = z.object({ cid: z.preprocess((v) => (v === '' ? undefined : v), citizenIdSchema.optional()) });

/** Privacy office: every access to one patient's records by any hospital (the search itself is audited). */
export default adminPage(async function PatientAccessPage({ admin, searchParams: params, deps }) {
  const { t, lang } = await getLocale();
  const typed = typeof params.cid === 'string' ? params.cid : '';
  const parsed = searchSchema.safeParse(params);
  const cid = parsed.success ? parsed.data.cid : undefined;
  const database = deps.db;
  const rows = cid
    ? await withAuditedRead(
        database,
        (found: unknown[]) => ({
          ...adminActor(admin),
          action: 'access-log-read',
          outcome: 'success',
          patientCid: cid,
          details: { view: 'patient-access-report', count: found.length },
        }),
        () => listPatientAccesses(database, cid),
      )
    : null;
  const hospitalNames: Record<string, string> = {};
  if (rows) {
    const codes = new Set(rows.flatMap((r) => [r.hospitalCode, ...r.what.hospitals]).filter((c): c is string => c !== null));
    const directory = await hospitalDirectory(deps.exchange).catch(() => new Map<string, never>());
    for (const c of codes) hospitalNames[c] = hospitalLabel(directory, c, lang);
  }
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t('patientAccess.title')}</h1>
        <p className="text-muted">{t('patientAccess.intro')}</p>
      </div>
      <form method="get" action="/admin/patient-access" className="card flex flex-wrap items-end gap-3">
        <div className="grow">
          <label htmlFor="cid" className="label">
            {t('patientAccess.cid')}
          </label>
          <input
            id="cid"
            name="cid"
            className="field"
            inputMode="numeric"
            autoComplete="off"
            required
            defaultValue={typed}
            aria-invalid={!parsed.success ? true : undefined}
            aria-describedby={!parsed.success ? 'cid-error' : undefined}
          />
          {!parsed.success && (
            <p id="cid-error" className="field-error">
              {t('audit.error.cid')}
            </p>
          )}
        </div>
        <button type="submit" className="btn-primary">
          {t('patientAccess.submit')}
        </button>
      </form>
      {rows && <PatientAccessTable rows={rows} hospitalNames={hospitalNames} />}
    </div>
  );
}, 'privacy-officer');
