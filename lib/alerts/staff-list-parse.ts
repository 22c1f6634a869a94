import { checkCitizenId } from '../identity/citizen-id';

/** The most IDs one list may hold: more than the staff of the largest Thai hospital, less than a population. */
export const MAX_STAFF_LIST_ENTRIES = 50_000;

/** Why one line of a pasted or uploaded staff list is not a citizen ID. */
export type StaffLineProblem = 'length' | 'not-digits' | 'checksum';
export interface StaffLineError {
  /** 1-based, as an editor numbers lines. */
  line: number;
  problem: StaffLineProblem;
}

/** `more`: bad lines past the first MAX_REPORTED_LINES, counted but not listed. */
export type StaffListParse = { ok: true; cids: string[] } | { ok: false; errors: StaffLineError[]; more: number; tooMany: boolean };

export const MAX_REPORTED_LINES = 100;

/**
 * A staff list as the hospital admin pastes or uploads it: one 13-digit citizen ID a line, written with or
 * without spaces or dashes (1-2345-67890-12-3); blank lines are skipped and repeats kept once. Every bad
 * line is reported with its number (the first MAX_REPORTED_LINES, then how many more), so the admin fixes them all at once; one bad line
 * refuses the whole list, which is stored all or nothing.
 */
export function parseStaffList(text: string): StaffListParse {
  const errors: StaffLineError[] = [];
  let more = 0;
  const cids = new Set<string>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    // A spreadsheet export may quote the cell or end it with a comma.
    const value = raw.trim().replace(/^"(.*)",?$|,$/, '$1');
    if (value === '') return;
    const check = checkCitizenId(value);
    if (check.ok) cids.add(check.cid);
    else if (errors.length < MAX_REPORTED_LINES) errors.push({ line: i + 1, problem: check.reason === 'empty' ? 'length' : check.reason });
    else more++;
  });
  const tooMany = cids.size > MAX_STAFF_LIST_ENTRIES;
  if (errors.length > 0 || tooMany) return { ok: false, errors, more, tooMany };
  return { ok: true, cids: [...cids] };
}
