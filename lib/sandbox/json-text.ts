/**
 * JSON text of the sandbox's answers, with each stored record serialised once. A record in the store is
 * never changed in place (it is replaced), so its text can be kept beside it and spliced into every answer
 * that carries it: a hospital's batch of 63 searches, read again and again by the load benchmark, costs
 * the stand-in little more than joining texts. The output is exactly `JSON.stringify(value)`.
 */
import { randomUUID } from 'node:crypto';

const immutable = new WeakSet<object>();
const texts = new WeakMap<object, string>();

/** Marks an object (a stored record) as never changed in place, so its JSON text may be kept and reused. */
export function markImmutable(value: object): void {
  immutable.add(value);
}

// Stands in for a kept text inside the scaffolding's JSON. The per-process random part means no text an
// answer echoes (a search URL in a `self` link) can be mistaken for it.
const TAG = `\u0001sandbox-json-${randomUUID()}:`;
const PLACEHOLDER = new RegExp(`"${JSON.stringify(TAG).slice(1, -1).replace(/\\/g, '\\\\')}(\\d+)"`, 'g');

function textOf(value: object): string {
  let text = texts.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    texts.set(value, text);
  }
  return text;
}

/** `JSON.stringify(value)`, reusing the kept text of every object marked immutable within it. */
export function jsonText(value: unknown): string {
  if (typeof value === 'object' && value !== null && immutable.has(value)) return textOf(value);
  const kept: string[] = [];
  const scaffolding = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'object' || v === null || !immutable.has(v)) return v;
    kept.push(textOf(v));
    return `${TAG}${kept.length - 1}`;
  }) as string | undefined;
  if (scaffolding === undefined || kept.length === 0) return scaffolding as string;
  return scaffolding.replace(PLACEHOLDER, (_m, i: string) => kept[Number(i)]!);
}
