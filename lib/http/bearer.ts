import { createHash, timingSafeEqual } from 'node:crypto';

/** Constant-time check of `Authorization: Bearer <expected>`; an empty expected token never matches. */
export function hasBearer(headers: Headers, expected: string): boolean {
  const match = /^Bearer (\S+)$/.exec(headers.get('authorization') ?? '');
  if (!match || expected.length === 0) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(match[1]!), digest(expected));
}
