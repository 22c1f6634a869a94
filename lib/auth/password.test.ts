import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password';

describe('admin passwords', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterz', hash)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });

  it.each([
    ['short', 'too-short'],
    ['password1234', 'common'],
    ['Password1234', 'common'],
    ['zzzzzzzzzzzzzz', 'common'],
    ['my-admin11535-pass', 'contains-username'],
    ['ลืมไม่ได้เลย-2569', null],
  ])('%s → %s', (pw, problem) => {
    expect(passwordProblem(pw, 'admin11535')).toBe(problem);
  });
});
