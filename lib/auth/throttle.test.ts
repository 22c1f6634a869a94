import { describe, expect, it } from 'vitest';
import { delayAfter, EMPTY_THROTTLE, evaluateThrottle, LICENCE_POLICY, recordFailure, recordSuccess, type ThrottleState } from './throttle';

const t0 = new Date('2026-11-22T00:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

function failTimes(n: number, start = t0, gapMs = 0): ThrottleState {
  let s = EMPTY_THROTTLE(start);
  for (let i = 0; i < n; i++) s = recordFailure(s, new Date(start.getTime() + i * gapMs), LICENCE_POLICY);
  return s;
}

describe('throttle arithmetic', () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 30_000],
    [6, 60_000],
    [7, 120_000],
    [9, 480_000],
    [20, 900_000],
  ])('after %i failures the next attempt waits %i ms', (failures, delay) => {
    expect(delayAfter(failures, LICENCE_POLICY)).toBe(delay);
  });

  it('lets the first five failures through immediately', () => {
    expect(evaluateThrottle(failTimes(4), t0, LICENCE_POLICY)).toEqual({ allowed: true });
  });

  it('makes the sixth attempt wait 30 s after the fifth failure', () => {
    const s = failTimes(5);
    expect(evaluateThrottle(s, at(10_000), LICENCE_POLICY)).toEqual({ allowed: false, retryAt: at(30_000) });
    expect(evaluateThrottle(s, at(30_000), LICENCE_POLICY)).toEqual({ allowed: true });
  });

  it('locks for 15 minutes after ten failures in a row', () => {
    const s = failTimes(10, t0, 1000);
    expect(s.lockedUntil).toEqual(at(9000 + 15 * 60_000));
    expect(evaluateThrottle(s, at(10 * 60_000), LICENCE_POLICY)).toMatchObject({ allowed: false });
    expect(evaluateThrottle(s, at(9000 + 15 * 60_000), LICENCE_POLICY)).toEqual({ allowed: true });
  });

  it('resets the consecutive count on success but keeps the daily count', () => {
    const s = recordSuccess(failTimes(7));
    expect(s.consecutiveFailures).toBe(0);
    expect(s.windowFailures).toBe(7);
    expect(evaluateThrottle(s, t0, LICENCE_POLICY)).toEqual({ allowed: true });
  });

  it('never allows more than 100 failures in 24 hours', () => {
    let s = EMPTY_THROTTLE(t0);
    for (let i = 0; i < 100; i++) s = recordSuccess(recordFailure(s, at(i * 60_000), LICENCE_POLICY));
    expect(evaluateThrottle(s, at(101 * 60_000), LICENCE_POLICY)).toEqual({ allowed: false, retryAt: at(24 * 3600_000) });
    expect(evaluateThrottle(s, at(24 * 3600_000), LICENCE_POLICY)).toEqual({ allowed: true });
  });
});
