'use client';

import { useQueries, useQueryClient } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { useCallback, useMemo, useState } from 'react';
import { PhrSource } from '@/components/phr/phr-source';
import { usePhr } from '@/components/phr/use-phr';
import { phrCoverageAnswers } from '@/lib/phr/coverage';
import { useLocale } from '@/components/providers';
import { computePanelCoverage, hospitalAnswers, PANEL_KINDS } from '@/lib/clinical/coverage';
import { EMERGENCY_LAB_KEYS } from '@/lib/clinical/emergency-summary';
import type { DocumentItem, TimelineEntry } from '@/lib/clinical/types';
import { queryKeys } from '@/lib/timeline/query-keys';
import { localName } from '@/lib/i18n/local-name';
import { translate, type Bilingual } from '@/lib/i18n/messages';
import type { SignedOut } from '@/lib/result';
import type { HospitalView, SharingHospital, UnsealResult } from '@/lib/timeline/types';
import { CoverageLedger, type LedgerRow } from './coverage-ledger';
import { modalityLabel } from './labels';
import { EntryDetail, UnsealDialog } from './record-dialogs';
import { AllergyPanel } from './allergy-panel';
import { KeyLabsPanel, MedicationPanel, ProblemPanel } from './summary-panels';
import { pageAnswers } from './page-answers';
import { TimelineList } from './timeline-list';
import { useMergedTimeline } from './use-merged-timeline';
import { BannerAlerts } from './banner-alerts';
import { VitalsPanel } from './vitals-panel';
import { ALERT_KINDS, deriveAlertFlags } from '@/lib/clinical/alert-flags';

// recharts is only needed on the Labs tab: keep it out of the first load.
const LabTrends = dynamic(() => import('./lab-trends'), { ssr: false, loading: () => <p>…</p> });
// Documents, likewise, only when their tab or a document is opened.
const DocumentList = dynamic(() => import('@/components/documents/document-list').then((m) => m.DocumentList), {
  ssr: false,
  loading: () => <p>…</p>,
});
const DocumentViewer = dynamic(() => import('@/components/documents/document-viewer').then((m) => m.DocumentViewer), { ssr: false });

class FetchError extends Error {
  constructor(
    readonly status: number,
    readonly userMessage: string,
  ) {
    super(userMessage);
  }
}

/** A refused read: the session or consent has ended → sign-in page; otherwise the hospital's row shows why. */
function readError(status: number, message: Bilingual | undefined, lang: 'th' | 'en'): FetchError {
  if (status === 401 || status === 403) window.location.assign('/login?ended=revoked');
  return new FetchError(status, message?.[lang] ?? `HTTP ${status}`);
}

async function fetchHospital(accessId: string, hcode: string, lang: 'th' | 'en'): Promise<HospitalView> {
  const res = await fetch(`/api/access/${accessId}/hospitals/${hcode}`, { cache: 'no-store' });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { message?: Bilingual } | null;
    throw readError(res.status, body?.message, lang);
  }
  return (await res.json()) as HospitalView;
}

type Tab = 'timeline' | 'labs' | 'vitals' | 'imaging' | 'documents';

/**
 * The merged record: one query per sharing hospital (first answered by the page's own streamed response:
 * the server asked every hospital when the page was requested), added to the merge (in slices, see
 * useMergedTimeline) each time another hospital answers, so the first entries show as soon as the fastest
 * hospital replies.
 */
/** Opens a sealed record (the page hands in its server action: components do not import from app/). */
type Unseal = (input: { accessId: string; factId: string; reason: string }) => Promise<UnsealResult | SignedOut>;

