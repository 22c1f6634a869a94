'use client';

import { useEffect, useRef, useState } from 'react';
import type { Calendar, Lang } from '@/lib/i18n/format';
import { formatSourceDate } from '@/lib/i18n/format';
import type { ClinicalFact, TimelineEntry } from '@/lib/clinical/types';
import { displayUnit } from '@/lib/clinical/unit-display';
import { conceptName } from '@/lib/clinical/names';
import { translate } from '@/lib/i18n/messages';
import { criticalityLabel, ENCOUNTER_CLASS_LABEL, KIND_LABEL, medicationSourceLabel, modalityLabel, pick, statusLabel, verificationLabel } from './labels';
import { formatResultRange, formatResultValue } from '@/lib/clinical/result-format';

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
    [pick(lang, { th: 'ชื่อตามที่โรงพยาบาลบันทึก', en: 'As recorded' }), f.display],
    [pick(lang, { th: 'วันที่', en: 'Date' }), formatSourceDate(f.date, lang, calendar, true)],
    [pick(lang, { th: 'สถานะ', en: 'Status' }), statusLabel(lang, f.status) || '—'],
    [pick(lang, { th: 'รหัส', en: 'Codes' }), f.codes.map((c) => `${c.code} (${c.system.replace(/^https?:\/\//, '')})`).join(', ') || '—'],
    [pick(lang, { th: 'ทรัพยากรต้นทาง', en: 'Source resource' }), `${f.resourceType}/${f.resourceId}`],
  ];
  switch (f.kind) {
    case 'lab':
    case 'vital':
      rows.push([pick(lang, { th: 'ผล', en: 'Result' }), f.value !== undefined ? `${formatResultValue(f.analyteKey, f.value, f.unit)} ${displayUnit(f.unit)}` : (f.valueText ?? '')]);
      if (f.refLow !== undefined || f.refHigh !== undefined) rows.push([pick(lang, { th: 'ช่วงอ้างอิงของห้องแล็บนี้', en: "This lab's reference range" }), `${formatResultRange(f.analyteKey, f.refLow, f.refHigh, f.refUnit ?? f.unit)} ${displayUnit(f.refUnit ?? f.unit)}`]);
      break;
    case 'medication':
      rows.push([pick(lang, { th: 'ขนาดยา', en: 'Dose' }), f.dose ?? '—'], [translate(lang, 'detail.recordType'), medicationSourceLabel(lang, f.source)]);
      if (f.statusReason !== undefined) rows.push([translate(lang, 'detail.statusReason'), f.statusReason]);
      if (f.indication !== undefined) rows.push([translate(lang, 'detail.indication'), f.indication]);
      break;
    case 'imaging':
      rows.push([pick(lang, { th: 'ชนิด', en: 'Modality' }), f.modality !== undefined ? modalityLabel(lang, f.modality) : '—'], [pick(lang, { th: 'ตำแหน่ง', en: 'Body site' }), (lang === 'th' ? f.bodySiteTh : f.bodySite) ?? f.bodySite ?? '—'], [pick(lang, { th: 'สรุปผล', en: 'Conclusion' }), f.conclusion ?? '—'], [pick(lang, { th: 'รายงานฉบับเต็ม', en: 'Full report' }), f.reportText ?? '—']);
      break;
    case 'lab-report':
      rows.push([pick(lang, { th: 'สรุปผล', en: 'Conclusion' }), f.conclusion ?? '—'], [pick(lang, { th: 'รายงาน', en: 'Report' }), f.reportText ?? '—']);
      break;
    case 'allergy':
      rows.push([pick(lang, { th: 'อาการ', en: 'Reactions' }), f.reactions.join(', ') || '—'], [pick(lang, { th: 'ความรุนแรง', en: 'Criticality' }), f.criticality ? criticalityLabel(lang, f.criticality) : '—'], [pick(lang, { th: 'การยืนยัน', en: 'Verification' }), verificationLabel(lang, f.verificationStatus)]);
      break;
    case 'encounter':
      rows.push([pick(lang, { th: 'ประเภท', en: 'Class' }), pick(lang, ENCOUNTER_CLASS_LABEL[f.encounterClass])], [pick(lang, { th: 'เหตุผล', en: 'Reason' }), f.reason ?? '—']);
      break;
    case 'condition':
      rows.push([pick(lang, { th: 'เริ่มเป็น', en: 'Onset' }), formatSourceDate(f.onset, lang, calendar)]);
      break;
    case 'immunization':
    case 'procedure':
      break;
  }
  return rows;
}

