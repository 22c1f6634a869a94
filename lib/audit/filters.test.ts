import { describe, expect, it } from 'vitest';
import { withCitizenIdCheckDigit } from '../identity/citizen-id';
import { bangkokDayRange, filterToQuery, parseAuditFilter } from './filters';

const cid = withCitizenIdCheckDigit('110170000000');

describe('audit filters', () => {
  it('accepts a full, valid filter and normalises licence and citizen ID', () => {
    const r = parseAuditFilter({
      doctor: 'ว.12345',
      patient: `${cid.slice(0, 1)}-${cid.slice(1)}`,
      action: 'clinical-read',
      outcome: 'success',
      purpose: 'ETREAT',
      from: '2026-11-01',
      to: '2026-11-02',
      before: '51',
    });
    expect(r).toEqual({
      ok: true,
      filter: {
        doctor: '12345',
        patient: cid,
        action: 'clinical-read',
        outcome: 'success',
        purpose: 'ETREAT',
        from: '2026-11-01',
        to: '2026-11-02',
        before: 51,
      },
    });
  });

  it('treats empty fields as not set', () => {
    expect(parseAuditFilter(new URLSearchParams('doctor=&patient=&action=&from='))).toEqual({ ok: true, filter: {} });
  });

  it.each([
    [{ patient: `${cid.slice(0, 12)}${(Number(cid[12]) + 1) % 10}` }, 'patient', 'cid-checksum'],
    [{ patient: '123' }, 'patient', 'cid-length'],
    [{ doctor: 'abc' }, 'doctor', 'licence'],
    [{ action: 'drop-table' }, 'action', undefined],
    [{ from: '2026-13-45' }, 'from', undefined],
    [{ from: '2026-11-05', to: '2026-11-01' }, 'to', 'range'],
    [{ before: '-3' }, 'before', undefined],
    [{ doctor: ['12345', '23456'] }, 'doctor', undefined],
  ])('refuses %j', (input, field, message) => {
    const r = parseAuditFilter(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(Object.keys(r.fieldErrors)).toContain(field);
      if (message) expect(r.fieldErrors[field as keyof typeof r.fieldErrors]).toBe(message);
    }
  });

  it('turns Bangkok days into an inclusive range of instants', () => {
    expect(bangkokDayRange('2026-11-01', '2026-11-01')).toEqual({
      since: new Date('2026-10-31T17:00:00Z'),
      until: new Date('2026-11-01T17:00:00Z'),
    });
  });

  it('builds links without the cursor', () => {
    expect(filterToQuery({ doctor: '12345', before: 10 }, { before: '5' })).toBe('doctor=12345&before=5');
  });
});
