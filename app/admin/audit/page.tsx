import { adminActor } from '@/lib/audit/actor';
import Link from 'next/link';
import { AuditFilterForm, type AuditFilterField } from '@/components/audit/audit-filter-form';
import { AuditTable } from '@/components/audit/audit-table';
import { filterErrorKind, filterToQuery, parseAuditFilter } from '@/lib/audit/filters';
import { listAuditRows } from '@/lib/audit/queries';
import { withAuditedRead } from '@/lib/audit/read';
import { adminPage } from '@/lib/entry/pages';
import { formatDate } from '@/lib/i18n/format';
import { getLocale } from '@/lib/i18n/server';

const FIELDS: AuditFilterField[] = ['doctor', 'patient', 'action', 'outcome', 'purpose', 'from', 'to'];

export default adminPage(async function AdminAuditPage({ admin, searchParams: params, deps }) {
  const { t, lang, calendar } = await getLocale();
  const values = Object.fromEntries(FIELDS.map((f) => [f, typeof params[f] === 'string' ? params[f] : ''])) as Record<
    AuditFilterField,
    string
  >;
  const parsed = parseAuditFilter(params);
  const errors = parsed.ok
    ? {}
    : Object.fromEntries(
        Object.entries(parsed.fieldErrors)
          .filter(([k]) => k !== 'before')
          .map(([k, m]) => [k, `audit.error.${filterErrorKind(m)}` as const]),
      );
  const filter = parsed.ok ? parsed.filter : null;
  const database = deps.db;
  const page = filter
    ? await withAuditedRead(
        database,
        {
          ...adminActor(admin),
          action: 'access-log-read',
          outcome: 'success',
          patientCid: filter.patient ?? null,
          details: { view: 'admin-audit', filters: Object.keys(filter).filter((k) => k !== 'patient') },
        },
        () => listAuditRows(database, admin.hospitalCode, filter),
      )
    : null;
  const period =
    filter?.from || filter?.to
      ? t('audit.filter.period', { from: formatDate(filter.from, lang, calendar), to: formatDate(filter.to, lang, calendar) })
      : null;
  const query = filter ? filterToQuery(filter) : '';
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{t('audit.title')}</h1>
          <p className="text-muted">{t('audit.intro')}</p>
        </div>
        <Link href="/admin/patient-access" className="text-info underline">
          {t('audit.patientAccessLink')}
        </Link>
      </div>
      <AuditFilterForm values={values} errors={errors} periodText={period} />
      {page && (
        <>
          <p>
            <a href={`/admin/audit/export${query ? `?${query}` : ''}`} className="btn-secondary" download>
              {t('audit.export')}
            </a>
          </p>
          <AuditTable rows={page.rows} />
          <nav aria-label={t('audit.pagination')} className="flex flex-wrap gap-3">
            {filter?.before ? (
              <Link href={`/admin/audit${query ? `?${query}` : ''}`} className="btn-secondary">
                {t('audit.newest')}
              </Link>
            ) : null}
            {page.nextBefore ? (
              <Link
                href={`/admin/audit?${filterToQuery(filter!, { before: String(page.nextBefore) })}`}
                className="btn-secondary"
                rel="next"
              >
                {t('audit.older')}
              </Link>
            ) : null}
          </nav>
        </>
      )}
    </div>
  );
}, 'privacy-officer');
