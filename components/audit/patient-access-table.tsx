'use client';

import { useLocale } from '@/components/providers';
import { AUDIT_ACTIONS, type AuditAction } from '@/lib/audit/actions';
import type { PatientAccessView } from '@/lib/audit/patient-log';
import { formatTypeCounts } from '@/lib/audit/summary';
import { formatDate } from '@/lib/i18n/format';
import { TableHead } from '@/components/shell/table-head';

const isKnownAction = (a: string): a is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(a);

/** Every access to one patient's records, by any hospital: who, where, when, why, what (counts only). */
export function PatientAccessTable({ rows, hospitalNames }: { rows: PatientAccessView[]; hospitalNames: Record<string, string> }) {
  const { t, lang, calendar } = useLocale();
  if (rows.length === 0) return <p className="card text-muted">{t('patientAccess.empty')}</p>;
  const name = (code: string | null) => (code ? (hospitalNames[code] ?? code) : '—');
  return (
    <div className="space-y-2">
      <p>{t('patientAccess.count', { count: rows.length })}</p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">{t('patientAccess.title')}</caption>
          <TableHead
            columns={[
              t('audit.col.time'),
              t('patientAccess.col.who'),
              t('patientAccess.col.hospital'),
              t('audit.col.purpose'),
              t('audit.col.event'),
              t('audit.col.outcome'),
              t('patientAccess.col.what'),
            ]}
          />
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className={`border-b border-line align-top ${r.purpose === 'ETREAT' ? 'bg-warning-bg' : ''}`}>
                <td className="p-2 whitespace-nowrap">{formatDate(r.at, lang, calendar, true)}</td>
                <td className="p-2 whitespace-nowrap">
                  {r.licence
                    ? t('common.licence', { licence: r.licence })
                    : t(`audit.actor.${r.actorType as 'doctor' | 'admin' | 'service' | 'system' | 'anonymous'}`)}
                </td>
                <td className="p-2">{name(r.hospitalCode)}</td>
                <td className="p-2">{r.purpose ? t(`audit.purpose.${r.purpose}`) : '—'}</td>
                <td className="p-2">{isKnownAction(r.action) ? t(`audit.action.${r.action}`) : r.action}</td>
                <td className="p-2">{t(`audit.outcome.${r.outcome}`)}</td>
                <td className="p-2 text-muted">
                  {[r.what.hospitals.map(name).join(', '), formatTypeCounts(r.what.resourceTypes)].filter(Boolean).join(' · ') || '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
