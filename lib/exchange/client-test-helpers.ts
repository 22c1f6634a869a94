/** Shared set-up for the exchange client's unit tests: an in-memory fake fetch and FHIR bundle builders. */
import { CID_SYSTEM, CID_SYSTEM_DOPA } from '../identity/citizen-id';
import { HOSPITAL_SEARCHES, type ExchangeContext } from './client';

export const BASE = 'http://exchange.test';
export const CID = '3100400123456';
export const OTHER = '3100400234568';
export const ctx: ExchangeContext = { requestId: 'req-1', purpose: 'TREAT', practitioner: '12345', organization: '11535' };

export interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: unknown;
}

export type Route = (call: Call) => Response | Promise<Response>;

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/fhir+json' } });
}

export function fakeFetch(route: Route): { fetchImpl: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    const call: Call = {
      url,
      method: init?.method ?? 'GET',
      headers,
      ...(typeof init?.body === 'string' ? { body: JSON.parse(init.body) as unknown } : {}),
    };
    calls.push(call);
    return route(call);
  }) as typeof fetch;
  return { fetchImpl, calls };
}

export const obs = (id: string, cid = CID, system = CID_SYSTEM) => ({
  resourceType: 'Observation',
  id,
  subject: { identifier: { system, value: cid } },
});
export const ofType = (type: string, id: string, cid = CID) =>
  type === 'AllergyIntolerance' || type === 'Immunization'
    ? { resourceType: type, id, patient: { identifier: { system: CID_SYSTEM_DOPA, value: cid } } }
    : { resourceType: type, id, subject: { identifier: { system: CID_SYSTEM, value: cid } } };
export const searchset = (resources: unknown[], next?: string) => ({
  resourceType: 'Bundle',
  type: 'searchset',
  total: resources.length,
  ...(next === undefined ? {} : { link: [{ relation: 'next', url: next }] }),
  entry: resources.map((resource) => ({ resource })),
});
export const batchResponse = (bodies: unknown[], status = '200 OK') => ({
  resourceType: 'Bundle',
  type: 'batch-response',
  entry: bodies.map((resource) => ({ resource, response: { status } })),
});

/** A batch answer with one resource per search, plus optional overrides per search index. */
export function standardBatch(overrides: Record<number, unknown> = {}) {
  return batchResponse(HOSPITAL_SEARCHES.map((s, i) => overrides[i] ?? searchset([ofType(s.type, `${s.type}-${s.category ?? ''}-${i}`)])));
}

export const obsLabIndex = HOSPITAL_SEARCHES.findIndex((s) => s.type === 'Observation' && s.category === 'laboratory');
export const obsVitalIndex = HOSPITAL_SEARCHES.findIndex((s) => s.type === 'Observation' && s.category === 'vital-signs');
