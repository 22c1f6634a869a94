/**
 * Answers a request the way the configured faults say a real upstream would: late, never, with a 5xx,
 * malformed, or carrying another patient's record. One per server, so the error rotation is per server.
 */
import type { ServerResponse } from 'node:http';
import type { Bundle, Reference, Resource } from '@medplum/fhirtypes';
import type { FaultDecision } from './faults';
import { FHIR_JSON, JSON_TYPE, sendBody, sendJson, sendOutcome } from './http-util';
import { jsonText } from './json-text';
import type { SandboxState } from './sandbox-state';

export interface Reply {
  status: number;
  body: unknown;
  contentType: string;
}

const HOLD_MS = 120_000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

export function fhir(status: number, body: unknown): Reply {
  return { status, body, contentType: FHIR_JSON };
}

export function json(status: number, body: unknown): Reply {
  return { status, body, contentType: JSON_TYPE };
}

/** Swaps the patient identifier on a copy of a resource, as a misbehaving hospital might. */
function withOtherPatient(resource: Resource, otherCid: string, type: string): Resource {
  const copy = structuredClone(resource) as unknown as Record<string, unknown>;
  copy.id = `${resource.id ?? 'injected'}-wrong-patient`;
  const field = type === 'AllergyIntolerance' || type === 'Immunization' ? 'patient' : 'subject';
  const ref = (copy[field] ?? {}) as Reference;
  const wrong: Reference = {
    ...ref,
    reference: 'Patient/WRONG-PATIENT',
    identifier: { system: ref.identifier?.system ?? 'https://terms.sil-th.org/id/th-cid', value: otherCid },
  };
  copy[field] = wrong;
  return copy as unknown as Resource;
}

function writeReply(res: ServerResponse, reply: Reply, decision?: FaultDecision): void {
  const isFhir = reply.contentType === FHIR_JSON;
  switch (decision?.malformed) {
    case 'html':
      sendBody(
        res,
        200,
        'text/html; charset=utf-8',
        '<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><p>upstream proxy error</p></body></html>',
      );
      return;
    case 'truncated': {
      const text = jsonText(reply.body);
      sendBody(res, reply.status, reply.contentType, text.slice(0, Math.max(1, Math.floor(text.length / 2))));
      return;
    }
    case 'wrong-type':
      sendJson(
        res,
        reply.status,
        isFhir
          ? { resourceType: 'Binary', id: 'unexpected', contentType: 'text/plain', data: 'bm90IGEgYnVuZGxl' }
          : ['unexpected', 'shape'],
        reply.contentType,
      );
      return;
    case undefined:
      sendJson(res, reply.status, reply.body, reply.contentType);
      return;
  }
}

export class FaultResponder {
  private readonly held = new Set<NodeJS.Timeout>();
  private errorCounter = 0;

  constructor(private readonly state: SandboxState) {}

  private otherCid(cid: string): string {
    for (const p of this.state.store.patients.values()) if (p.cid !== cid) return p.cid;
    return '3100400012344';
  }

  /** Appends a copy of a resource that names another patient, as a misbehaving hospital might. */
  injectWrongPatient(bundle: Bundle, cid: string, type: string): void {
    const first = bundle.entry?.[0]?.resource;
    const base: Resource = first ?? ({ resourceType: type, id: 'injected', status: 'final' } as unknown as Resource);
    const injected = withOtherPatient(base, this.otherCid(cid), type);
    bundle.entry = [...(bundle.entry ?? []), { fullUrl: `urn:uuid:${injected.id ?? ''}`, resource: injected, search: { mode: 'match' } }];
  }

  private hold(res: ServerResponse): void {
    // A hung upstream: never answer, but drop the socket eventually so nothing leaks.
    const timer = setTimeout(() => {
      this.held.delete(timer);
      res.socket?.destroy();
    }, HOLD_MS);
    timer.unref();
    this.held.add(timer);
    res.on('close', () => {
      clearTimeout(timer);
      this.held.delete(timer);
    });
  }

  /** Applies the target's faults, then writes what `produce` answers (possibly mangled). */
  async faulted(
    target: string,
    res: ServerResponse,
    isFhir: boolean,
    produce: (d: FaultDecision) => Reply | Promise<Reply>,
  ): Promise<void> {
    const decision = this.state.faults.decide(target);
    if (decision.delayMs > 0) await sleep(decision.delayMs);
    if (decision.timeout) {
      this.hold(res);
      return;
    }
    if (decision.error) {
      this.errorCounter += 1;
      const status = [503, 500, 502][this.errorCounter % 3] ?? 503;
      if (isFhir) sendOutcome(res, status, 'transient', 'simulated upstream failure');
      else sendJson(res, status, { error: 'simulated upstream failure' });
      return;
    }
    writeReply(res, await produce(decision), decision);
  }

  /** Drops every held (never-answered) request's timer; for shutdown. */
  releaseAll(): void {
    for (const t of this.held) clearTimeout(t);
    this.held.clear();
  }
}
