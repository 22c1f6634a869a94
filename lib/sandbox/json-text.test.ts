import { describe, expect, it } from 'vitest';
import { jsonText, markImmutable } from './json-text';

describe('jsonText', () => {
  const stored = (id: string) => {
    const r = { resourceType: 'Observation', id, note: [{ text: 'ผลปกติ "quoted" \u0001 \\ end' }], value: 1.5 };
    markImmutable(r);
    return r;
  };

  it('is exactly JSON.stringify, with stored records inside bundles, arrays and at the top', () => {
    const a = stored('a');
    const b = stored('b');
    const answer = {
      resourceType: 'Bundle',
      type: 'batch-response',
      entry: [
        { resource: { resourceType: 'Bundle', type: 'searchset', entry: [{ resource: a }, { resource: b }, { resource: a }] } },
        { resource: { resourceType: 'OperationOutcome', issue: [{ diagnostics: 'no "tag" here', skipped: undefined }] } },
      ],
      list: [a, undefined, b],
    };
    expect(jsonText(answer)).toBe(JSON.stringify(answer));
    expect(jsonText(a)).toBe(JSON.stringify(a));
    expect(jsonText([a])).toBe(JSON.stringify([a]));
  });

  it('serialises values without stored records as JSON.stringify does', () => {
    for (const v of [null, 1, 'x', [1, 'two', null], { a: { b: [true] } }, {}]) expect(jsonText(v)).toBe(JSON.stringify(v));
  });

  it('keeps the first text of a stored record (it must be replaced, never changed in place)', () => {
    const a = stored('kept');
    const first = jsonText({ a });
    (a as { id: string }).id = 'changed';
    expect(jsonText({ a })).toBe(first);
  });

  it('does not take a text that merely looks like the stand-in marker for one', () => {
    const a = stored('c');
    const echo = { self: '\u0001sandbox-json-00000000-0000-0000-0000-000000000000:0', a };
    expect(jsonText(echo)).toBe(JSON.stringify(echo));
  });
});
