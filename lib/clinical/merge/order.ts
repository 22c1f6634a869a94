/** Deterministic orderings shared by the merge's sections: the result never depends on arrival order. */

/** Newest first; undated last. */
export function byTimeDesc(a: number, b: number): number {
  const an = Number.isNaN(a);
  const bn = Number.isNaN(b);
  if (an || bn) return an === bn ? 0 : an ? 1 : -1;
  return b - a;
}

export function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(cmpStr);
}

export function byId(a: { id: string }, b: { id: string }): number {
  return cmpStr(a.id, b.id);
}
