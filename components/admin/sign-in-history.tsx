'use client';

import { useLocale } from '@/components/providers';
import type { SignInEvent } from '@/lib/admin/view-models';
import { formatDate } from '@/lib/i18n/format';
import { TableHead } from '@/components/shell/table-head';

/** When and from where a doctor signed in at this hospital. No patients, no clinical data. */
export function SignInHistory({ events }: { events: SignInEvent[] }) {
  const { t, lang, calendar } = useLocale();
  return (
    <section aria-labelledby="history-heading" className="card space-y-3">
      <h2 id="history-heading" className="text-xl font-bold">
        {t('admin.doctor.history')}
      </h2>
      {events.length === 0 ? (
        <p className="text-muted">{t('admin.history.empty')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <TableHead columns={[t('admin.col.time'), t('admin.col.event'), t('admin.col.outcome'), t('admin.col.address')]} />
            <tbody>
              {events.map((e, i) => (
                <tr key={`${e.at}-${i}`} className="border-b border-line">
                  <td className="p-2 whitespace-nowrap">{formatDate(e.at, lang, calendar, true)}</td>
                  <td className="p-2">{t(`admin.history.${e.action}`)}</td>
                  <td className="p-2">{t(`admin.outcome.${e.outcome}`)}</td>
                  <td className="p-2 font-mono text-sm">{e.clientIp ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
