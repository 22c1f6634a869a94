'use client';

import dynamic from 'next/dynamic';
import { useDeferredValue, useMemo } from 'react';
import type { Calendar, Lang } from '@/lib/i18n/format';
import { buildFlowsheet } from '@/lib/clinical/flowsheet';
import type { TimelineModel } from '@/lib/clinical/types';
import { FlowsheetGrid } from './flowsheet-grid';

// recharts is only needed on this tab: keep it out of the first load, like the lab trends.
const VitalTrends = dynamic(() => import('./vital-trends'), { ssr: false, loading: () => <p>…</p> });

/** The Vitals tab: vital-sign trends beside the cumulative flowsheet of vitals and labs. */
export function VitalsPanel({
  model,
  names,
  lang,
  calendar,
}: {
  model: TimelineModel;
  names: Record<string, string>;
  lang: Lang;
  calendar: Calendar;
}) {
  const sheet = useMemo(() => buildFlowsheet(model.vitals, model.labs), [model.vitals, model.labs]);
  // The charts render in a later, interruptible pass: the grid shows first, and the stress patient's
  // tab opens as two shorter tasks instead of one.
  const chartModel = useDeferredValue<TimelineModel | null>(model, null);
  return (
    <div className="grid gap-4 xl:grid-cols-2" data-testid="vitals-panel">
      <section className="min-w-0">
        {chartModel === null ? (
          <p>…</p>
        ) : (
          <VitalTrends vitals={chartModel.vitals} labs={chartModel.labs} names={names} lang={lang} calendar={calendar} />
        )}
      </section>
      <section className="min-w-0">
        <FlowsheetGrid sheet={sheet} names={names} lang={lang} calendar={calendar} />
      </section>
    </div>
  );
}
