import { describe, expect, it } from 'vitest';
import { CID_SYSTEM } from '../identity/citizen-id';
import {
  auditEventBundleSchema,
  auditEventSchema,
  LICENCE_SYSTEM,
  HCODE_SYSTEM,
  toAuditEvent,
  toAuditEventBundle,
  type AuditEventSource,
} from './fhir';

const observer = { site: 'healthlink-viewer', display: 'Health Link clinical viewer' };
const base: AuditEventSource = {
  id: '3b8f1a1e-1c1d-4f2a-9a0b-0c1d2e3f4a5b',
  seq: 1,
  at: new Date('2026-11-02T03:04:05Z'),
  actorType: 'doctor',
  actorId: '12345',
  actorRole: 'doctor',
  hospitalCode: '11535',
  action: 'clinical-read',
  outcome: 'success',
  patientCid: '1101700000001',
  purpose: 'TREAT',
  accessRef: '9b8f1a1e-1c1d-4f2a-9a0b-0c1d2e3f4a5b',
  clientIp: '10.1.2.3',
  details: { sourceHospital: '10661', resourceTypes: { Observation: 3 } },
};

describe('AuditEvent mapper', () => {
  it('maps a clinical read (BALP query pattern)', () => {
    const e = toAuditEvent(base, observer);
    expect(e).toMatchObject({
      resourceType: 'AuditEvent',
      id: base.id,
      type: { code: 'rest' },
      action: 'E',
      recorded: '2026-11-02T03:04:05.000Z',
      outcome: '0',
      purposeOfEvent: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'TREAT' }] }],
      source: { site: 'healthlink-viewer', observer: { display: 'Health Link clinical viewer' } },
    });
    expect(e.subtype).toContainEqual({ system: 'http://hl7.org/fhir/restful-interaction', code: 'search', display: 'search' });
    expect(e.agent[0]).toMatchObject({
      requestor: true,
      who: { identifier: { system: LICENCE_SYSTEM, value: '12345' } },
      network: { address: '10.1.2.3', type: '2' },
    });
    expect(e.agent[1]).toMatchObject({ requestor: false, who: { identifier: { system: HCODE_SYSTEM, value: '11535' } } });
    expect(e.entity?.[0]).toMatchObject({ what: { identifier: { system: CID_SYSTEM, value: '1101700000001' } }, role: { code: '1' } });
    expect(e.entity?.[0]?.detail).toEqual([
      { type: 'hospitals', valueString: '10661' },
      { type: 'count:Observation', valueString: '3' },
    ]);
    expect(e.entity?.[1]).toMatchObject({ what: { reference: `Consent/${base.accessRef}` } });
    expect(e.meta).toBeUndefined();
  });

  it.each([
    ['success', '0'],
    ['denied', '4'],
    ['failure', '8'],
  ])('outcome %s → %s', (outcome, code) => {
    expect(toAuditEvent({ ...base, outcome }, observer).outcome).toBe(code);
  });

  it('labels break-the-glass start and stop with BTG and ETREAT', () => {
    for (const action of ['emergency-start', 'emergency-end']) {
      const e = toAuditEvent({ ...base, action, purpose: 'ETREAT', details: {} }, observer);
      expect(e.meta?.security).toContainEqual(expect.objectContaining({ code: 'BTG' }));
      expect(e.subtype).toContainEqual(expect.objectContaining({ code: 'BTG' }));
      expect(e.purposeOfEvent?.[0]?.coding?.[0]?.code).toBe('ETREAT');
      expect(e.entity?.[0]?.securityLabel).toContainEqual(expect.objectContaining({ code: 'BTG' }));
    }
  });

  it('references the Consent for consent decisions and reads, not for emergencies', () => {
    expect(
      toAuditEvent({ ...base, action: 'consent-start' }, observer).entity?.some((x) => x.what?.reference === `Consent/${base.accessRef}`),
    ).toBe(true);
    expect(toAuditEvent({ ...base, action: 'consent-start' }, observer).action).toBe('C');
    expect(toAuditEvent({ ...base, purpose: 'ETREAT' }, observer).entity?.some((x) => x.what?.reference?.startsWith('Consent/'))).toBe(
      false,
    );
  });

  it('builds a searchset bundle that passes the shape check', () => {
    const actions = [
      'clinical-read',
      'patient-lookup',
      'otp-send',
      'consent-start',
      'consent-end',
      'emergency-start',
      'emergency-end',
      'emergency-denied',
      'sealed-open',
      'summary-export',
    ];
    const rows = actions.map((action, i) => ({
      ...base,
      id: base.id.replace(/.$/, String(i)),
      seq: i + 1,
      action,
      outcome: i % 3 === 0 ? 'success' : i % 3 === 1 ? 'denied' : 'failure',
      clientIp: i === 2 ? null : base.clientIp,
    }));
    const bundle = toAuditEventBundle(rows, observer, 'http://x/api/audit/AuditEvent?patient=1');
    expect(bundle.entry).toHaveLength(actions.length);
    expect(() => auditEventBundleSchema.parse(bundle)).not.toThrow();
    expect(JSON.stringify(bundle)).not.toContain('undefined');
  });

  it('the shape check rejects a broken AuditEvent', () => {
    const good = toAuditEvent(base, observer);
    expect(auditEventSchema.safeParse(good).success).toBe(true);
    expect(auditEventSchema.safeParse({ ...good, recorded: 'yesterday' }).success).toBe(false);
    expect(auditEventSchema.safeParse({ ...good, agent: [] }).success).toBe(false);
    expect(auditEventSchema.safeParse({ ...good, agent: [{ ...good.agent[0], requestor: false }] }).success).toBe(false);
    expect(auditEventSchema.safeParse({ ...good, resourceType: 'Patient' }).success).toBe(false);
  });
});
