import { lineAssembler, type LineError, type TimelineLine } from '@/lib/timeline/stream-lines';
import type { HospitalView } from '@/lib/timeline/types';
import { wireDecoder, type WirePart } from '@/lib/timeline/wire';
import { nextTask } from './next-task';

/** Longest stretch of parsing before the page gets the main thread back (see useMergedTimeline). */
const SLICE_MS = 8;

/**
 * The hospitals' answers the server streamed into the page's own response (one promise per hospital, each
 * the lines of lib/timeline/stream-lines.ts in the compact wire form of lib/timeline/wire.ts). Each hospital's query calls `take(hcode)` once and
 * gets its answer from the page; a later call (a retry, a refresh after unsealing) gets undefined and asks
 * the one-hospital route. If the page's stream broke or carried no complete answer, that hospital is asked
 * on its own too, so nothing is lost or left waiting. Lines are parsed a few at a time between tasks.
 */
export function pageAnswers(
  answers: Readonly<Record<string, Promise<string[]>>>,
  single: (hcode: string) => Promise<HospitalView>,
  toError: (error: LineError) => Error,
) {
  const unread = new Set(Object.keys(answers));

  async function read(hcode: string, answer: Promise<string[]>): Promise<HospitalView> {
    let lines: string[];
    try {
      lines = await answer;
    } catch {
      return single(hcode); // the page's response broke before this hospital's answer arrived
    }
    const assembler = lineAssembler();
    const wire = wireDecoder();
    let deadline = performance.now() + SLICE_MS;
    for (const text of lines) {
      const line = wire.decode(JSON.parse(text) as WirePart) as unknown as TimelineLine;
      if (line.hcode !== hcode) continue;
      const done = assembler.add(line);
      if (done !== undefined) {
        if ('view' in done) return done.view;
        throw toError(done.error);
      }
      if (performance.now() >= deadline) {
        await nextTask();
        deadline = performance.now() + SLICE_MS;
      }
    }
    return single(hcode);
  }

  return {
    /** This hospital's answer from the page's response the first time; undefined after that. */
    take(hcode: string): Promise<HospitalView> | undefined {
      const answer = answers[hcode];
      if (answer === undefined || !unread.delete(hcode)) return undefined;
      return read(hcode, answer);
    },
  };
}
