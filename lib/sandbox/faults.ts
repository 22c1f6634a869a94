/**
 * Fault injection, per target (a hospital's hcode, `council`, `sms`, or `index` for the patient index),
 * so the viewer's timeouts, retries, breaker and validation can be exercised on demand.
 */
import { z } from 'zod';
import { HOSPITALS } from './demo-catalog';
import { Rng, deriveSeed } from './rng';

const rate = z.number().min(0).max(1);

export const faultSchema = z
  .object({
    latencyMs: z
      .union([z.number().int().min(0).max(120_000), z.tuple([z.number().int().min(0).max(120_000), z.number().int().min(0).max(120_000)])])
      .optional(),
    errorRate: rate.optional(),
    timeoutRate: rate.optional(),
    malformedRate: rate.optional(),
    malformedKind: z.enum(['html', 'truncated', 'wrong-type']).optional(),
    wrongPatientRate: rate.optional(),
    /** Answer date search parameters with 400, like a FHIR server without them (the viewer then reads unpartitioned). */
    refuseDateSearch: z.boolean().optional(),
  })
  .strict();

export type Fault = z.infer<typeof faultSchema>;

export const FAULT_TARGETS = [...HOSPITALS.map((h) => h.hcode), 'council', 'sms', 'index', 'phr'] as const;

export const faultsPatchSchema = z.record(z.string(), faultSchema.nullable()).superRefine((value, ctx) => {
  for (const key of Object.keys(value)) {
    if (!(FAULT_TARGETS as readonly string[]).includes(key))
      ctx.addIssue({ code: 'custom', message: `unknown fault target ${key}`, path: [key] });
  }
});

export type FaultsPatch = z.infer<typeof faultsPatchSchema>;

/** What to do with one request, decided before it is handled. */
export interface FaultDecision {
  delayMs: number;
  timeout: boolean;
  error: boolean;
  malformed?: 'html' | 'truncated' | 'wrong-type';
  wrongPatient: boolean;
}

export class FaultController {
  private faults = new Map<string, Fault>();
  private readonly rng: Rng;
  private readonly defaultLatency = new Map<string, [number, number]>();

  constructor(
    seed: number,
    private readonly latencyMode: 'default' | 'none',
  ) {
    this.rng = new Rng(deriveSeed(seed, 'runtime-faults'));
    for (const h of HOSPITALS) {
      const r = new Rng(deriveSeed(seed, `latency-${h.hcode}`));
      const min = 80 + Math.round(r.next() * 320);
      const max = Math.min(1200, min + 120 + Math.round(r.next() * 680));
      this.defaultLatency.set(h.hcode, [min, max]);
    }
    this.defaultLatency.set('council', [80, 250]);
    this.defaultLatency.set('sms', [80, 200]);
    this.defaultLatency.set('index', [80, 220]);
    this.defaultLatency.set('phr', [80, 300]);
  }

  /** Merges a patch into the current faults; `null` clears a target. */
  apply(patch: FaultsPatch): void {
    for (const [target, fault] of Object.entries(patch)) {
      if (fault === null) this.faults.delete(target);
      else this.faults.set(target, { ...this.faults.get(target), ...fault });
    }
  }

  clear(): void {
    this.faults.clear();
  }

  snapshot(): Record<string, Fault> {
    return Object.fromEntries(this.faults);
  }

  /** Whether this hospital is switched to refuse date search (see `refuseDateSearch`). */
  refusesDateSearch(target: string): boolean {
    return this.faults.get(target)?.refuseDateSearch === true;
  }

  defaultLatencyRanges(): Record<string, [number, number]> {
    return Object.fromEntries(this.defaultLatency);
  }

  decide(target: string): FaultDecision {
    const f = this.faults.get(target);
    const roll = (p: number | undefined): boolean => p !== undefined && p > 0 && this.rng.next() < p;
    let delayMs = 0;
    const range = f?.latencyMs ?? (this.latencyMode === 'default' ? this.defaultLatency.get(target) : undefined);
    if (typeof range === 'number') delayMs = range;
    else if (range) delayMs = Math.round(Math.min(range[0], range[1]) + this.rng.next() * Math.abs(range[1] - range[0]));
    const decision: FaultDecision = {
      delayMs,
      timeout: roll(f?.timeoutRate),
      error: roll(f?.errorRate),
      wrongPatient: roll(f?.wrongPatientRate),
    };
    if (roll(f?.malformedRate)) decision.malformed = f?.malformedKind ?? 'truncated';
    return decision;
  }
}
