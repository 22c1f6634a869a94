'use client';

// Mantine and @medplum/react live here only, loaded with this file on demand (next/dynamic from the drawer).
// Mantine's component styles are class-scoped (.m_…); its baseline reset and :root variables are not imported:
// the provider writes its variables on this view's own container, so the Tailwind page around it is untouched.
import '@mantine/core/styles/Text.css';
import '@mantine/core/styles/Anchor.css';
import '@mantine/core/styles/Group.css';
import '@mantine/core/styles/Stack.css';
import '@mantine/core/styles/Badge.css';
import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/Paper.css';
import '@mantine/core/styles/Code.css';
import '@medplum/react/styles.css';
import { MantineProvider } from '@mantine/core';
import { MedplumClient, MemoryStorage, indexStructureDefinitionBundle } from '@medplum/core';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { BackboneElementDisplay, MedplumProvider } from '@medplum/react';
import { useEffect, useState } from 'react';
import type { Lang } from '@/lib/i18n/format';
import { translate } from '@/lib/i18n/messages';
import schema from './r4-display-schema.json';

// The display components read FHIR type definitions from Medplum's in-memory registry; they come with this
// chunk (lib/cli/fhir-display-schema.ts) instead of from a Medplum server.
indexStructureDefinitionBundle(schema as Bundle);

// The components ask for a MedplumClient; this one has no server and refuses every request, so nothing of the
// record ever leaves the viewer through it.
const offline = new MedplumClient({
  baseUrl: 'https://offline.invalid/',
  storage: new MemoryStorage() as never,
  fetch: () => Promise.reject(new Error('offline: the original-record view never calls a FHIR server')),
});

type State = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'shown'; resource: Resource };

async function loadOriginal(url: string, lang: Lang): Promise<State> {
  const res = await fetch(url, { cache: 'no-store' });
  const body = (await res.json().catch(() => null)) as { resource?: Resource; error?: { th?: string; en?: string } } | null;
  if (res.ok && body?.resource !== undefined) return { status: 'shown', resource: body.resource };
  return { status: 'failed', message: body?.error?.[lang] ?? `${translate(lang, 'original.failed')} (${res.status})` };
}

/** One resource as the hospital sent it, laid out by @medplum/react (links off, narrative never rendered). */
export default function OriginalRecordView({
  accessId,
  hcode,
  resourceType,
  resourceId,
  lang,
}: {
  accessId: string;
  hcode: string;
  resourceType: string;
  resourceId: string;
  lang: Lang;
}) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const url = `/api/access/${accessId}/hospitals/${hcode}/resources/${resourceType}/${encodeURIComponent(resourceId)}`;
  useEffect(() => {
    let live = true;
    void loadOriginal(url, lang).then((s) => {
      if (live) setState(s);
    });
    return () => {
      live = false;
    };
  }, [url, lang]);

  if (state.status === 'loading') return <p role="status">{translate(lang, 'original.loading')}</p>;
  if (state.status === 'failed')
    return (
      <p role="alert" className="text-danger">
        {state.message}
      </p>
    );
  // The server already removed `text`; dropped here again so narrative HTML can never reach the display.
  // `id` is left to the drawer, which names the source resource already: Medplum shows it with a copy
  // button that has no accessible name.
  const { text: _narrative, id: _id, ...resource } = state.resource as Resource & { text?: unknown };
  return (
    <section aria-labelledby="original-title" className="fhir-original rounded-md border border-line p-2" data-testid="original-record">
      <h3 id="original-title" className="mb-2 font-semibold">
        {translate(lang, 'original.title')}
      </h3>
      <MantineProvider cssVariablesSelector=".fhir-original" withGlobalClasses={false} getRootElement={() => undefined}>
        <MedplumProvider medplum={offline}>
          <BackboneElementDisplay
            value={{ type: resource.resourceType, value: resource }}
            path={resource.resourceType}
            link={false}
            ignoreMissingValues
          />
        </MedplumProvider>
      </MantineProvider>
      <p className="mt-2 text-xs text-muted">{translate(lang, 'original.noNarrative')}</p>
    </section>
  );
}
