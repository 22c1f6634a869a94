import { describe, expect, it } from 'vitest';
import { tinyPdf } from './tiny-pdf';

describe('tinyPdf', () => {
  it('is a PDF whose cross-reference table points at each object', () => {
    const bytes = tinyPdf('Discharge summary', ['Line (one)', 'ภาษาไทย']);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n/.exec(text)![1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const offsets = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(5);
    offsets.forEach((o, i) => expect(text.slice(o, o + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));
    // Parentheses escaped, non-ASCII replaced: the content stream stays valid.
    expect(text).toContain('(Line \\(one\\)) Tj');
    expect(text).toContain('(???????) Tj');
    const length = Number(/\/Length (\d+) >>\nstream\n/.exec(text)![1]);
    const streamStart = text.indexOf('stream\n') + 'stream\n'.length;
    expect(text.slice(streamStart + length, streamStart + length + '\nendstream'.length)).toBe('\nendstream');
  });
});
