import { describe, expect, it } from 'vitest';
import { createExchangeClient, HOSPITAL_SEARCHES } from './client';
import { BASE, batchResponse, CID, ctx, fakeFetch, json, ofType, searchset, type Call } from './client-test-helpers';
import { dateWindows } from './date-windows';

// The date-windowed batch (the default read) and its fall-backs, against an in-memory fake exchange that
// answers each batch entry by its URL.

const NOW = Date.parse('2026-12-06T05:00:00Z');
const WINDOWS = dateWindows(NOW).length;
const PARTITIONED = HOSPITAL_SEARCHES.filter((s) => s.dateParam !== undefined).length;
const PLAIN = HOSPITAL_SEARCHES.length - PARTITIONED;

type EntryAnswer = { status?: string; body: unknown };

const entryUrls = (call: Call): string[] => (call.body as { entry: { request: { url: string } }[] }).entry.map((e) => e.request.url);

/** A batch-response built entry by entry from each request URL. */
function answerEach(call: Call, answer: (url: string) => EntryAnswer) {
  return {
    resourceType: 'Bundle',
    type: 'batch-response',
    entry: entryUrls(call).map((url) => {
      const a = answer(url);
      return { resource: a.body, response: { status: a.status ?? '200 OK' } };
    }),
  };
}

const typeOf = (url: string): string => url.split('?')[0]!;
const isWindow = (url: string): boolean => /[?&](date|authoredon|whenhandedover)(:missing)?=/.test(url);
/** The newest window of a type: `…=ge<day>` with no upper bound. */
const isNewest = (url: string): boolean =>
  /[?&](date|authoredon|whenhandedover)=ge[^&]*(&(?!(date|authoredon|whenhandedover)=)|$)/.test(url);

function client(fetchImpl: typeof fetch, extra: Partial<Parameters<typeof createExchangeClient>[0]> = {}) {
  return createExchangeClient({ baseUrl: BASE, token: 't', fetchImpl, now: () => NOW, ...extra });
}

