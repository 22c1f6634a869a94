/**
 * The lines of the streamed timeline (`/api/access/{id}/timeline`), written by the route and read by the
 * record page. A hospital's answer is one line `{hcode, view}`, or `{hcode, error}`. A large answer is cut:
 * first `{hcode, facts}` lines of FACTS_PER_LINE facts each, then the `view` line with the rest, so the
 * browser parses it in short steps (a 1 MB line took ~25 ms to parse in one go) and can paint in between.
 * Pure: no I/O, used on both sides.
 */
import type { HospitalView } from './types';

/** About 250 KB of JSON: a few milliseconds to parse on a workstation. */
export const FACTS_PER_LINE = 500;

export interface LineError {
  status: number;
  message?: { th: string; en: string };
}

export type TimelineLine =
  { hcode: string; view: HospitalView } | { hcode: string; error: LineError } | { hcode: string; facts: HospitalView['facts'] };

/** The lines that carry one hospital's answer, in the order they must be sent. */
export function viewLines(hcode: string, view: HospitalView, perLine = FACTS_PER_LINE): TimelineLine[] {
  const lines: TimelineLine[] = [];
  let start = 0;
  for (; view.facts.length - start > perLine; start += perLine) lines.push({ hcode, facts: view.facts.slice(start, start + perLine) });
  lines.push({ hcode, view: start === 0 ? view : { ...view, facts: view.facts.slice(start) } });
  return lines;
}

/**
 * Puts cut answers back together. `add` returns a hospital's complete answer when its last line arrives,
 * and undefined for a part. An error line drops the parts received for that hospital; so does `drop`
 * (when the stream breaks before the last line, the hospital is asked again on its own).
 */
export function lineAssembler() {
  const parts = new Map<string, HospitalView['facts'][]>();
  return {
    add(line: TimelineLine): { hcode: string; view: HospitalView } | { hcode: string; error: LineError } | undefined {
      if ('facts' in line) {
        const list = parts.get(line.hcode) ?? [];
        list.push(line.facts);
        parts.set(line.hcode, list);
        return undefined;
      }
      const received = parts.get(line.hcode);
      parts.delete(line.hcode);
      if ('error' in line || received === undefined) return line;
      return { hcode: line.hcode, view: { ...line.view, facts: [...received.flat(), ...line.view.facts] } };
    },
    drop(hcode: string): void {
      parts.delete(hcode);
    },
  };
}
