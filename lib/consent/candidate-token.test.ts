import { describe, expect, it } from 'vitest';
import { CANDIDATE_TTL_MS, openCandidate, sealCandidate } from './candidate-token';

const SECRET = 'a-test-secret-of-enough-length-0123456789';
const now = new Date('2026-12-06T10:00:00Z');

describe('candidate tokens', () => {
  it('open for the doctor who searched, within their lifetime, and hide the citizen ID', () => {
    const token = sealCandidate('3100400123456', 'ว.12345', now, SECRET);
    expect(token).not.toContain('3100400123456');
    expect(openCandidate(token, 'ว.12345', new Date(now.getTime() + CANDIDATE_TTL_MS - 1), SECRET)).toBe('3100400123456');
  });

  it('refuse another doctor, an expired or altered token and another key', () => {
    const token = sealCandidate('3100400123456', 'ว.12345', now, SECRET);
    expect(openCandidate(token, 'ว.24680', now, SECRET)).toBeNull();
    expect(openCandidate(token, 'ว.12345', new Date(now.getTime() + CANDIDATE_TTL_MS), SECRET)).toBeNull();
    expect(openCandidate(token, 'ว.12345', now, `${SECRET}x`)).toBeNull();
    const altered = token.slice(0, -3) + (token.endsWith('AAA') ? 'BBB' : 'AAA');
    expect(openCandidate(altered, 'ว.12345', now, SECRET)).toBeNull();
    expect(openCandidate('3100400123456', 'ว.12345', now, SECRET)).toBeNull();
  });
});
