import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGE_AREAS, MESSAGES, type MessageKey } from './messages';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name))
    .map((d) => path.relative(ROOT, path.join(d.parentPath, d.name)));
}

// Comments may quote Thai (an example of what a screen shows); only code and markup must not.
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
}

/** Each way of writing text outside the catalogue that this test refuses, with the words for the failure. */
const INLINE_TEXT: readonly [RegExp, string][] = [
  [/[\u0E00-\u0E7F]/, 'Thai text'],
  [/\{\s*th\s*:/, 'an inline { th, en } object'],
  [/\bpick\(/, 'pick('],
  [/\bth \? /, 'a th ? … : … choice'],
  [/lang === 'th' \?/, "a lang === 'th' ? … : … choice"],
];

/** Lines of `source` (comments removed) that write user-visible text outside the catalogue. */
export function inlineText(source: string): string[] {
  return withoutComments(source)
    .split('\n')
    .flatMap((line, i) => INLINE_TEXT.filter(([re]) => re.test(line)).map(([, what]) => `line ${i + 1}: ${what}: ${line.trim()}`));
}

describe('message catalogue', () => {
  const keys = Object.keys(MESSAGES.th) as MessageKey[];

  it('has every key in both languages, never empty', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual([...keys].sort());
    const empty = keys.filter((k) => MESSAGES.th[k].trim() === '' || MESSAGES.en[k].trim() === '');
    expect(empty).toEqual([]);
  });

  it('uses the same {placeholders} in Thai and English', () => {
    const differ = keys.filter((k) => placeholders(MESSAGES.th[k]).join() !== placeholders(MESSAGES.en[k]).join());
    expect(differ).toEqual([]);
  });

  it('defines each key in exactly one area file', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [area, part] of Object.entries(MESSAGE_AREAS)) {
      for (const key of Object.keys(part.th)) {
        if (seen.has(key)) twice.push(`${key} (${seen.get(key)} and ${area})`);
        seen.set(key, area);
      }
    }
    expect(twice).toEqual([]);
    expect(seen.size).toBe(keys.length);
  });

  it('keeps each area file a small room (under 400 lines)', () => {
    const dir = path.join(ROOT, 'lib', 'i18n', 'messages');
    const long = readdirSync(dir)
      .map((name) => [name, readFileSync(path.join(dir, name), 'utf8').split('\n').length] as const)
      .filter(([, lines]) => lines >= 400);
    expect(long).toEqual([]);
  });
});

describe('one translation mechanism', () => {
  it('recognises each inline pattern it refuses', () => {
    expect(inlineText("<p>{th ? 'x' : 'y'}</p>")).toHaveLength(1);
    expect(inlineText("label={{ th: 'a', en: 'b' }}")).toHaveLength(1);
    expect(inlineText('{pick(lang, X)}')).toHaveLength(1);
    expect(inlineText("{lang === 'th' ? a : b}")).toHaveLength(1);
    expect(inlineText('<span>\u0E1B\u0E35</span>')).toHaveLength(1);
    expect(inlineText('// \u0E1B\u0E35 in a comment\n/* \u0E1B\u0E35 */ const x = 1;')).toEqual([]);
  });

  it.each([...sourceFiles('components'), ...sourceFiles('app')])('%s takes its text from the catalogue', (file) => {
    expect(inlineText(readFileSync(path.join(ROOT, file), 'utf8'))).toEqual([]);
  });
});
