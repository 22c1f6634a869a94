import { describe, expect, it } from 'vitest';
import {
  clampEmergencyHours,
  emergencyExpiry,
  emergencyFieldErrors,
  emergencyStartPasskeySchema,
  emergencyFormInput,
  emergencyNoticeText,
  emergencyStartSchema,
  isEmergencyActive,
  remainingMs,
} from './rules';

const valid = {
  cid: '3-1004-00890-12-1',
  reasonCode: 'unconscious',
  reasonText: '  Found unconscious, GCS 6, no relatives  ',
  attestation: true,
  pin: '135790',
};

describe('emergencyStartSchema', () => {
  it('accepts a complete request and normalises the ID and the text', () => {
    const parsed = emergencyStartSchema.parse(valid);
    expect(parsed.cid).toBe('3100400890121');
    expect(parsed.reasonText).toBe('Found unconscious, GCS 6, no relatives');
  });

  it.each([
    ['missing reason code', { reasonCode: undefined }, 'reasonCode', 'emergency.error.reasonCode'],
    ['unknown reason code', { reasonCode: 'bored' }, 'reasonCode', 'emergency.error.reasonCode'],
    ['short text', { reasonText: 'too short' }, 'reasonText', 'emergency.error.reasonText'],
    ['text only spaces', { reasonText: '              ' }, 'reasonText', 'emergency.error.reasonText'],
    ['text too long', { reasonText: 'x'.repeat(501) }, 'reasonText', 'emergency.error.reasonTextLong'],
    ['no attestation', { attestation: undefined }, 'attestation', 'emergency.error.attestation'],
    ['attestation false', { attestation: false }, 'attestation', 'emergency.error.attestation'],
    ['PIN of 5 digits', { pin: '12345' }, 'pin', 'emergency.error.pinFormat'],
    ['PIN with letters', { pin: '12a456' }, 'pin', 'emergency.error.pinFormat'],
    ['bad checksum', { cid: '3100400890122' }, 'cid', 'emergency.error.cid'],
    ['too few digits', { cid: '31004' }, 'cid', 'emergency.error.cid'],
  ])('refuses %s with a specific message', (_name, patch, field, key) => {
    const errors = emergencyFieldErrors({ ...valid, ...patch });
    expect(errors[field as keyof typeof errors]).toEqual({ key });
  });

  it('accepts exactly 10 and 500 characters', () => {
    expect(emergencyStartSchema.safeParse({ ...valid, reasonText: 'x'.repeat(10) }).success).toBe(true);
    expect(emergencyStartSchema.safeParse({ ...valid, reasonText: 'x'.repeat(500) }).success).toBe(true);
  });

  it('reports every missing field at once', () => {
    expect(Object.keys(emergencyFieldErrors({ cid: valid.cid })).sort()).toEqual(['attestation', 'pin', 'reasonCode', 'reasonText']);
  });
});

describe('the form of a doctor who steps up with a passkey', () => {
  it('asks for no PIN, and leaves the assertion to the service (which refuses a missing one)', () => {
    expect(Object.keys(emergencyFieldErrors({ cid: valid.cid }, 'passkey')).sort()).toEqual(['attestation', 'reasonCode', 'reasonText']);
    const { pin: _pin, ...withoutPin } = valid;
    expect(emergencyFieldErrors(withoutPin, 'passkey')).toEqual({});
    expect(emergencyStartPasskeySchema.safeParse(withoutPin).success).toBe(true);
  });
});

describe('emergencyFormInput', () => {
  it('maps a ticked checkbox to true and an unticked one to undefined', () => {
    const form = new Map<string, unknown>([
      ['cid', valid.cid],
      ['attestation', 'on'],
    ]);
    expect(emergencyFormInput((n) => form.get(n)).attestation).toBe(true);
    expect(emergencyFormInput(() => null).attestation).toBeUndefined();
  });
});

describe('duration bounds', () => {
  it.each([
    [4, 4],
    [0, 1],
    [-3, 1],
    [25, 24],
    [24, 24],
    [2.7, 2],
    [Number.NaN, 1],
  ])('clamps %s hours to %s', (input, expected) => {
    expect(clampEmergencyHours(input)).toBe(expected);
  });

  it('expires the configured hours after the start', () => {
    const now = new Date('2026-11-22T00:00:00Z');
    expect(emergencyExpiry(now, 4).toISOString()).toBe('2026-11-22T04:00:00.000Z');
    expect(emergencyExpiry(now, 100).toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });

  it('is active until expiry and never after it or after being ended', () => {
    const start = new Date('2026-11-22T00:00:00Z');
    const access = { expiresAt: emergencyExpiry(start, 4), endedAt: null };
    expect(isEmergencyActive(access, new Date('2026-11-22T03:59:59Z'))).toBe(true);
    expect(isEmergencyActive(access, new Date('2026-11-22T04:00:00Z'))).toBe(false);
    expect(isEmergencyActive({ ...access, endedAt: new Date('2026-11-22T01:00:00Z') }, new Date('2026-11-22T01:30:00Z'))).toBe(false);
    expect(remainingMs(access.expiresAt, new Date('2026-11-22T05:00:00Z'))).toBe(0);
    expect(remainingMs(access.expiresAt, new Date('2026-11-22T03:00:00Z'))).toBe(3_600_000);
  });
});

describe('emergencyNoticeText', () => {
  const at = new Date('2026-11-22T00:30:00Z');
  it('names the hospital and the Bangkok time in Thai (Buddhist year) without any reason', () => {
    const text = emergencyNoticeText('th', 'โรงพยาบาลกลาง', at);
    expect(text).toContain('ฉุกเฉิน');
    expect(text).toContain('โรงพยาบาลกลาง');
    expect(text).toContain('22/11/2569 07:30');
  });
  it('uses English and the common era for English-speaking patients', () => {
    const text = emergencyNoticeText('en', 'Klang Hospital', at);
    expect(text).toMatch(/opened in an emergency by Klang Hospital at 22\/11\/2026 07:30/);
  });
});
