import { describe, expect, it } from 'vitest';
import { applyGrantChange, displayStatus, endOfThaiDay, thaiDateOf, type GrantChange, type GrantState } from './grant-rules';

const now = new Date('2026-03-10T05:00:00Z');
const active: GrantState = { status: 'active', role: 'doctor', validUntil: null };
const suspended: GrantState = { ...active, status: 'suspended' };
const revoked: GrantState = { ...active, status: 'revoked' };
const later = new Date('2026-06-30T16:59:59.999Z');

describe('applyGrantChange', () => {
  const cases: [string, GrantState, GrantChange, ReturnType<typeof applyGrantChange>][] = [
    ['role change', active, { kind: 'role', role: 'ed' }, { ok: true, next: { ...active, role: 'ed' }, endsSessions: false }],
    ['same role', active, { kind: 'role', role: 'doctor' }, { ok: false, reason: 'unchanged' }],
    ['suspend active', active, { kind: 'suspend' }, { ok: true, next: suspended, endsSessions: true }],
    ['suspend suspended', suspended, { kind: 'suspend' }, { ok: false, reason: 'not-active' }],
    ['reinstate suspended', suspended, { kind: 'reinstate' }, { ok: true, next: active, endsSessions: false }],
    ['reinstate active', active, { kind: 'reinstate' }, { ok: false, reason: 'not-suspended' }],
    ['revoke active', active, { kind: 'revoke' }, { ok: true, next: revoked, endsSessions: true }],
    ['revoke suspended', suspended, { kind: 'revoke' }, { ok: true, next: { ...suspended, status: 'revoked' }, endsSessions: true }],
    ['revoked is final: reinstate', revoked, { kind: 'reinstate' }, { ok: false, reason: 'revoked-final' }],
    ['revoked is final: role', revoked, { kind: 'role', role: 'ed' }, { ok: false, reason: 'revoked-final' }],
    ['revoked is final: revoke again', revoked, { kind: 'revoke' }, { ok: false, reason: 'revoked-final' }],
    [
      'set end date',
      active,
      { kind: 'end-date', validUntil: later },
      { ok: true, next: { ...active, validUntil: later }, endsSessions: false },
    ],
    [
      'clear end date',
      { ...active, validUntil: later },
      { kind: 'end-date', validUntil: null },
      { ok: true, next: active, endsSessions: false },
    ],
    [
      'end date in the past',
      active,
      { kind: 'end-date', validUntil: new Date('2026-03-01T00:00:00Z') },
      { ok: false, reason: 'end-date-past' },
    ],
    [
      'same end date',
      { ...active, validUntil: later },
      { kind: 'end-date', validUntil: new Date(later) },
      { ok: false, reason: 'unchanged' },
    ],
  ];
  it.each(cases)('%s', (_, state, change, expected) => {
    expect(applyGrantChange(state, change, now)).toEqual(expected);
  });
});

describe('displayStatus', () => {
  it('shows an active grant past its end date as expired', () => {
    expect(displayStatus({ status: 'active', validUntil: new Date('2026-03-10T04:59:59Z') }, now)).toBe('expired');
    expect(displayStatus({ status: 'active', validUntil: later }, now)).toBe('active');
    expect(displayStatus({ status: 'suspended', validUntil: new Date('2020-01-01') }, now)).toBe('suspended');
    expect(displayStatus({ status: 'revoked', validUntil: null }, now)).toBe('revoked');
  });
});

describe('endOfThaiDay', () => {
  it('ends at midnight Bangkok time', () => {
    expect(endOfThaiDay('2026-06-30')?.toISOString()).toBe('2026-06-30T16:59:59.999Z');
  });
  it('refuses impossible dates and other formats', () => {
    expect(endOfThaiDay('2026-02-30')).toBeNull();
    expect(endOfThaiDay('30/06/2026')).toBeNull();
    expect(endOfThaiDay('2026-13-01')).toBeNull();
  });
  it('round-trips with thaiDateOf', () => {
    expect(thaiDateOf(endOfThaiDay('2026-12-31')!)).toBe('2026-12-31');
    expect(thaiDateOf(new Date('2026-03-09T17:00:00Z'))).toBe('2026-03-10');
  });
});
