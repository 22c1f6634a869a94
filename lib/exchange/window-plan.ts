import 'server-only';
import { createHmac, randomBytes } from 'node:crypto';

/**
 * Whether the next read of one patient's records at one hospital needs date windows, learned from the last
 * read (no extra round trip). Windows turn a long history's chain of `next` pages into one round trip, but
 * make every batch carry 63 searches instead of 15, which the hospital runs and we parse, for every patient.
 * A record whose largest windowed search held at most half a page last time is read unpartitioned next
 * time: it fits its first pages with room to grow. If it has grown past a page, the unpartitioned read
 * follows `next` pages as it always did (the same records, one round trip more) and the read after that is
 * windowed again. A patient not seen (or not seen for `ttlMs`) is read with windows: the first load of a
 * large record must not pay the chain. Which read is chosen never changes what is shown: both return the
 * same records (date-windows.int.test.ts).
 */
export interface WindowPlan {
  wantsWindows(hcode: string, cid: string): boolean;
  /** After a complete read: the most records any windowable search returned, and whether a `next` page was followed. */
  learn(hcode: string, cid: string, read: { largestSearch: number; followedNext: boolean }): void;
}

export interface WindowPlanOptions {
  /** `_count` of each search: "small" is at most half of it. */
  pageSize: number;
  /** Patients remembered at once (oldest forgotten first). */
  maxEntries?: number;
  /** How long a "small" verdict holds (a record can grow, e.g. after an admission). */
  ttlMs?: number;
  now: () => number;
}

/**
 * The key of one patient at one hospital: an HMAC under a key that lives only in this process, so the plan
 * holds no citizen ID and none can be recovered from it by trying every 13-digit number.
 */
function keyOf(secret: Buffer, hcode: string, cid: string): string {
  return `${hcode}:${createHmac('sha256', secret).update(cid).digest('base64url').slice(0, 22)}`;
}

export function createWindowPlan(opts: WindowPlanOptions): WindowPlan {
  const maxEntries = opts.maxEntries ?? 20_000;
  const ttlMs = opts.ttlMs ?? 6 * 3_600_000;
  // Map keeps insertion order: re-inserting on learn keeps the oldest first, to be forgotten first.
  const smallUntil = new Map<string, number>();
  const secret = randomBytes(32);
  return {
    wantsWindows(hcode, cid) {
      const until = smallUntil.get(keyOf(secret, hcode, cid));
      return until === undefined || until <= opts.now();
    },
    learn(hcode, cid, read) {
      const key = keyOf(secret, hcode, cid);
      smallUntil.delete(key);
      if (read.followedNext || read.largestSearch > opts.pageSize / 2) return;
      smallUntil.set(key, opts.now() + ttlMs);
      if (smallUntil.size > maxEntries) smallUntil.delete(smallUntil.keys().next().value!);
    },
  };
}
