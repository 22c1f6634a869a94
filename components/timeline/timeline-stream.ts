import { jsonLines } from '@/lib/http/json-lines';
import { lineAssembler, type LineError, type TimelineLine } from '@/lib/timeline/stream-lines';
import type { HospitalView } from '@/lib/timeline/types';
import type { Bilingual } from '@/lib/i18n/messages';
import { nextTask } from './next-task';

/** Longest stretch of reading lines before the page gets the main thread back (see useMergedTimeline). */
const SLICE_MS = 8;

interface Waiter {
  resolve: (view: HospitalView) => void;
  reject: (error: unknown) => void;
}

/**
 * Reads several hospitals through one streamed request (`/api/access/{id}/timeline?h=…`). Each hospital's
 * query asks `take(hcode)` once; the hospitals asked for in the same moment (the page's first render) go
 * into one request, and each answer settles its own promise as its (last) line arrives. A hospital asked
 * for later (a retry, a refresh after unsealing) gets undefined and uses the one-hospital route. If the stream
 * breaks, hospitals without an answer fall back to that route too, so nothing is lost or left waiting.
 */
export function timelineStream(accessId: string, single: (hcode: string) => Promise<HospitalView>, toError: (error: LineError) => Error) {
  const waiting = new Map<string, Waiter>();
  const assembler = lineAssembler();
  let started = false;

  async function run(): Promise<void> {
    const codes = [...waiting.keys()];
    try {
      const res = await fetch(`/api/access/${accessId}/timeline?h=${codes.join(',')}`, { cache: 'no-store' });
      if (res.status === 401 || res.status === 403) {
        // Signed out or the consent has ended: asking each hospital again would only be refused again.
        const body = (await res.json().catch(() => null)) as { message?: Bilingual } | null;
        const error = toError({ status: res.status, ...(body?.message ? { message: body.message } : {}) });
        for (const waiter of waiting.values()) waiter.reject(error);
        waiting.clear();
        return;
      }
      if (!res.ok || res.body === null) throw new Error(`HTTP ${res.status}`);
      let deadline = performance.now() + SLICE_MS;
      for await (const value of jsonLines(res.body)) {
        const line = value as TimelineLine;
        if (!waiting.has(line.hcode)) continue;
        const answer = assembler.add(line);
        if (answer !== undefined) {
          const waiter = waiting.get(answer.hcode)!;
          waiting.delete(answer.hcode);
          if ('view' in answer) waiter.resolve(answer.view);
          else waiter.reject(toError(answer.error));
        }
        // After ~8 ms of parsing, the browser gets a turn: lines that arrived together are read over several
        // tasks, so a large record does not hold up a frame.
        if (performance.now() >= deadline) {
          await nextTask();
          deadline = performance.now() + SLICE_MS;
        }
      }
    } catch {
      // Fall through: whoever has no answer yet asks on their own.
    }
    for (const hcode of waiting.keys()) assembler.drop(hcode);
    for (const [hcode, waiter] of waiting) single(hcode).then(waiter.resolve, waiter.reject);
    waiting.clear();
  }

  return {
    /** This hospital's answer from the shared request, or undefined once that request has been sent. */
    take(hcode: string): Promise<HospitalView> | undefined {
      if (started || waiting.has(hcode)) return undefined;
      return new Promise<HospitalView>((resolve, reject) => {
        if (waiting.size === 0) {
          setTimeout(() => {
            started = true;
            void run();
          }, 0);
        }
        waiting.set(hcode, { resolve, reject });
      });
    },
  };
}
