import { describe, expect, it } from 'vitest';
import { createExchangeClient, HOSPITAL_SEARCHES } from './client';
import { BASE, CID, ctx, fakeFetch, json, OTHER, ofType, searchset, type Call } from './client-test-helpers';
import { createWindowPlan } from './window-plan';

const NOW = Date.parse('2026-12-06T05:00:00Z');

describe('createWindowPlan', () => {
  const plan = (now = () => NOW, maxEntries?: number) =>
    createWindowPlan({ pageSize: 500, now, ttlMs: 60_000, ...(maxEntries === undefined ? {} : { maxEntries }) });

  it('wants windows for a patient it has not seen, at each hospital separately', () => {
    const p = plan();
    expect(p.wantsWindows('11535', CID)).toBe(true);
    p.learn('11535', CID, { largestSearch: 10, followedNext: false });
    expect(p.wantsWindows('11535', CID)).toBe(false);
    expect(p.wantsWindows('11536', CID)).toBe(true);
    expect(p.wantsWindows('11535', OTHER)).toBe(true);
  });

  it.each([
    [250, false, false],
    [251, false, true],
    [3, true, true],
  ])('after a read whose largest search held %i (next pages: %s), wants windows: %s', (largestSearch, followedNext, wants) => {
    const p = plan();
    p.learn('11535', CID, { largestSearch, followedNext });
    expect(p.wantsWindows('11535', CID)).toBe(wants);
  });

  it('forgets "small" when a later read is large, and after its time to live', () => {
    let t = NOW;
    const p = plan(() => t);
    p.learn('11535', CID, { largestSearch: 1, followedNext: false });
    p.learn('11535', CID, { largestSearch: 900, followedNext: true });
    expect(p.wantsWindows('11535', CID)).toBe(true);
    p.learn('11535', CID, { largestSearch: 1, followedNext: false });
    t += 60_000;
    expect(p.wantsWindows('11535', CID)).toBe(true);
  });

  it('holds at most maxEntries patients, forgetting the oldest first', () => {
    const p = plan(() => NOW, 2);
    for (const h of ['10001', '10002', '10003']) p.learn(h, CID, { largestSearch: 1, followedNext: false });
    expect(['10001', '10002', '10003'].map((h) => p.wantsWindows(h, CID))).toEqual([true, false, false]);
  });
});

// The client with its plan, against a fake exchange that answers every search with `perSearch` records.
const entryUrls = (call: Call): string[] => (call.body as { entry: { request: { url: string } }[] }).entry.map((e) => e.request.url);
const isWindow = (url: string): boolean => /[?&](date|authoredon|whenhandedover)(:missing)?=/.test(url);

function exchange(perSearch: () => number, nextOnLabs: () => boolean = () => false) {
  return fakeFetch((c) => {
    if (c.method === 'GET') return json(searchset([ofType('Observation', 'lab-next')]));
    return json({
      resourceType: 'Bundle',
      type: 'batch-response',
      entry: entryUrls(c).map((url, i) => {
        const type = url.split('?')[0]!;
        const windowed = isWindow(url);
        // Windowed: every record in the newest window only, so a window's count is the search's count.
        const n = windowed && !/=ge[^&]*(&_|&_count|$)/.test(url.replace(/&_include=[^&]*/, '')) ? 0 : perSearch();
        const records = Array.from({ length: n }, (_, k) => ofType(type, `${type}-${i}-${k}`));
        const next = url.includes('category=laboratory') && nextOnLabs() && (!windowed || n > 0);
        return {
          resource: searchset(records, next ? `${BASE}/hospitals/11535/fhir/Observation?page=2` : undefined),
          response: { status: '200 OK' },
        };
      }),
    });
  });
}
const windowedBatches = (calls: Call[]) => calls.filter((c) => c.method === 'POST').map((c) => entryUrls(c).some(isWindow));

describe('fetchHospitalRecords with the window plan', () => {
  it('reads a small record without windows the second time, with the same records', async () => {
    const { fetchImpl, calls } = exchange(() => 2);
    const client = createExchangeClient({ baseUrl: BASE, token: 't', fetchImpl, now: () => NOW });
    const first = await client.fetchHospitalRecords('11535', CID, ctx);
    const second = await client.fetchHospitalRecords('11535', CID, ctx);
    expect(windowedBatches(calls)).toEqual([true, false]);
    expect(entryUrls(calls[1]!)).toHaveLength(HOSPITAL_SEARCHES.length);
    expect(second.counts).toEqual(first.counts);
    expect(second.status).toBe('answered');
  });

  it('keeps windows for a record with a search over half a page', async () => {
    const { fetchImpl, calls } = exchange(() => 251);
    const client = createExchangeClient({ baseUrl: BASE, token: 't', fetchImpl, now: () => NOW });
    await client.fetchHospitalRecords('11535', CID, ctx);
    await client.fetchHospitalRecords('11535', CID, ctx);
    expect(windowedBatches(calls)).toEqual([true, true]);
  });

  it('goes back to windows after an unpartitioned read that needed a next page (the record grew)', async () => {
    let grown = false;
    const { fetchImpl, calls } = exchange(
      () => 2,
      () => grown,
    );
    const client = createExchangeClient({ baseUrl: BASE, token: 't', fetchImpl, now: () => NOW });
    await client.fetchHospitalRecords('11535', CID, ctx);
    grown = true;
    const plain = await client.fetchHospitalRecords('11535', CID, ctx);
    await client.fetchHospitalRecords('11535', CID, ctx);
    expect(windowedBatches(calls)).toEqual([true, false, true]);
    expect(plain.resources.map((r) => r.id)).toContain('lab-next'); // nothing lost: the next page was followed
  });

  it('learns nothing from a failed read, and nothing when learnWindowPlan is false', async () => {
    const { fetchImpl, calls } = exchange(() => 1);
    const off = createExchangeClient({ baseUrl: BASE, token: 't', fetchImpl, now: () => NOW, learnWindowPlan: false });
    await off.fetchHospitalRecords('11535', CID, ctx);
    await off.fetchHospitalRecords('11535', CID, ctx);
    expect(windowedBatches(calls)).toEqual([true, true]);

    const failing = fakeFetch(() => json({ resourceType: 'Bundle', type: 'batch-response', entry: [] }));
    const client = createExchangeClient({ baseUrl: BASE, token: 't', fetchImpl: failing.fetchImpl, now: () => NOW });
    expect((await client.fetchHospitalRecords('11535', CID, ctx)).status).toBe('malformed');
    await client.fetchHospitalRecords('11535', CID, ctx);
    expect(windowedBatches(failing.calls)).toEqual([true, true]);
  });
});
