/**
 * The two ways the record page merges hospital answers: in its merge worker (the page only copies each
 * answer's facts over once, in short steps, and reads the merged model back in chunks, see
 * merge-protocol.ts), or, where a worker cannot run (an old browser, a worker that failed to load), on the
 * main thread in short slices as before. Both give the same model (lib/clinical's merge).
 */
import { mergeSteps } from '@/lib/clinical/merge';
import type { TimelineModel } from '@/lib/clinical/types';
import type { HospitalView } from '@/lib/timeline/types';
import { CHUNK, modelAssembler, type Fact, type FromWorker, type ToWorker } from './merge-protocol';
import { nextTask } from './next-task';

/** Longest stretch of main-thread work before the page gets the main thread back (a long task is 50 ms). */
const SLICE_MS = 8;

export interface Merger {
  /**
   * The model of `input`; undefined when `cancelled()` became true or the merger was closed on the way.
   * `keep`: every answer still in use (the others' facts can be let go).
   */
  merge(
    input: readonly HospitalView[],
    now: string,
    keep: readonly HospitalView[],
    cancelled: () => boolean,
  ): Promise<TimelineModel | undefined>;
  close(): void;
}

/** The hospitals whose answers count as asked and answered (with records or none). */
function answeredOf(views: readonly HospitalView[]): string[] {
  return views.filter((v) => v.status === 'answered' || v.status === 'no-data').map((v) => v.hcode);
}

export function mergeInput(views: readonly HospitalView[], now: string) {
  return { facts: views.flatMap((v) => v.facts), answered: answeredOf(views), now };
}

/** Runs merge steps in slices of at most ~SLICE_MS; undefined when cancelled in between. */
async function runInSlices<T>(steps: Generator<void, T, void>, cancelled: () => boolean): Promise<T | undefined> {
  let deadline = performance.now() + SLICE_MS;
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    if (performance.now() >= deadline) {
      await nextTask();
      if (cancelled()) return undefined;
      deadline = performance.now() + SLICE_MS;
    }
  }
}

/** The merge on the page's own thread, in slices between frames. */
export function mainThreadMerger(): Merger {
  let closed = false;
  return {
    merge: (input, now, _keep, cancelled) => runInSlices(mergeSteps(mergeInput(input, now)), () => closed || cancelled()),
    close: () => {
      closed = true;
    },
  };
}

/** What the page needs of a Worker (a fake in tests). */
export interface WorkerPort {
  postMessage(message: ToWorker): void;
  onmessage: ((event: { data: FromWorker }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  terminate(): void;
}

interface Pending {
  job: number;
  input: readonly HospitalView[];
  now: string;
  cancelled: () => boolean;
  assembler: ReturnType<typeof modelAssembler>;
  resolve: (model: TimelineModel | undefined) => void;
}

/**
 * The merge in `worker`. If the worker fails (it could not load, or a merge threw there), this merge and
 * every later one run on the main thread instead (`fallback`), so the record is never left waiting.
 */
export function workerMerger(worker: WorkerPort, fallback: Merger = mainThreadMerger()): Merger {
  const ids = new WeakMap<HospitalView, number>();
  const posted = new Map<number, HospitalView>();
  let nextId = 1;
  let nextJob = 1;
  let pending: Pending | undefined;
  let broken = false;
  let closed = false;

  const finish = (model: TimelineModel | undefined): void => {
    const p = pending;
    pending = undefined;
    p?.resolve(model);
  };
  const fallBack = (): void => {
    broken = true;
    const p = pending;
    if (p === undefined) return;
    pending = undefined;
    void fallback.merge(p.input, p.now, [], p.cancelled).then(p.resolve, () => p.resolve(undefined));
  };
  worker.onerror = fallBack;
  worker.onmessage = ({ data }) => {
    if (pending === undefined || data.job !== pending.job) return; // a merge nobody waits for any more
    if (data.type === 'failed') return fallBack();
    try {
      const model = pending.assembler.add(data);
      if (model !== undefined) finish(pending.cancelled() ? undefined : model);
    } catch {
      fallBack();
    }
  };

  /** Copies an answer's facts to the worker once, a chunk per task. */
  async function send(view: HospitalView): Promise<number> {
    let id = ids.get(view);
    if (id !== undefined) return id;
    id = nextId++;
    ids.set(view, id);
    posted.set(id, view);
    for (let start = 0; start === 0 || start < view.facts.length; start += CHUNK) {
      if (start > 0) await nextTask();
      worker.postMessage({ type: 'facts', view: id, facts: view.facts.slice(start, start + CHUNK) });
    }
    return id;
  }

  return {
    async merge(input, now, keep, cancelled) {
      if (broken) return fallback.merge(input, now, keep, cancelled);
      const views: number[] = [];
      for (const v of input) views.push(await send(v));
      const kept = new Set(keep.map((v) => ids.get(v)));
      for (const id of views) kept.add(id);
      const gone = [...posted.keys()].filter((id) => !kept.has(id));
      for (const id of gone) posted.delete(id);
      if (gone.length > 0) worker.postMessage({ type: 'forget', views: gone });
      if (closed || cancelled()) return undefined;
      if (broken) return fallback.merge(input, now, keep, cancelled);
      const facts: Fact[] = input.flatMap((v) => v.facts);
      const job = nextJob++;
      return new Promise<TimelineModel | undefined>((resolve) => {
        finish(undefined); // one merge at a time: an older one still waiting is not wanted any more
        pending = { job, input, now, cancelled, assembler: modelAssembler(facts), resolve };
        worker.postMessage({ type: 'merge', job, views, answered: answeredOf(input), now });
      });
    },
    close() {
      closed = true;
      finish(undefined);
      fallback.close();
      worker.terminate();
    },
  };
}

/** The page's merger: its worker where the browser can run one, else the main-thread merge. */
export function createMerger(): Merger {
  if (typeof Worker === 'undefined') return mainThreadMerger();
  try {
    return workerMerger(new Worker(new URL('./merge.worker.ts', import.meta.url)) as unknown as WorkerPort);
  } catch {
    return mainThreadMerger();
  }
}
