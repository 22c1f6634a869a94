'use client';

import { useEffect, useState } from 'react';
import type { Calendar, Lang } from '@/lib/i18n/format';
import { formatDate, formatSourceDate } from '@/lib/i18n/format';
import type { HospitalView } from '@/lib/timeline/types';
import { pick } from './labels';

export interface LedgerRow {
  code: string;
  name: string;
  state: 'waiting' | 'done' | 'failed-request';
  view?: HospitalView;
  startedAt: number;
  errorMessage?: string;
}

const STATUS_TEXT = {
  answered: { th: 'ตอบแล้ว', en: 'Answered', icon: '✓', tone: 'border-ok bg-ok-bg text-ok' },
  'no-data': { th: 'ตอบแล้ว ไม่มีข้อมูล', en: 'Answered: no records', icon: '∅', tone: 'border-line bg-canvas text-muted' },
  'not-shared': { th: 'ผู้ป่วยไม่ได้แชร์', en: 'Not shared', icon: '⊘', tone: 'border-line bg-canvas text-muted' },
  timeout: { th: 'หมดเวลารอ', en: 'Timed out', icon: '⏱', tone: 'border-warning bg-warning-bg text-warning' },
  error: { th: 'ผิดพลาด', en: 'Error', icon: '⚠', tone: 'border-critical bg-critical-bg text-critical' },
  malformed: { th: 'ข้อมูลเสียหาย', en: 'Malformed answer', icon: '⚠', tone: 'border-critical bg-critical-bg text-critical' },
  'circuit-open': { th: 'พักการเรียกชั่วคราว', en: 'Paused (repeated failures)', icon: '⏸', tone: 'border-warning bg-warning-bg text-warning' },
} as const;

/** Seconds since the request began; starts at 0.0 so the server's HTML and the first browser render agree. */
function Elapsed({ since, lang }: { since: number; lang: Lang }) {
  const [now, setNow] = useState(since);
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(t);
  }, []);
  const s = Math.max(0, (now - since) / 1000).toFixed(1);
  return <span>{lang === 'th' ? `กำลังรอ ${s} วินาที` : `waiting ${s} s`}</span>;
}

/**
 * The coverage ledger: what every sharing hospital said, so "nothing returned" is never read as "nothing
 * exists". Failed hospitals can be retried one by one.
 */
export function CoverageLedger({ rows, lang, calendar, onRetry }: { rows: LedgerRow[]; lang: Lang; calendar: Calendar; onRetry: (code: string) => void }) {
  const waiting = rows.filter((r) => r.state === 'waiting').length;
  return (
    <section aria-labelledby="ledger-title" className="card">
      <h2 id="ledger-title" className="mb-2 text-lg font-bold">
        {pick(lang, { th: 'สถานะแต่ละโรงพยาบาล', en: 'Hospitals and what they answered' })}
        <span className="ml-2 text-sm font-normal text-muted" role="status" aria-live="polite">
          {waiting > 0
            ? pick(lang, { th: `รอคำตอบอีก ${waiting} แห่ง`, en: `${waiting} still to answer` })
            : pick(lang, { th: `ครบทั้ง ${rows.length} แห่ง`, en: `All ${rows.length} have answered or failed` })}
        </span>
      </h2>
      <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3" data-testid="coverage-ledger">
        {rows.map((r) => {
          const status = r.state === 'failed-request' ? 'error' : r.view?.status;
          const meta = status ? STATUS_TEXT[status] : null;
          const failed = r.state === 'failed-request' || status === 'timeout' || status === 'error' || status === 'malformed' || status === 'circuit-open';
          return (
            <li key={r.code} className={`rounded-md border p-2 text-sm ${meta?.tone ?? 'border-info bg-info-bg text-info'}`} data-hospital={r.code} data-status={r.state === 'waiting' ? 'waiting' : status}>
              <div className="font-semibold text-ink">{r.name}</div>
              {r.state === 'waiting' ? (
                <div>
                  <span aria-hidden="true">⏳ </span>
                  <Elapsed since={r.startedAt} lang={lang} />
                </div>
              ) : (
                <div>
                  <span aria-hidden="true">{meta?.icon} </span>
                  <span className="font-semibold">{meta ? pick(lang, meta) : ''}</span>
                  {r.view && r.view.status === 'answered' && (
                    <span>
                      {' · '}
                      {pick(lang, { th: `${r.view.records} รายการ`, en: `${r.view.records} records` })}
                      {r.view.newestDate && <> {' · '}{pick(lang, { th: 'ล่าสุด', en: 'newest' })} {formatSourceDate(r.view.newestDate, lang, calendar)}</>}
                    </span>
                  )}
                  {r.view && (
                    <div className="text-xs text-muted">
                      {pick(lang, { th: 'ดึงเมื่อ', en: 'fetched' })} {formatDate(r.view.fetchedAt, lang, calendar, true)} · {(r.view.elapsedMs / 1000).toFixed(1)} s
                    </div>
                  )}
                  {r.view && r.view.droppedWrongPatient + r.view.droppedUnverifiable > 0 && (
                    <div className="mt-1 font-semibold text-critical" role="alert">
                      ⚠ {pick(lang, { th: `ตัดข้อมูลที่ไม่ใช่ของผู้ป่วยรายนี้ออก ${r.view.droppedWrongPatient + r.view.droppedUnverifiable} รายการ (บันทึกเป็นเหตุการณ์ความปลอดภัยแล้ว)`, en: `${r.view.droppedWrongPatient + r.view.droppedUnverifiable} record(s) not belonging to this patient were dropped (recorded as a safety event)` })}
                    </div>
                  )}
                  {r.errorMessage && <div className="text-xs">{r.errorMessage}</div>}
                  {failed && (
                    <button type="button" className="mt-1 text-sm font-semibold text-info underline" onClick={() => onRetry(r.code)}>
                      {pick(lang, { th: 'ลองใหม่', en: 'Retry' })} <span className="sr-only">{r.name}</span>
                    </button>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
