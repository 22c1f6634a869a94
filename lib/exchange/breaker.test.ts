import { describe, expect, it } from 'vitest';
import { breakerAcquire, breakerFailure, breakerRelease, breakerSuccess, CLOSED, createBreakerRegistry } from './breaker';

const opts = { failureThreshold: 3, cooldownMs: 30_000 };

describe('breaker arithmetic', () => {
  it('stays closed below the threshold and opens at it', () => {
    let s = breakerFailure(CLOSED, 0, opts);
    s = breakerFailure(s, 1, opts);
    expect(s.phase).toBe('closed');
    s = breakerFailure(s, 2, opts);
    expect(s).toMatchObject({ phase: 'open', consecutiveFailures: 3, openedAt: 2 });
  });

  it('a success resets the count', () => {
    let s = breakerFailure(breakerFailure(CLOSED, 0, opts), 0, opts);
    s = breakerSuccess(s);
    s = breakerFailure(breakerFailure(s, 0, opts), 0, opts);
    expect(s.phase).toBe('closed');
  });

  it('refuses while open, allows exactly one trial after the cool-down', () => {
    const open = { phase: 'open' as const, consecutiveFailures: 3, openedAt: 1000, trialInFlight: false };
    expect(breakerAcquire(open, 1000 + 29_999, opts).allowed).toBe(false);
    const trial = breakerAcquire(open, 1000 + 30_000, opts);
    expect(trial).toMatchObject({ allowed: true, state: { phase: 'half-open', trialInFlight: true } });
    expect(breakerAcquire(trial.state, 1000 + 30_001, opts).allowed).toBe(false);
  });

  it('half-open closes on success and re-opens on failure', () => {
    const half = { phase: 'half-open' as const, consecutiveFailures: 3, openedAt: 0, trialInFlight: true };
    expect(breakerSuccess(half).phase).toBe('closed');
    expect(breakerFailure(half, 50_000, opts)).toMatchObject({ phase: 'open', openedAt: 50_000, trialInFlight: false });
  });

  it('a cancelled trial gives the slot back', () => {
    const half = { phase: 'half-open' as const, consecutiveFailures: 3, openedAt: 0, trialInFlight: true };
    const released = breakerRelease(half);
    expect(breakerAcquire(released, 1, opts).allowed).toBe(true);
    expect(breakerRelease(CLOSED)).toBe(CLOSED);
  });
});

describe('breaker registry', () => {
  it('keeps hospitals independent and exposes a snapshot', () => {
    let t = 0;
    const reg = createBreakerRegistry({ failureThreshold: 2, cooldownMs: 100 }, () => t);
    reg.failure('11535');
    reg.failure('11535');
    reg.success('10661');
    expect(reg.acquire('11535')).toBe(false);
    expect(reg.acquire('10661')).toBe(true);
    expect(reg.snapshot()).toEqual(
      expect.arrayContaining([
        { key: '11535', phase: 'open', consecutiveFailures: 2, openedAt: 0 },
        { key: '10661', phase: 'closed', consecutiveFailures: 0 },
      ]),
    );
    t = 100;
    expect(reg.acquire('11535')).toBe(true);
    expect(reg.acquire('11535')).toBe(false);
    reg.success('11535');
    expect(reg.acquire('11535')).toBe(true);
    reg.reset();
    expect(reg.snapshot()).toEqual([]);
  });
});
