'use client';

import { useLocale } from '@/components/providers';
import type { AuditAction } from '@/lib/audit/actions';
import { AUDIT_ACTIONS } from '@/lib/audit/actions';
import type { AuditRowView } from '@/lib/audit/queries';
import { formatCitizenId } from '@/lib/identity/citizen-id';
import { formatDate } from '@/lib/i18n/format';
import { TableHead } from '@/components/shell/table-head';
import { ReviewBadge } from './review-badge';

const isKnownAction = (a: string): a is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(a);

/** The hospital's audit rows; emergency ones are highlighted with their review state. */
export function AuditTable({ rows }: { rows: AuditRowView[] }) {
  const { t, lang, calendar } = useLocale();
  if (rows.length === 0) return <p className="card text-muted">{t('audit.empty')}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{t('audit.title')}</caption>
        <TableHead
          columns={[
            t('audit.col.seq'),
            t('audit.col.time'),
            t('audit.col.actor'),
            t('audit.col.event'),
            t('audit.col.outcome'),
            t('audit.col.patient'),
            t('audit.col.purpose'),
            t('audit.col.details'),
            t('audit.col.address'),
          ]}
        />
        <tbody>
          {rows.map((r) => (
            <tr key={r.seq} data-action={r.action} className={`border-b border-line align-top ${r.emergency ? 'bg-warning-bg' : ''}`}>
              <td className="p-2 font-mono">{r.seq}</td>
              <td className="p-2 whitespace-nowrap">{formatDate(r.at, lang, calendar, true)}</td>
              <td className="p-2 whitespace-nowrap">
                {t(`audit.actor.${r.actorType as 'doctor' | 'admin' | 'service' | 'system' | 'anonymous'}`)}{' '}
                {r.actorType === 'doctor' && r.actorId ? t('common.licence', { licence: r.actorId }) : (r.actorId ?? '')}
                {r.actorRole ? <span className="text-muted"> ({r.actorRole})</span> : null}
              </td>
              <td className="p-2">{isKnownAction(r.action) ? t(`audit.action.${r.action}`) : r.action}</td>
              <td className="p-2">{t(`audit.outcome.${r.outcome}`)}</td>
              <td className="p-2 font-mono whitespace-nowrap">{r.patientCid ? formatCitizenId(r.patientCid) : '—'}</td>
              <td className="p-2">
                {r.purpose ? t(`audit.purpose.${r.purpose}`) : '—'}
                {r.emergency ? (
                  <span className="mt-1 block">
                    <ReviewBadge outcome={r.emergency.reviewOutcome} overdue={r.emergency.overdue} />
                  </span>
                ) : null}
              </td>
              <td className="p-2 break-all text-muted">{r.summary || '—'}</td>
              <td className="p-2 font-mono">{r.clientIp ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
