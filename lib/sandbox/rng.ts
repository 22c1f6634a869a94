/** A small seeded PRNG (mulberry32): the generator must give byte-identical data for the same seed. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from empty list');
    return item;
  }

  /** k distinct items in their original order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const idx = items.map((_, i) => i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const a = idx[i]!;
      idx[i] = idx[j]!;
      idx[j] = a;
    }
    return idx
      .slice(0, Math.min(k, idx.length))
      .sort((a, b) => a - b)
      .map((i) => items[i]!);
  }

  /** Roughly normal, for lab values that cluster around a mean. */
  normal(mean: number, sd: number): number {
    const u = this.next() + this.next() + this.next() - 1.5;
    return mean + u * 2 * sd;
  }
}

/** Derives an independent seed for a named stream so adding one stream does not shift the others. */
export function deriveSeed(seed: number, label: string): number {
  let h = 2166136261 ^ seed;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}
