import { describe, expect, it, vi } from 'vitest';
import { openConnection } from './connection';
import { fetchAttachment, fetchDocument } from './documents';

const ctx = { requestId: 'req-1', purpose: 'TREAT' as const, practitioner: '12345', organization: '11535' };
const CID = '3100400123456';

function connWith(fetchImpl: typeof fetch) {
  return openConnection({ baseUrl: 'http://127.0.0.1:4010', token: 't', timeoutMs: 2000, fetchImpl });
}

describe('fetchAttachment', () => {
  it('fetches only the exchange origin, rebuilt from our base, with the clinical headers', async () => {
    const fetchImpl = vi.fn<typeof fetch>(() =>
      Promise.resolve(new Response('%PDF-1.4', { headers: { 'content-type': 'application/pdf' } })),
    );
    const r = await fetchAttachment(connWith(fetchImpl), '10661', 'Binary/bin-1', ctx, 1000);
    expect(r).toMatchObject({ ok: true, contentType: 'application/pdf' });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe('http://127.0.0.1:4010/hospitals/10661/fhir/Binary/bin-1');
    expect((init?.headers as Record<string, string>)['X-Purpose-Of-Use']).toBe('TREAT');
    expect(init?.redirect).toBe('error');
  });

  it.each([
    'http://169.254.169.254/latest/meta-data',
    'http://127.0.0.1:4010/_sandbox/reset',
    'https://pacs.example/hospitals/10661/fhir/Binary/b',
  ])('never requests %s (no SSRF)', async (url) => {
    const fetchImpl = vi.fn<typeof fetch>();
    expect(await fetchAttachment(connWith(fetchImpl), '10661', url, ctx, 1000)).toEqual({ ok: false, reason: 'unreachable' });
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('stops reading past the size cap, even without a declared length', async () => {
    const chunk = new Uint8Array(600);
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        c.enqueue(chunk);
      },
    });
    const r = await fetchAttachment(
      connWith(() => Promise.resolve(new Response(body))),
      '10661',
      'Binary/b',
      ctx,
      1000,
    );
    expect(r).toEqual({ ok: false, reason: 'oversized' });
  });

  it('is unreachable on an error status or a silent server', async () => {
    expect(
      await fetchAttachment(
        connWith(() => Promise.resolve(new Response('no', { status: 404 }))),
        '10661',
        'Binary/b',
        ctx,
        1000,
      ),
    ).toEqual({
      ok: false,
      reason: 'unreachable',
    });
    const silent = openConnection({
      baseUrl: 'http://127.0.0.1:4010',
      token: 't',
      timeoutMs: 50,
      fetchImpl: (_u, init) =>
        new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted')))),
    });
    expect(await fetchAttachment(silent, '10661', 'Binary/b', ctx, 1000)).toEqual({ ok: false, reason: 'unreachable' });
  });
});

describe('fetchDocument', () => {
  const doc = (cid: string) => ({
    resourceType: 'DocumentReference',
    id: 'doc-1',
    status: 'current',
    subject: { identifier: { system: 'https://terms.sil-th.org/id/th-cid', value: cid } },
    content: [],
  });
  const searchset = (entries: unknown[]) =>
    Response.json(
      { resourceType: 'Bundle', type: 'searchset', entry: entries.map((resource) => ({ resource })) },
      { headers: { 'content-type': 'application/fhir+json' } },
    );

  it('asks for that one document of that patient and returns it', async () => {
    const fetchImpl = vi.fn<typeof fetch>(() => Promise.resolve(searchset([doc(CID)])));
    const r = await fetchDocument(connWith(fetchImpl), '10661', CID, 'DocumentReference', 'doc-1', ctx);
    expect(r.ok).toBe(true);
    expect(fetchImpl.mock.calls[0]![0] as string).toContain('/hospitals/10661/fhir/DocumentReference?patient.identifier=');
    expect(fetchImpl.mock.calls[0]![0] as string).toContain('&_id=doc-1');
  });

  it("refuses another patient's document", async () => {
    const r = await fetchDocument(
      connWith(() => Promise.resolve(searchset([doc('3100400234568')]))),
      '10661',
      CID,
      'DocumentReference',
      'doc-1',
      ctx,
    );
    expect(r).toEqual({ ok: false, reason: 'not-found' });
  });

  it('refuses a malformed id without asking', async () => {
    const fetchImpl = vi.fn<typeof fetch>();
    expect(await fetchDocument(connWith(fetchImpl), '10661', CID, 'DocumentReference', '../x', ctx)).toEqual({
      ok: false,
      reason: 'not-found',
    });
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('says not-shared on 403', async () => {
    const r = await fetchDocument(
      connWith(() =>
        Promise.resolve(
          Response.json({ resourceType: 'OperationOutcome' }, { status: 403, headers: { 'content-type': 'application/fhir+json' } }),
        ),
      ),
      '10661',
      CID,
      'Composition',
      'c-1',
      ctx,
    );
    expect(r).toEqual({ ok: false, reason: 'not-shared' });
  });
});
