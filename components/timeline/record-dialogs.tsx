'use client';

import dynamic from 'next/dynamic';
import { useEffect, useRef, useState } from 'react';
import type { Calendar, Lang } from '@/lib/i18n/format';
import { formatSourceDate } from '@/lib/i18n/format';
import type { ClinicalFact, TimelineEntry } from '@/lib/clinical/types';
import { displayUnit } from '@/lib/clinical/unit-display';
import { conceptName } from '@/lib/clinical/names';
import { translate } from '@/lib/i18n/messages';
import { localName } from '@/lib/i18n/local-name';
import {
  criticalityLabel,
  encounterClassLabel,
  kindLabel,
  medicationSourceLabel,
  modalityLabel,
  statusLabel,
  verificationLabel,
} from './labels';
import { formatResultRange, formatResultValue } from '@/lib/clinical/result-format';

// Mantine and @medplum/react (~375 KB gzip) load only when the physician asks for the original record.
const OriginalRecordView = dynamic(() => import('@/components/fhir/original-record-view'), { ssr: false });

function useDialog(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return ref;
}

/** The drawer's label/value pairs for one record: every coded field as words in `lang`. */
export function factRows(f: ClinicalFact, lang: Lang, calendar: Calendar): [string, string][] {
  const rows: [string, string][] = [
    [translate(lang, 'record.detail.asRecorded'), f.display],
    [translate(lang, 'common.date'), formatSourceDate(f.date, lang, calendar, true)],
    [translate(lang, 'record.detail.status'), statusLabel(lang, f.status) || '—'],
    [translate(lang, 'record.detail.codes'), f.codes.map((c) => `${c.code} (${c.system.replace(/^https?:\/\//, '')})`).join(', ') || '—'],
    [translate(lang, 'record.detail.source'), `${f.resourceType}/${f.resourceId}`],
  ];
  switch (f.kind) {
    case 'lab':
    case 'vital':
      rows.push([
        translate(lang, 'record.detail.result'),
        f.value !== undefined ? `${formatResultValue(f.analyteKey, f.value, f.unit)} ${displayUnit(f.unit)}` : (f.valueText ?? ''),
      ]);
      if (f.refLow !== undefined || f.refHigh !== undefined)
        rows.push([
          translate(lang, 'record.detail.refRange'),
          `${formatResultRange(f.analyteKey, f.refLow, f.refHigh, f.refUnit ?? f.unit)} ${displayUnit(f.refUnit ?? f.unit)}`,
        ]);
      break;
    case 'medication':
      rows.push(
        [translate(lang, 'record.detail.dose'), f.dose ?? '—'],
        [translate(lang, 'detail.recordType'), medicationSourceLabel(lang, f.source)],
      );
      if (f.statusReason !== undefined) rows.push([translate(lang, 'detail.statusReason'), f.statusReason]);
      if (f.indication !== undefined) rows.push([translate(lang, 'detail.indication'), f.indication]);
      break;
    case 'imaging':
      rows.push(
        [translate(lang, 'record.detail.modality'), f.modality !== undefined ? modalityLabel(lang, f.modality) : '—'],
        [translate(lang, 'record.detail.bodySite'), localName(lang, f.bodySiteTh, f.bodySite) ?? '—'],
        [translate(lang, 'record.detail.conclusion'), f.conclusion ?? '—'],
        [translate(lang, 'record.detail.fullReport'), f.reportText ?? '—'],
      );
      break;
    case 'lab-report':
      rows.push(
        [translate(lang, 'record.detail.conclusion'), f.conclusion ?? '—'],
        [translate(lang, 'record.detail.report'), f.reportText ?? '—'],
      );
      break;
    case 'allergy':
      rows.push(
        [translate(lang, 'record.detail.reactions'), f.reactions.join(', ') || '—'],
        [translate(lang, 'record.detail.criticality'), f.criticality ? criticalityLabel(lang, f.criticality) : '—'],
        [translate(lang, 'record.detail.verification'), verificationLabel(lang, f.verificationStatus)],
      );
      break;
    case 'encounter':
      rows.push(
        [translate(lang, 'record.detail.class'), encounterClassLabel(lang, f.encounterClass)],
        [translate(lang, 'record.detail.reason'), f.reason ?? '—'],
      );
      break;
    case 'condition':
      rows.push([translate(lang, 'record.detail.onset'), formatSourceDate(f.onset, lang, calendar)]);
      break;
    case 'immunization':
    case 'procedure':
      break;
    case 'document':
      rows.push([translate(lang, 'documents.type'), f.typeText], [translate(lang, 'documents.author'), f.authorOrganization ?? '—']);
      break;
    case 'flag':
      break;
  }
  return rows;
}

