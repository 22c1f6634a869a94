/**
 * A compact wire form for JSON values, used for the hospitals' answers on the record page: every string
 * (codes, names, units, hospital codes, dates) and every object's list of keys is sent once per answer and
 * referred to by number after that, instead of being repeated in each of thousands of facts.
 *
 * Generic on purpose: it knows no fact kind, so a new kind of fact (documents, vital signs, flags, another
 * platform's records) passes through unchanged. decode(encode(x)) equals JSON.parse(JSON.stringify(x)).
 *
 * An encoded value is: a string → its index in the string table (a number); a number → its decimal text
 * (a string); true/false/null → themselves; an object → [shape index, …values in the shape's key order]
 * (keys whose value is undefined are left out, as JSON does); an array → {a: […values]}. An answer is sent
 * as several parts (lines): each part carries only the strings and shapes that are new since the last one,
 * so the encoder and the decoder each keep their tables for one answer. Pure: used on both sides.
 */

/** One part of an answer: the new strings, the new shapes (key lists), and the encoded value. */
export interface WirePart {
  s: string[];
  k: string[][];
  v: unknown;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * A shape (an object's key list) as a path in a tree: each key leads from the shape of the keys before it.
 * An object's shape is found by walking its keys, without building a text of them for each object.
 */
interface ShapeNode {
  id: number;
  next: Map<string, ShapeNode>;
}

/** Encodes the parts of one answer, in order; the decoder must see them in the same order. */
export function wireEncoder(): { encode: (value: unknown) => WirePart } {
  const strings = new Map<string, number>();
  const root: ShapeNode = { id: -1, next: new Map() };
  let shapeCount = 0;
  return {
    encode(value) {
      const newStrings: string[] = [];
      const newShapes: string[][] = [];
      const str = (x: string): number => {
        let i = strings.get(x);
        if (i === undefined) {
          i = strings.size;
          strings.set(x, i);
          newStrings.push(x);
        }
        return i;
      };
      const skip = (x: unknown): boolean => x === undefined || typeof x === 'function' || typeof x === 'symbol';
      const enc = (x: unknown): unknown => {
        if (typeof x === 'string') return str(x);
        if (typeof x === 'number') return Number.isFinite(x) ? String(x) : null;
        if (x === null || typeof x === 'boolean') return x;
        if (typeof x !== 'object') return null;
        const withJson = x as { toJSON?: () => unknown };
        if (typeof withJson.toJSON === 'function') return enc(withJson.toJSON());
        if (Array.isArray(x)) return { a: x.map((e: unknown) => (skip(e) ? null : enc(e))) };
        const out: unknown[] = [0];
        let node = root;
        const record = x as Record<string, unknown>;
        // Own enumerable string keys in JSON's order, as Object.entries gives them.
        for (const key of Object.keys(record)) {
          const v = record[key];
          if (skip(v)) continue;
          out.push(enc(v));
          let child = node.next.get(key);
          if (child === undefined) {
            child = { id: -1, next: new Map() };
            node.next.set(key, child);
          }
          node = child;
        }
        if (node.id === -1) {
          node.id = shapeCount++;
          const keys: string[] = [];
          for (const key of Object.keys(record)) if (!skip(record[key])) keys.push(key);
          newShapes.push(keys);
        }
        out[0] = node.id;
        return out;
      };
      return { s: newStrings, k: newShapes, v: skip(value) ? null : enc(value) };
    },
  };
}

/** Decodes the parts of one answer, in the order they were encoded. */
export function wireDecoder(): { decode: (part: WirePart) => Json } {
  const strings: string[] = [];
  const shapes: { keys: string[]; proto: boolean }[] = [];
  const dec = (x: unknown): Json => {
    if (typeof x === 'number') {
      const s = strings[x];
      if (s === undefined) throw new Error(`wire: no string ${x}`);
      return s;
    }
    if (typeof x === 'string') return Number(x);
    if (x === null || typeof x === 'boolean') return x;
    if (Array.isArray(x)) {
      const shape = shapes[x[0] as number];
      if (shape === undefined || x.length !== shape.keys.length + 1) throw new Error('wire: bad object');
      const o: Record<string, Json> = {};
      const keys = shape.keys;
      // A "__proto__" key must become an own property, as JSON.parse makes it, never the object's prototype.
      if (shape.proto)
        for (let i = 0; i < keys.length; i++)
          Object.defineProperty(o, keys[i]!, { value: dec(x[i + 1]), enumerable: true, writable: true, configurable: true });
      else for (let i = 0; i < keys.length; i++) o[keys[i]!] = dec(x[i + 1]);
      return o;
    }
    const list = (x as { a?: unknown }).a;
    if (!Array.isArray(list)) throw new Error('wire: bad value');
    return list.map(dec);
  };
  return {
    decode(part) {
      for (const s of part.s) strings.push(s);
      for (const keys of part.k) shapes.push({ keys, proto: keys.includes('__proto__') });
      return dec(part.v);
    },
  };
}
