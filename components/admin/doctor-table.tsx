'use client';

import Link from 'next/link';
import { useLocale } from '@/components/providers';
import { localName } from '@/lib/i18n/local-name';
import type { GrantStatusFilter } from '@/lib/admin/schemas';
import type { DoctorGrantRow } from '@/lib/admin/view-models';
import { formatDate } from '@/lib/i18n/format';
import { TableHead } from '@/components/shell/table-head';
import { GrantStatusBadge } from './status-badge';

const FILTERS: GrantStatusFilter[] = ['all', 'active', 'suspended', 'expired', 'revoked'];

/** The hospital's doctors with their access; the status filter is plain links so it works without script. */
export function DoctorTable({ rows, filter }: { rows: DoctorGrantRow[]; filter: GrantStatusFilter }) {
  const { t, lang, calendar } = useLocale();
  return (
    <div className="space-y-3">
      <nav aria-label={t('admin.doctors.filter')}>
        <ul className="flex flex-wrap gap-2">
          {FILTERS.map((f) => (
            <li key={f}>
              <Link
                href={f === 'all' ? '/admin' : `/admin?status=${f}`}
                aria-current={f === filter ? 'page' : undefined}
                className={`inline-block rounded-full border px-3 py-1 text-sm font-semibold ${f === filter ? 'border-brand bg-brand text-white' : 'border-line bg-surface text-ink'}`}
              >
                {t(`admin.status.${f}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? (
        <p className="text-muted">{t('admin.doctors.empty')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <TableHead
              columns={[
                t('admin.col.name'),
                t('admin.col.licence'),
                t('admin.col.role'),
                t('admin.col.status'),
                t('admin.col.since'),
                t('admin.col.until'),
                t('admin.col.lastSignIn'),
              ]}
            />
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-line" data-licence={r.licence}>
                  <th scope="row" className="p-2 font-semibold">
                    <Link href={`/admin/doctors/${r.id}`} className="text-info underline">
                      {localName(lang, r.nameTh, r.nameEn)}
                    </Link>
                  </th>
                  <td className="p-2 whitespace-nowrap">{t('common.licence', { licence: r.licence })}</td>
                  <td className="p-2">{t(`admin.role.${r.role}`)}</td>
                  <td className="p-2">
                    <GrantStatusBadge status={r.status} />
                  </td>
                  <td className="p-2 whitespace-nowrap">{formatDate(r.since, lang, calendar)}</td>
                  <td className="p-2 whitespace-nowrap">
                    {r.validUntil ? formatDate(r.validUntil, lang, calendar) : t('admin.doctors.noEnd')}
                  </td>
                  <td className="p-2 whitespace-nowrap">
                    {r.lastSignInAt ? formatDate(r.lastSignInAt, lang, calendar, true) : t('admin.doctors.never')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
