/**
 * The messages between the record page and its merge worker (merge.worker.ts), and the compact form of the
 * merged model the worker hands back. Copying a 21,600-record model between threads costs about as much as
 * merging it, and most of it is the facts, which the page already holds (it decoded them): so the worker
 * sends every fact as a reference `{$f: i}` to the i-th fact of the merge's input (the page's own objects),
 * and the long lists (timeline entries, encounters, lab and vital series) in chunks, each read in a task of
 * its own, so that no single copy blocks the page for long. Pure: no I/O, used on both sides.
 */
import type { ClinicalFact, SealedFactStub, TimelineEntry, TimelineModel } from '@/lib/clinical/types';

export type Fact = ClinicalFact | SealedFactStub;

/** Facts per message, each way: a chunk is copied in a few milliseconds on a tablet. */
export const CHUNK = 1000;

export type ToWorker =
  /** A part of one hospital answer's facts (sent once per answer, in chunks, in order). */
  | { type: 'facts'; view: number; facts: Fact[] }
  /** Merge these answers (their facts in this order make the merge's input); answered as `job`. */
  | { type: 'merge'; job: number; views: number[]; answered: string[]; now: string }
  /** Answers no longer shown (refetched or gone): their facts can go. */
  | { type: 'forget'; views: number[] };

export type FromWorker =
  /** The model without its long lists (facts as references); `part` chunks follow until each list has `counts[key]` items. */
  | { type: 'model'; job: number; model: unknown; counts: Record<'entries' | 'encounters' | 'labs' | 'vitals', number> }
  | { type: 'part'; job: number; key: 'entries' | 'encounters' | 'labs' | 'vitals'; items: unknown[]; links?: EntryLinks; plain?: true }
  | { type: 'failed'; job: number; message: string };

/**
 * The facts of a chunk of timeline entries as numbers (copied between threads as plain memory, where
 * thousands of small reference objects would each be copied and rebuilt): `fact[i]` is entry i's fact
 * (-1: none); its sources are `sources[start[i]] … sources[start[i + 1] - 1]`, or, when `start[i]` is -1,
 * the entry keeps its own `sources` (a sealed stub's, which are not facts).
 */
export interface EntryLinks {
  fact: Int32Array;
  start: Int32Array;
  sources: Int32Array;
}

interface FactRef {
  $f: number;
}

function isRef(x: object): x is FactRef {
  return typeof (x as { $f?: unknown }).$f === 'number' && Object.keys(x).length === 1;
}

/**
 * A copy of `value` with every object that is one of the input facts replaced by `{$f: index}`. Objects
 * shared inside `value` stay shared in the copy (the same `seen` map for every part of one model).
 */
export function withFactRefs(
  value: unknown,
  index: ReadonlyMap<object, number>,
  seen: Map<object, unknown>,
  found: { refs: number } = { refs: 0 },
): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const i = index.get(value);
  if (i !== undefined) {
    found.refs++;
    return { $f: i } satisfies FactRef;
  }
  const done = seen.get(value);
  if (done !== undefined) return done;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array<unknown>(value.length);
    seen.set(value, out);
    for (let k = 0; k < value.length; k++) out[k] = withFactRefs(value[k], index, seen, found);
    return out;
  }
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  for (const key of Object.keys(value)) out[key] = withFactRefs((value as Record<string, unknown>)[key], index, seen, found);
  return out;
}

/**
 * Puts the facts back in place of their references, in place (the received copy is the page's own). A
 * reference to a fact the page does not have is an error: the model must never show a record it lacks.
 */
