import { describe, expect, it } from 'vitest';
import { addDoctorSchema, completeSetupSchema, grantChangeSchema, grantStatusFilterSchema, lookupDoctorSchema } from './schemas';

describe('admin schemas', () => {
  it('normalises licence numbers as typed', () => {
    expect(lookupDoctorSchema.parse({ licence: 'ว.19283' })).toEqual({ licence: '19283' });
    expect(lookupDoctorSchema.parse({ licence: '๑๙๒๘๓' })).toEqual({ licence: '19283' });
    expect(lookupDoctorSchema.safeParse({ licence: 'abc' }).success).toBe(false);
  });
  it('accepts an empty or ISO end date only', () => {
    expect(addDoctorSchema.safeParse({ licence: '19283', role: 'ed', validUntil: '' }).success).toBe(true);
    expect(addDoctorSchema.safeParse({ licence: '19283', role: 'ed', validUntil: '2026-06-30' }).success).toBe(true);
    expect(addDoctorSchema.safeParse({ licence: '19283', role: 'ed', validUntil: '30/06/2026' }).success).toBe(false);
    expect(addDoctorSchema.safeParse({ licence: '19283', role: 'admin', validUntil: '' }).success).toBe(false);
  });
  it('needs a uuid grant id and a known change', () => {
    expect(grantChangeSchema.safeParse({ grantId: 'not-a-uuid', kind: 'revoke' }).success).toBe(false);
    expect(grantChangeSchema.safeParse({ grantId: crypto.randomUUID(), kind: 'delete' }).success).toBe(false);
    expect(grantChangeSchema.safeParse({ grantId: crypto.randomUUID(), kind: 'role', role: 'ed' }).success).toBe(true);
  });
  it('falls back to all for an unknown filter', () => {
    expect(grantStatusFilterSchema.parse('bogus')).toBe('all');
    expect(grantStatusFilterSchema.parse('expired')).toBe('expired');
  });
  it('requires matching passwords and a six-digit code', () => {
    const token = 'a'.repeat(43);
    expect(completeSetupSchema.safeParse({ token, password: 'x'.repeat(12), confirm: 'y'.repeat(12), totp: '123456' }).success).toBe(false);
    expect(completeSetupSchema.safeParse({ token, password: 'x'.repeat(12), confirm: 'x'.repeat(12), totp: '12345' }).success).toBe(false);
    expect(completeSetupSchema.safeParse({ token, password: 'x'.repeat(12), confirm: 'x'.repeat(12), totp: '123456' }).success).toBe(true);
  });
});