export function PatientRecord({
  accessId,
  hospitals,
  answers,
  now,
  unseal,
}: {
  accessId: string;
  hospitals: SharingHospital[];
  /** Each hospital's answer, streamed into the page's response (see lib/timeline/page-answers.ts). */
  answers: Readonly<Record<string, Promise<string[]>>>;
  now: string;
  unseal: Unseal;
}) {
  const { lang, calendar } = useLocale();
  const queryClient = useQueryClient();
  const [startedAt] = useState(() => Date.now());
  const [tab, setTab] = useState<Tab>('timeline');
  const [detail, setDetail] = useState<TimelineEntry | null>(null);
  const [sealed, setSealed] = useState<TimelineEntry | null>(null);
  const [openDoc, setOpenDoc] = useState<DocumentItem | null>(null);
  const hospitalNames = useMemo(
    () => Object.fromEntries(hospitals.map((h) => [h.code, localName(lang, h.nameTh, h.nameEn)])),
    [hospitals, lang],
  );
  // Mor Prom (MOPH-PHR) is a separate data path: its answers are only added to the views merged below.
  const phr = usePhr(accessId, lang, hospitalNames);
  const names = useMemo(() => ({ ...hospitalNames, ...phr.names }), [hospitalNames, phr.names]);

  // The first load takes each hospital's answer from the page's response; retries and refreshes ask one hospital.
  const [stream] = useState(() =>
    pageAnswers(
      answers,
      (hcode) => fetchHospital(accessId, hcode, lang),
      (e) => readError(e.status, e.message, lang),
    ),
  );
  const results = useQueries({
    queries: hospitals.map((h) => ({
      queryKey: queryKeys.hospital(accessId, h.code),
      queryFn: () => stream.take(h.code) ?? fetchHospital(accessId, h.code, lang),
    })),
  });
  const stamp = results.map((r) => r.dataUpdatedAt).join(',');
  const views = useMemo(() => results.flatMap((r) => (r.data ? [r.data] : [])), [stamp]); // eslint-disable-line react-hooks/exhaustive-deps
  const withPhr = useMemo(() => (phr.views.length > 0 ? [...views, ...phr.views] : views), [views, phr.views]);
  const { model, merged } = useMergedTimeline(withPhr, now);

  const ledger: LedgerRow[] = hospitals.map((h, i) => {
    const r = results[i]!;
    return {
      code: h.code,
      name: names[h.code] ?? h.code,
      // An answer still being merged counts as waiting: the panels below do not show it yet.
      state:
        r.isPending || r.isFetching || (r.data !== undefined && !merged.has(r.data)) ? 'waiting' : r.isError ? 'failed-request' : 'done',
      view: r.isFetching ? undefined : r.data,
      startedAt,
      errorMessage: r.error instanceof FetchError ? r.error.userMessage : undefined,
    };
  });
  // Every panel says which hospitals it lacks: computed from the same ledger the status strip shows.
  const ledgerStamp = ledger.map((l) => `${l.code}:${l.state}`).join(',');
  const coverage = useMemo(() => {
    const answers = [
      ...hospitalAnswers(
        ledger.map((l) => l.code),
        (code) => {
          const row = ledger.find((l) => l.code === code);
          if (!row || row.state === 'waiting') return 'waiting';
          return row.state === 'failed-request' || !row.view ? 'failed' : row.view;
        },
      ),
      // Once the patient has given a Mor Prom code, its sources count too.
      ...phrCoverageAnswers(phr.answer),
    ];
    return {
      allergies: computePanelCoverage(answers, PANEL_KINDS.allergies),
      medications: computePanelCoverage(answers, PANEL_KINDS.medications),
      problems: computePanelCoverage(answers, PANEL_KINDS.problems),
      keyLabs: computePanelCoverage(answers, PANEL_KINDS.keyLabs),
      crossCheck: computePanelCoverage(answers, PANEL_KINDS.crossCheck),
      alerts: computePanelCoverage(answers, ALERT_KINDS),
    };
  }, [ledgerStamp, stamp, phr.answer]); // eslint-disable-line react-hooks/exhaustive-deps
  const alerts = useMemo(() => deriveAlertFlags(model, now), [model, now]);
  const keyLabs = useMemo(
    () => model.labs.filter((s) => s.canonical && (EMERGENCY_LAB_KEYS as readonly string[]).includes(s.analyteKey)),
    [model],
  );

  // A document entry opens the document viewer; every other entry the detail drawer.
  const openEntry = useCallback(
    (e: TimelineEntry) => (e.kind === 'document' ? setOpenDoc(model.documents.find((d) => d.entryId === e.id) ?? null) : setDetail(e)),
    [model.documents],
  );
  const sealedDocuments = useMemo(() => model.entries.filter((e) => e.sealed && e.kind === 'document'), [model.entries]);

  async function submitUnseal(reason: string): Promise<string | null> {
    if (!sealed) return null;
    const fact = sealed.sources[0];
    if (!fact) return null;
    const result = await unseal({ accessId, factId: fact.id, reason });
    if (!result.ok) {
      switch (result.reason) {
        case 'signed-out':
          return translate(lang, 'login.expired');
        case 'invalid':
          return translate(lang, result.fieldErrors?.reason?.key ?? 'record.unseal.shortReason');
        case 'refused':
          return result.message[lang];
      }
    }
    setSealed(null);
    await queryClient.invalidateQueries({ queryKey: queryKeys.hospital(accessId, fact.hospitalCode) });
    return null;
  }

  const tabs: { id: Tab; label: string }[] = [
    { id: 'timeline', label: translate(lang, 'record.tabs.timeline') },
    { id: 'labs', label: translate(lang, 'record.tabs.labs', { count: model.labs.length }) },
    { id: 'vitals', label: translate(lang, 'record.tabs.vitals', { count: model.vitals.length }) },
    { id: 'imaging', label: translate(lang, 'record.tabs.imaging', { count: model.imaging.length }) },
    { id: 'documents', label: translate(lang, 'record.tabs.documents', { count: model.documents.length + sealedDocuments.length }) },
  ];

  return (
    <div className="space-y-4">
      <BannerAlerts alerts={alerts} coverage={coverage.alerts} names={names} lang={lang} calendar={calendar} />
      <CoverageLedger
        rows={ledger}
        lang={lang}
        calendar={calendar}
        onRetry={(code) => void queryClient.refetchQueries({ queryKey: queryKeys.hospital(accessId, code) })}
      />
      <PhrSource phr={phr} names={names} lang={lang} calendar={calendar} />
      <AllergyPanel
        model={model}
        names={names}
        lang={lang}
        calendar={calendar}
        coverage={coverage.allergies}
        crossCheck={coverage.crossCheck}
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <MedicationPanel
            rows={model.medications}
            statements={model.medicationStatements}
            names={names}
            lang={lang}
            calendar={calendar}
            coverage={coverage.medications}
            crossCheck={coverage.crossCheck}
          />
        </div>
        <div className="space-y-4">
          <ProblemPanel
            rows={model.problems}
            statements={model.problemStatements}
            names={names}
            lang={lang}
            calendar={calendar}
            coverage={coverage.problems}
          />
          <KeyLabsPanel series={keyLabs} names={names} lang={lang} calendar={calendar} coverage={coverage.keyLabs} />
        </div>
      </div>
      <div role="tablist" aria-label={translate(lang, 'record.tabs.label')} className="flex gap-2 no-print">
        {tabs.map((t) => (
          <button
            key={t.id}
            role="tab"
            type="button"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            className={tab === t.id ? 'btn-primary' : 'btn-secondary'}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'timeline' && (
          <TimelineList entries={model.entries} names={names} lang={lang} calendar={calendar} onOpen={openEntry} onUnseal={setSealed} />
        )}
        {tab === 'documents' && (
          <DocumentList
            items={model.documents}
            sealed={sealedDocuments}
            accessId={accessId}
            names={names}
            lang={lang}
            calendar={calendar}
            onOpen={setOpenDoc}
            onUnseal={setSealed}
          />
        )}
        {tab === 'labs' && <LabTrends series={model.labs} names={names} lang={lang} calendar={calendar} />}
        {tab === 'vitals' && <VitalsPanel model={model} names={names} lang={lang} calendar={calendar} />}
        {tab === 'imaging' && (
          <ul className="space-y-2" data-testid="imaging-list">
            {model.imaging.map((im) => (
              <li key={im.entryId} className="card">
                <div className="font-semibold">
                  {im.display}{' '}
                  {im.modality && (
                    <span className="text-sm text-muted">
                      ({modalityLabel(lang, im.modality)}
                      {im.bodySite ? `, ${im.bodySite}` : ''})
                    </span>
                  )}
                </div>
                <div className="text-sm text-muted">{im.hospitals.map((h) => names[h] ?? h).join(', ')}</div>
                {im.conclusion && <p>{im.conclusion}</p>}
                {im.hasReportText && (
                  <button
                    type="button"
                    className="text-sm text-info underline"
                    onClick={() => setDetail(model.entries.find((e) => e.id === im.entryId) ?? null)}
                  >
                    {translate(lang, 'record.imaging.fullReport')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
      <EntryDetail entry={detail} names={names} lang={lang} calendar={calendar} onClose={() => setDetail(null)} accessId={accessId} />
      {openDoc && (
        <DocumentViewer item={openDoc} accessId={accessId} names={names} lang={lang} calendar={calendar} onClose={() => setOpenDoc(null)} />
      )}
      <UnsealDialog entry={sealed} names={names} lang={lang} onSubmit={submitUnseal} onClose={() => setSealed(null)} />
    </div>
  );
}