/** The detail drawer: every field the viewer received for the entry, as plain text (never source HTML). */
export function EntryDetail({ entry, names, lang, calendar, onClose }: { entry: TimelineEntry | null; names: Record<string, string>; lang: Lang; calendar: Calendar; onClose: () => void }) {
  const ref = useDialog(entry !== null);
  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby="detail-title" className="ml-auto mr-0 h-full max-h-none w-full max-w-xl rounded-l-lg p-0 backdrop:bg-black/40">
      {entry?.fact && (
        <div className="space-y-3 p-4">
          <div className="flex items-start justify-between gap-2">
            <h2 id="detail-title" className="text-lg font-bold">
              {pick(lang, KIND_LABEL[entry.kind])}: {conceptName(entry.fact, lang)}
            </h2>
            <button type="button" className="btn-secondary min-h-9 px-3 py-1" onClick={onClose}>
              {pick(lang, { th: 'ปิด', en: 'Close' })}
            </button>
          </div>
          <p className="text-sm text-muted">
            {pick(lang, { th: 'แหล่งข้อมูล:', en: 'Sources:' })} {entry.sources.map((s) => `${names[s.hospitalCode] ?? s.hospitalCode} (${s.resourceId})`).join(', ')}
          </p>
          <dl className="grid grid-cols-3 gap-x-3 gap-y-1 text-sm">
            {factRows(entry.fact, lang, calendar).map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="font-semibold">{k}</dt>
                <dd className="col-span-2 whitespace-pre-wrap">{v}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </dialog>
  );
}

/** Asks why a sealed record must be opened; the server records the reason before anything is shown. */
export function UnsealDialog({ entry, names, lang, onSubmit, onClose }: { entry: TimelineEntry | null; names: Record<string, string>; lang: Lang; onSubmit: (reason: string) => Promise<string | null>; onClose: () => void }) {
  const ref = useDialog(entry !== null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby="unseal-title" className="m-auto w-full max-w-lg rounded-lg p-0 backdrop:bg-black/40">
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
            🔒 {pick(lang, { th: 'เปิดบันทึกที่ปิดผนึก', en: 'Open a sealed record' })}
          </h2>
          <p className="text-sm">
            {pick(lang, { th: 'บันทึกนี้ถูกระบุว่าเป็นข้อมูลอ่อนไหว', en: 'This record is labelled sensitive' })} ({entry.sealedLabels?.join(', ')}) — {entry.hospitals.map((h) => names[h] ?? h).join(', ')}.{' '}
            {pick(lang, { th: 'การเปิดดูจะถูกบันทึกพร้อมเหตุผล และเปิดได้เฉพาะในความยินยอมครั้งนี้', en: 'Opening it is recorded with your reason and lasts only for this consent.' })}
          </p>
          <div>
            <label htmlFor="unseal-reason" className="label">
              {pick(lang, { th: 'เหตุผลทางคลินิก (อย่างน้อย 10 ตัวอักษร)', en: 'Clinical reason (at least 10 characters)' })}
            </label>
            <textarea id="unseal-reason" className="field" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? 'unseal-error' : undefined} />
            {error && (
              <p id="unseal-error" className="field-error" role="alert">
                {error}
              </p>
            )}
          </div>
          <div className="flex justify-end gap-2">
            <button type="button" className="btn-secondary" onClick={onClose}>
              {pick(lang, { th: 'ยกเลิก', en: 'Cancel' })}
            </button>
            <button type="submit" className="btn-primary" disabled={busy}>
              {pick(lang, { th: 'เปิดดูและบันทึกเหตุผล', en: 'Open and record reason' })}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