export function resolveFactRefs(value: unknown, facts: readonly Fact[], seen: Set<object>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (isRef(value)) {
    const fact = facts[value.$f];
    if (fact === undefined) throw new Error(`merge worker: no fact ${value.$f}`);
    return fact;
  }
  if (seen.has(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) {
    for (let k = 0; k < value.length; k++) value[k] = resolveFactRefs(value[k], facts, seen);
    return value;
  }
  const o = value as Record<string, unknown>;
  for (const key of Object.keys(o)) o[key] = resolveFactRefs(o[key], facts, seen);
  return value;
}

/**
 * The model's long lists and how many items go in one message: the timeline entries, the encounters and
 * the lab and vital series (a series can hold thousands of points). The rest of the model is small.
 */
const PARTS = { entries: CHUNK, encounters: CHUNK, labs: 1, vitals: 1 } as const;
type Part = keyof typeof PARTS;
const PART_KEYS = Object.keys(PARTS) as Part[];

/** The messages that carry one merged model: the model without its long lists, then those lists in chunks. */
export function modelMessages(job: number, model: TimelineModel, input: readonly Fact[]): FromWorker[] {
  const index = new Map<object, number>();
  input.forEach((f, i) => index.set(f, i));
  const head: Record<string, unknown> = { ...model };
  const counts = {} as Record<Part, number>;
  for (const key of PART_KEYS) {
    head[key] = [];
    counts[key] = model[key].length;
  }
  const out: FromWorker[] = [{ type: 'model', job, model: withFactRefs(head, index, new Map()), counts }];
  // Objects shared between parts (coded results are entries too) come back as separate copies: equal, not identical.
  for (const key of PART_KEYS) {
    const list: readonly unknown[] = model[key];
    for (let start = 0; start < list.length; start += PARTS[key]) {
      const chunk = list.slice(start, start + PARTS[key]);
      if (key === 'entries') out.push(entryPart(job, chunk as TimelineEntry[], index));
      else {
        const found = { refs: 0 };
        const items = withFactRefs(chunk, index, new Map(), found) as unknown[];
        // A part with no fact in it (a lab series' points) need not be walked again on the page.
        out.push(found.refs === 0 ? { type: 'part', job, key, items, plain: true } : { type: 'part', job, key, items });
      }
    }
  }
  return out;
}

/** A chunk of entries: their facts and sources as numbers (EntryLinks), the rest as plain copies. */
function entryPart(job: number, entries: readonly TimelineEntry[], index: ReadonlyMap<object, number>): FromWorker {
  const fact = new Int32Array(entries.length);
  const start = new Int32Array(entries.length + 1);
  const sources: number[] = [];
  const seen = new Map<object, unknown>();
  const items = entries.map((e, i) => {
    const { fact: f, sources: refs, ...rest } = e;
    fact[i] = f === undefined ? -1 : index.get(f)!;
    const ids = refs.map((r) => index.get(r));
    start[i] = ids.every((id) => id !== undefined) ? sources.length : -1;
    if (start[i] === -1) return withFactRefs({ ...rest, sources: refs }, index, seen);
    for (const id of ids) sources.push(id!);
    return withFactRefs(rest, index, seen);
  });
  start[entries.length] = sources.length;
  return { type: 'part', job, key: 'entries', items, links: { fact, start, sources: Int32Array.from(sources) } };
}

/** Puts the facts of a chunk of entries back from its EntryLinks, in place. */
function linkEntries(items: unknown[], links: EntryLinks, facts: readonly Fact[]): void {
  const at = (i: number): Fact => {
    const f = facts[i];
    if (f === undefined) throw new Error(`merge worker: no fact ${i}`);
    return f;
  };
  items.forEach((item, i) => {
    const e = item as { fact?: Fact; sources?: Fact[] };
    const f = links.fact[i]!;
    if (f >= 0) e.fact = at(f);
    const from = links.start[i]!;
    if (from === -1) return;
    let to = links.start.length - 1;
    for (let k = i + 1; k < links.start.length; k++) {
      if (links.start[k] !== -1) {
        to = k;
        break;
      }
    }
    const end = links.start[to]!;
    const list: Fact[] = [];
    for (let k = from; k < end; k++) list.push(at(links.sources[k]!));
    e.sources = list;
  });
}

/** Reassembles one model from its messages as they arrive; `add` answers the model once it is complete. */
export function modelAssembler(facts: readonly Fact[]) {
  let model: TimelineModel | undefined;
  let counts: Record<Part, number> | undefined;
  const lists = Object.fromEntries(PART_KEYS.map((k) => [k, [] as unknown[]])) as Record<Part, unknown[]>;
  return {
    add(message: Extract<FromWorker, { type: 'model' | 'part' }>): TimelineModel | undefined {
      if (message.type === 'model') {
        model = resolveFactRefs(message.model, facts, new Set()) as TimelineModel;
        counts = message.counts;
      } else {
        if (!PART_KEYS.includes(message.key)) throw new Error(`merge worker: no part ${message.key}`);
        const items = message.plain === true ? message.items : (resolveFactRefs(message.items, facts, new Set()) as unknown[]);
        if (message.links !== undefined) linkEntries(items, message.links, facts);
        const list = lists[message.key];
        for (const item of items) list.push(item);
      }
      if (model === undefined || counts === undefined || PART_KEYS.some((k) => lists[k].length < counts![k])) return undefined;
      const done = model as unknown as Record<Part, unknown[]>;
      for (const key of PART_KEYS) done[key] = lists[key];
      return model;
    },
  };
}
