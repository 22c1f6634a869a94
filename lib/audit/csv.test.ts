import { describe, expect, it } from 'vitest';
import { AUDIT_CSV_COLUMNS, auditCsvHeader, auditCsvLine, csvCell } from './csv';

describe('audit CSV', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+66812345678', "'+66812345678"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['ผู้ป่วย, ทดสอบ', '"ผู้ป่วย, ทดสอบ"'],
    ['line\nbreak', '"line\nbreak"'],
    ['plain', 'plain'],
    [null, ''],
    [-5, '-5'],
  ])('cell %j → %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('starts with a BOM and the agreed columns', () => {
    const header = auditCsvHeader();
    expect(header.charCodeAt(0)).toBe(0xfeff);
    expect(header.slice(1).trim().split(',')).toEqual([...AUDIT_CSV_COLUMNS]);
    expect(AUDIT_CSV_COLUMNS).toEqual([
      'seq',
      'at',
      'actor_type',
      'actor_id',
      'actor_role',
      'hospital_code',
      'action',
      'outcome',
      'patient_cid',
      'purpose',
      'access_ref',
      'client_ip',
      'request_id',
      'details',
    ]);
  });

  it('writes a row with ISO UTC time and JSON details', () => {
    const line = auditCsvLine({
      seq: 7,
      at: new Date('2026-11-01T08:00:00+07:00'),
      actorType: 'doctor',
      actorId: '12345',
      actorRole: 'ed',
      hospitalCode: '11535',
      action: 'clinical-read',
      outcome: 'success',
      patientCid: '1101700000001',
      purpose: 'ETREAT',
      accessRef: null,
      clientIp: '10.0.0.1',
      requestId: 'r1',
      details: { note: '=cmd', n: 1 },
    });
    expect(line).toBe(
      '7,2026-11-01T01:00:00.000Z,doctor,12345,ed,11535,clinical-read,success,1101700000001,ETREAT,,10.0.0.1,r1,"{""note"":""=cmd"",""n"":1}"\r\n',
    );
  });
});