/** The detail drawer: every field the viewer received for the entry, as plain text (never source HTML). */
export function EntryDetail({
  entry,
  names,
  lang,
  calendar,
  onClose,
  accessId,
}: {
  entry: TimelineEntry | null;
  names: Record<string, string>;
  lang: Lang;
  calendar: Calendar;
  onClose: () => void;
  /** When given, each source record can be viewed as its hospital sent it. */
  accessId?: string;
}) {
  const ref = useDialog(entry !== null);
  // The source whose original record is open (a fact id: another entry's sources never match it).
  const [original, setOriginal] = useState<string | null>(null);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="detail-title"
      className="ml-auto mr-0 h-full max-h-none w-full max-w-xl rounded-l-lg p-0 backdrop:bg-black/40"
    >
      {entry?.fact && (
        <div className="space-y-3 p-4">
          <div className="flex items-start justify-between gap-2">
            <h2 id="detail-title" className="text-lg font-bold">
              {kindLabel(lang, entry.kind)}: {conceptName(entry.fact, lang)}
            </h2>
            <button type="button" className="btn-secondary min-h-9 px-3 py-1" onClick={onClose}>
              {translate(lang, 'record.detail.close')}
            </button>
          </div>
          <p className="text-sm text-muted">
            {translate(lang, 'record.detail.sources')}{' '}
            {entry.sources.map((s) => `${names[s.hospitalCode] ?? s.hospitalCode} (${s.resourceId})`).join(', ')}
          </p>
          <dl className="grid grid-cols-3 gap-x-3 gap-y-1 text-sm">
            {factRows(entry.fact, lang, calendar).map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="font-semibold">{k}</dt>
                <dd className="col-span-2 whitespace-pre-wrap">{v}</dd>
              </div>
            ))}
          </dl>
          {accessId !== undefined &&
            entry.sources.map((source) => {
              const shown = original === source.id;
              return (
                <div key={source.id} className="space-y-2">
                  <button
                    type="button"
                    className="btn-secondary min-h-9 px-3 py-1"
                    aria-expanded={shown}
                    onClick={() => setOriginal(shown ? null : source.id)}
                  >
                    {translate(lang, shown ? 'original.hide' : 'original.open')} — {names[source.hospitalCode] ?? source.hospitalCode}
                  </button>
                  {shown && (
                    <OriginalRecordView
                      accessId={accessId}
                      hcode={source.hospitalCode}
                      resourceType={source.id.split('/')[1] ?? ''}
                      resourceId={source.resourceId}
                      lang={lang}
                    />
                  )}
                </div>
              );
            })}
        </div>
      )}
    </dialog>
  );
}

/** Asks why a sealed record must be opened; the server records the reason before anything is shown. */
export function UnsealDialog({
  entry,
  names,
  lang,
  onSubmit,
  onClose,
}: {
  entry: TimelineEntry | null;
  names: Record<string, string>;
  lang: Lang;
  onSubmit: (reason: string) => Promise<string | null>;
  onClose: () => void;
}) {
  const ref = useDialog(entry !== null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="unseal-title"
      className="m-auto w-full max-w-lg rounded-lg p-0 backdrop:bg-black/40"
    >
      {entry && (
        <form
          className="space-y-3 p-4"
          onSubmit={(e) => {
            e.preventDefault();
            setBusy(true);
            void onSubmit(reason).then((err) => {
              setBusy(false);
              setError(err);
              if (!err) setReason('');
            });
          }}
        >
          <h2 id="unseal-title" className="text-lg font-bold">
            🔒 {translate(lang, 'record.unseal.title')}
          </h2>
          <p className="text-sm">
            {translate(lang, 'record.unseal.sensitive')} ({entry.sealedLabels?.join(', ')}) —{' '}
            {entry.hospitals.map((h) => names[h] ?? h).join(', ')}. {translate(lang, 'record.unseal.recorded')}
          </p>
          <div>
            <label htmlFor="unseal-reason" className="label">
              {translate(lang, 'record.unseal.reason')}
            </label>
            <textarea
              id="unseal-reason"
              className="field"
              rows={3}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'unseal-error' : undefined}
            />
            {error && (
              <p id="unseal-error" className="field-error" role="alert">
                {error}
              </p>
            )}
          </div>
          <div className="flex justify-end gap-2">
            <button type="button" className="btn-secondary" onClick={onClose}>
              {translate(lang, 'common.cancel')}
            </button>
            <button type="submit" className="btn-primary" disabled={busy}>
              {translate(lang, 'record.unseal.submit')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