describe('fetchHospitalRecords with date windows', () => {
  it('sends each high-volume search once per window in the one batch, and the others once', async () => {
    const { fetchImpl, calls } = fakeFetch((c) => json(answerEach(c, () => ({ body: searchset([]) }))));
    const r = await client(fetchImpl).fetchHospitalRecords('11535', CID, ctx);
    expect(r).toMatchObject({ status: 'no-data', pages: 1 });
    expect(calls).toHaveLength(1);
    const urls = entryUrls(calls[0]!);
    expect(urls).toHaveLength(PLAIN + PARTITIONED * WINDOWS);
    const labs = urls.filter((u) => u.startsWith('Observation?') && u.includes('category=laboratory'));
    expect(labs.map((u) => u.replace(/^.*category=laboratory/, '').replace(/&_count=500$/, ''))).toEqual([
      '&date=ge2025-12-06',
      '&date=ge2024-12-06&date=lt2025-12-06',
      '&date=ge2023-12-06&date=lt2024-12-06',
      '&date=ge2021-12-06&date=lt2023-12-06',
      '&date=ge2019-12-06&date=lt2021-12-06',
      '&date=ge2016-12-06&date=lt2019-12-06',
      '&date=ge2011-12-06&date=lt2016-12-06',
      '&date=lt2011-12-06',
      '&date:missing=true',
    ]);
    expect(urls.filter((u) => u.startsWith('MedicationDispense?'))).toContain(
      `MedicationDispense?patient.identifier=${encodeURIComponent(`https://terms.sil-th.org/id/th-cid|${CID}`)}&whenhandedover:missing=true&_include=MedicationDispense:medication&_count=500`,
    );
    expect(urls.filter((u) => u.startsWith('MedicationRequest?')).every((u) => u.includes('authoredon'))).toBe(true);
    expect(urls.filter((u) => u.startsWith('AllergyIntolerance?'))).toEqual([
      `AllergyIntolerance?patient.identifier=${encodeURIComponent(`https://terms.sil-th.org/id/th-cid|${CID}`)}&_count=500`,
    ]);
  });

  it('keeps a record two windows return once, and follows a window’s own next page', async () => {
    const across = { ...ofType('Encounter', 'enc-across'), period: { start: '2025-11-01', end: '2026-01-31' } };
    const { fetchImpl, calls } = fakeFetch((c) => {
      if (c.method === 'GET') return json(searchset([ofType('Observation', 'lab-page-2')]));
      return json(
        answerEach(c, (url) => {
          if (typeOf(url) === 'Encounter' && /date=(ge2025-12-06$|ge2024-12-06&)/.test(url.replace(/&_count=500$/, '')))
            return { body: searchset([across]) };
          if (url.includes('category=laboratory') && url.includes('date:missing=true'))
            return { body: searchset([ofType('Observation', 'lab-undated')], `${BASE}/hospitals/11535/fhir/Observation?page=2`) };
          return { body: searchset([]) };
        }),
      );
    });
    const r = await client(fetchImpl).fetchHospitalRecords('11535', CID, ctx);
    expect(r.status).toBe('answered');
    expect(r.resources.map((x) => x.id).sort()).toEqual(['enc-across', 'lab-page-2', 'lab-undated']);
    expect(r.counts).toEqual({ Encounter: 1, Observation: 2 });
    expect(r.pages).toBe(2);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('refuses the whole answer when two windows return one id with different content', async () => {
    const { fetchImpl } = fakeFetch((c) =>
      json(
        answerEach(c, (url) =>
          typeOf(url) === 'Encounter' && isWindow(url) && !url.includes('missing')
            ? { body: searchset([{ ...ofType('Encounter', 'e1'), status: url.includes('lt2011') ? 'finished' : 'in-progress' }]) }
            : { body: searchset([ofType(typeOf(url), `${typeOf(url)}-1`)]) },
        ),
      ),
    );
    const r = await client(fetchImpl).fetchHospitalRecords('11535', CID, ctx);
    expect(r).toMatchObject({ status: 'malformed', resources: [], counts: {} });
  });

  it('reads the hospital unpartitioned when it refuses a date window (4xx), keeping nothing of the refused batch', async () => {
    const { fetchImpl, calls } = fakeFetch((c) => {
      if (c.method === 'GET') return json(searchset([ofType('Observation', 'lab-2')]));
      const windowed = entryUrls(c).some(isWindow);
      return json(
        answerEach(c, (url) => {
          if (isWindow(url) && url.includes(':missing'))
            return {
              status: '400 Bad Request',
              body: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-supported' }] },
            };
          const type = typeOf(url);
          // Resources only the refused attempt returns must not survive it.
          if (windowed) return { body: searchset([ofType(type, `${type}-from-refused`)]) };
          if (url.includes('category=laboratory'))
            return { body: searchset([ofType('Observation', 'lab-1')], `${BASE}/hospitals/11535/fhir/Observation?page=2`) };
          return { body: searchset([ofType(type, `${type}-${url.length}`)]) };
        }),
      );
    });
    const r = await client(fetchImpl).fetchHospitalRecords('11535', CID, ctx);
    expect(r.status).toBe('answered');
    expect(r.pages).toBe(3); // refused batch + unpartitioned batch + one next page
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(entryUrls(posts[1]!)).toHaveLength(HOSPITAL_SEARCHES.length);
    expect(entryUrls(posts[1]!).some(isWindow)).toBe(false);
    expect(r.resources.some((x) => x.id?.endsWith('-from-refused'))).toBe(false);
    expect(r.resources.map((x) => x.id)).toEqual(expect.arrayContaining(['lab-1', 'lab-2']));
  });

  it('still says "not shared" (no second read) when the hospital answers 403', async () => {
    const { fetchImpl, calls } = fakeFetch((c) =>
      json(answerEach(c, () => ({ status: '403', body: { resourceType: 'OperationOutcome' } }))),
    );
    const r = await client(fetchImpl).fetchHospitalRecords('11535', CID, ctx);
    expect(r.status).toBe('not-shared');
    expect(calls).toHaveLength(1);
  });

  it.each(['500', '503', '429', '408'])('treats %s on a window as the hospital’s error, not as a refusal', async (status) => {
    const { fetchImpl, calls } = fakeFetch((c) =>
      json(answerEach(c, (url) => (isWindow(url) ? { status, body: { resourceType: 'OperationOutcome' } } : { body: searchset([]) }))),
    );
    const r = await client(fetchImpl).fetchHospitalRecords('11535', CID, ctx);
    expect(r).toMatchObject({ status: 'error', resources: [] });
    expect(calls).toHaveLength(1);
  });

  it.each(['400 Bad Request', '404', '422', '501'])('falls back on %s only where it means "not supported"', async (status) => {
    const { fetchImpl, calls } = fakeFetch((c) =>
      json(
        answerEach(c, (url) =>
          isWindow(url) && isNewest(url) ? { status, body: { resourceType: 'OperationOutcome' } } : { body: searchset([]) },
        ),
      ),
    );
    const r = await client(fetchImpl).fetchHospitalRecords('11535', CID, ctx);
    expect(calls).toHaveLength(status === '501' ? 1 : 2);
    expect(r.status).toBe(status === '501' ? 'error' : 'no-data');
  });

  it('fails the hospital when the unpartitioned read after a refusal fails too (nothing partial)', async () => {
    const { fetchImpl, calls } = fakeFetch((c) => {
      const windowed = entryUrls(c).some(isWindow);
      return json(
        answerEach(c, (url) =>
          (windowed && isNewest(url)) || (!windowed && url.startsWith('Condition?'))
            ? { status: '400', body: { resourceType: 'OperationOutcome' } }
            : { body: searchset([ofType(typeOf(url), `${typeOf(url)}-1`)]) },
        ),
      );
    });
    const r = await client(fetchImpl).fetchHospitalRecords('11535', CID, ctx);
    expect(calls).toHaveLength(2);
    expect(r).toMatchObject({ status: 'error', resources: [], pages: 2 });
  });

  it('reads unpartitioned when the windowed answer is over the response cap (smaller first page, then next pages)', async () => {
    const filler = 'x'.repeat(200);
    const { fetchImpl, calls } = fakeFetch((c) => {
      if (c.method === 'GET') return json(searchset([ofType('Observation', 'lab-2')]));
      // Every window returns records: the windowed answer is ~9x the unpartitioned one.
      return json(
        answerEach(c, (url) => ({
          body: searchset([{ ...ofType(typeOf(url), `${typeOf(url)}-${isWindow(url) ? url.length : 0}`), note: filler }]),
        })),
      );
    });
    const unpartitionedBytes = JSON.stringify(
      batchResponse(HOSPITAL_SEARCHES.map((s) => searchset([{ ...ofType(s.type, `${s.type}-0`), note: filler }]))),
    ).length;
    const r = await client(fetchImpl, { maxResponseBytes: unpartitionedBytes * 2 }).fetchHospitalRecords('11535', CID, ctx);
    expect(r.status).toBe('answered');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2);
    expect(entryUrls(calls[1]!).some(isWindow)).toBe(false);
    expect(r.pages).toBe(2);
  });

  it('fails as before when even the unpartitioned answer is over the cap', async () => {
    const { fetchImpl, calls } = fakeFetch((c) =>
      json(answerEach(c, (url) => ({ body: searchset([{ ...ofType(typeOf(url), 'big'), note: 'x'.repeat(5000) }]) }))),
    );
    const r = await client(fetchImpl, { maxResponseBytes: 10_000 }).fetchHospitalRecords('11535', CID, ctx);
    expect(calls).toHaveLength(2);
    expect(r).toMatchObject({ status: 'error', resources: [] });
  });

  it('reads unpartitioned from the start when partitionByDate is false', async () => {
    const { fetchImpl, calls } = fakeFetch((c) => json(answerEach(c, () => ({ body: searchset([]) }))));
    await client(fetchImpl, { partitionByDate: false }).fetchHospitalRecords('11535', CID, ctx);
    expect(entryUrls(calls[0]!)).toHaveLength(HOSPITAL_SEARCHES.length);
    expect(entryUrls(calls[0]!).some(isWindow)).toBe(false);
  });
});
