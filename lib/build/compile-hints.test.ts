import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { COMPILE_HINT, withCompileHint } from './compile-hints';

describe('withCompileHint', () => {
  const chunk = '(globalThis.TURBOPACK||(globalThis.TURBOPACK=[])).push([1,2]);\n//# sourceMappingURL=a.js.map';

  it('puts the hint on the first line and keeps the chunk byte for byte after it', () => {
    const hinted = withCompileHint(chunk);
    expect(hinted.split('\n')[0]).toBe('//# allFunctionsCalledOnLoad');
    expect(hinted.slice(COMPILE_HINT.length)).toBe(chunk);
  });

  it('is idempotent: a build step run twice adds one hint', () => {
    expect(withCompileHint(withCompileHint(chunk))).toBe(withCompileHint(chunk));
  });

  it('keeps a "use strict" directive working (a comment may precede it)', () => {
    const strict = '"use strict";\nx = 1;';
    const hinted = withCompileHint(strict);
    // In strict mode, assigning an undeclared name throws; in sloppy mode it would create a global.
    const run = (code: string) => () => {
      new Script(code).runInNewContext({});
    };
    expect(run(hinted)).toThrow(/x is not defined/);
    expect(run('x = 1;')).not.toThrow();
  });
});
