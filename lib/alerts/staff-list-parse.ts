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

export type StaffListParse = { ok: true; cids: string[] } | { ok: false; errors: StaffLineError[]; tooMany: boolean };

/**
 * A staff list as the hospital admin pastes or uploads it: one 13-digit citizen ID a line, written with or
 * without spaces or dashes (1-2345-67890-12-3); blank lines are skipped and repeats kept once. Every bad
 * line is reported with its number (the first 100), so the admin fixes them all at once; one bad line
 * refuses the whole list, which is stored all or nothing.
 */
export function parseStaffList(text: string): StaffListParse {
  const errors: StaffLineError[] = [];
  const cids = new Set<string>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    // A spreadsheet export may quote the cell or end it with a comma.
    const value = raw.trim().replace(/^"(.*)",?$|,$/, '$1');
    if (value === '') return;
    const check = checkCitizenId(value);
    if (check.ok) cids.add(check.cid);
    else if (errors.length < 100) errors.push({ line: i + 1, problem: check.reason === 'empty' ? 'length' : check.reason });
  });
  const tooMany = cids.size > MAX_STAFF_LIST_ENTRIES;
  if (errors.length > 0 || tooMany) return { ok: false, errors, tooMany };
  return { ok: true, cids: [...cids] };
}
