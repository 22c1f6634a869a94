import { describe, expect, it } from 'vitest';
import { exchangeContextFor, exchangeRequestId } from './request-context';
import { exchangeContextSchema } from './types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const doctor = (requestId: string) => ({ licence: '12345', hospitalCode: '11535', request: { requestId } });

describe('exchangeRequestId', () => {
  it.each([
    ['req-1', true],
    ['a.b_c:d-9', true],
    ['x'.repeat(128), true],
    ['x'.repeat(129), false],
    ['', false],
    ['has space', false],
    ['a\r\nX-Evil: 1', false],
    ['ไทย', false],
  ])('%j kept: %s', (candidate, kept) => {
    const id = exchangeRequestId(candidate);
    if (kept) expect(id).toBe(candidate);
    else expect(id).toMatch(UUID);
  });

  it('gives each bad id its own fresh UUID', () => {
    expect(exchangeRequestId('bad id')).not.toBe(exchangeRequestId('bad id'));
  });
});

describe('exchangeContextFor', () => {
  it.each(['TREAT', 'ETREAT'] as const)('builds a valid %s context from the doctor', (purpose) => {
    const ctx = exchangeContextFor(doctor('req-1'), purpose);
    expect(ctx).toEqual({ requestId: 'req-1', purpose, practitioner: '12345', organization: '11535' });
    expect(exchangeContextSchema.safeParse(ctx).success).toBe(true);
  });

  it('replaces an id the exchange would refuse, so the call still goes out', () => {
    const ctx = exchangeContextFor(doctor('a\r\nX-Evil: 1'), 'TREAT');
    expect(ctx.requestId).toMatch(UUID);
    expect(exchangeContextSchema.safeParse(ctx).success).toBe(true);
  });
});
