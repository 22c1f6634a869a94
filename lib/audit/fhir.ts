import type { AuditEvent, AuditEventAgent, AuditEventEntity, Bundle, Coding } from '@medplum/fhirtypes';
import { z } from 'zod';
import { CID_SYSTEM } from '../identity/citizen-id';
import { summariseDetails } from './summary';
import type { AuditRecord } from './chain';

export const LICENCE_SYSTEM = 'https://terms.sil-th.org/id/th-medical-council-license';
export const HCODE_SYSTEM = 'https://terms.sil-th.org/id/th-moph-hcode';
export const ACTION_SYSTEM = 'urn:healthlink:audit-action';
const DCM = 'http://dicom.nema.org/resources/ontology/DCM';
const EVENT_TYPE = 'http://terminology.hl7.org/CodeSystem/audit-event-type';
const RESTFUL = 'http://hl7.org/fhir/restful-interaction';
const ACT_REASON = 'http://terminology.hl7.org/CodeSystem/v3-ActReason';
const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const ROLE_TYPE = 'http://terminology.hl7.org/CodeSystem/extra-security-role-type';
const PARTICIPATION = 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType';

/** One audit row as the mapper needs it (a stored row; no clinical content by design). */
export type AuditEventSource = Omit<AuditRecord, 'at' | 'userAgent' | 'requestId' | 'prevHash'> & { at: Date };

const PATIENT_RECORD: Coding = { system: DCM, code: '110110', display: 'Patient Record' };
const REST: Coding = { system: EVENT_TYPE, code: 'rest', display: 'Restful Operation' };
const read: Coding = { system: RESTFUL, code: 'read', display: 'read' };
const search: Coding = { system: RESTFUL, code: 'search', display: 'search' };

/** IHE BALP-style type / subtype / action per audit action. */
function classify(action: string): { type: Coding; subtype: Coding[]; action: AuditEvent['action'] } {
  switch (action) {
    case 'clinical-read':
      return { type: REST, subtype: [search], action: 'E' };
    case 'patient-lookup':
      return { type: REST, subtype: [search], action: 'E' };
    case 'sealed-open':
    case 'summary-export':
    case 'document-open':
      return { type: REST, subtype: [read], action: 'R' };
    case 'consent-start':
      return { type: PATIENT_RECORD, subtype: [{ system: RESTFUL, code: 'create', display: 'create' }], action: 'C' };
    case 'consent-end':
      return { type: PATIENT_RECORD, subtype: [{ system: RESTFUL, code: 'update', display: 'update' }], action: 'U' };
    case 'sign-in':
    case 'admin-sign-in':
      return {
        type: { system: DCM, code: '110114', display: 'User Authentication' },
        subtype: [{ system: DCM, code: '110122', display: 'Login' }],
        action: 'E',
      };
    case 'sign-out':
    case 'session-expired':
      return {
        type: { system: DCM, code: '110114', display: 'User Authentication' },
        subtype: [{ system: DCM, code: '110123', display: 'Logout' }],
        action: 'E',
      };
    case 'audit-export':
      return { type: { system: DCM, code: '110106', display: 'Export' }, subtype: [], action: 'R' };
    case 'access-log-read':
      return { type: REST, subtype: [search], action: 'E' };
    default:
      return { type: PATIENT_RECORD, subtype: [], action: 'E' };
  }
}

const OUTCOME: Record<string, AuditEvent['outcome']> = { success: '0', denied: '4', failure: '8' };

function requestor(row: AuditEventSource): AuditEventAgent {
  const system = row.actorType === 'doctor' ? LICENCE_SYSTEM : `urn:healthlink:${row.actorType}`;
  return {
    type: { coding: [{ system: ROLE_TYPE, code: 'humanuser', display: 'human user' }] },
    who: row.actorId
      ? { identifier: { system, value: row.actorId }, display: row.actorType === 'doctor' ? `ว.${row.actorId}` : undefined }
      : { display: row.actorType },
    ...(row.actorRole ? { role: [{ text: row.actorRole }] } : {}),
    requestor: true,
    ...(row.clientIp && row.clientIp !== 'unknown'
      ? { network: { address: row.clientIp, type: /^[\d.:a-fA-F]+$/.test(row.clientIp) ? '2' : '1' } }
      : {}),
    ...(row.purpose ? { purposeOfUse: [{ coding: [{ system: ACT_REASON, code: row.purpose }] }] } : {}),
  };
}

function organisation(hcode: string): AuditEventAgent {
  return {
    type: { coding: [{ system: PARTICIPATION, code: 'CST', display: 'custodian' }], text: 'requesting organization' },
    who: { type: 'Organization', identifier: { system: HCODE_SYSTEM, value: hcode } },
    requestor: false,
  };
}

function entities(row: AuditEventSource): AuditEventEntity[] {
  const out: AuditEventEntity[] = [];
  const breakGlass = row.purpose === 'ETREAT';
  if (row.patientCid) {
    const summary = summariseDetails(row.details);
    const detail: NonNullable<AuditEventEntity['detail']> = [];
    if (summary.hospitals.length > 0) detail.push({ type: 'hospitals', valueString: summary.hospitals.join(',') });
    for (const [t, n] of Object.entries(summary.resourceTypes)) detail.push({ type: `count:${t}`, valueString: String(n) });
    out.push({
      what: { type: 'Patient', identifier: { system: CID_SYSTEM, value: row.patientCid } },
      type: { system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type', code: '1', display: 'Person' },
      role: { system: 'http://terminology.hl7.org/CodeSystem/object-role', code: '1', display: 'Patient' },
      ...(breakGlass ? { securityLabel: [{ system: ACT_CODE, code: 'BTG', display: 'break the glass' }] } : {}),
      ...(detail.length > 0 ? { detail } : {}),
    });
  }
  if (
    row.accessRef &&
    (row.action === 'consent-start' || row.action === 'consent-end' || (row.purpose === 'TREAT' && row.action === 'clinical-read'))
  ) {
    out.push({
      what: { reference: `Consent/${row.accessRef}` },
      type: { system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type', code: '2', display: 'System Object' },
      role: { system: 'http://terminology.hl7.org/CodeSystem/object-role', code: '4', display: 'Domain Resource' },
    });
  }
  return out;
}

/**
 * Maps one audit row to an R4 AuditEvent following IHE BALP patterns: who (licence), the requesting
 * hospital, why (TREAT / ETREAT), the patient (citizen ID) and, for consent decisions, the Consent.
 * Break-the-glass events carry the v3 'BTG' security label. Only codes and counts — never clinical content.
 */
export function toAuditEvent(row: AuditEventSource, observer: { site: string; display: string }): AuditEvent {
  const kind = classify(row.action);
  const subtype: Coding[] = [...kind.subtype, { system: ACTION_SYSTEM, code: row.action }];
  if (row.action === 'emergency-start') subtype.push({ system: ACT_CODE, code: 'BTG', display: 'break the glass (start)' });
  if (row.action === 'emergency-end') subtype.push({ system: ACT_CODE, code: 'BTG', display: 'break the glass (stop)' });
  const agents: AuditEventAgent[] = [requestor(row)];
  if (row.hospitalCode) agents.push(organisation(row.hospitalCode));
  const entity = entities(row);
  return {
    resourceType: 'AuditEvent',
    id: row.id,
    ...(row.purpose === 'ETREAT' ? { meta: { security: [{ system: ACT_CODE, code: 'BTG', display: 'break the glass' }] } } : {}),
    type: kind.type,
    subtype,
    action: kind.action,
    recorded: row.at.toISOString(),
    outcome: OUTCOME[row.outcome] ?? '8',
    ...(row.outcome !== 'success' && typeof row.details.reason === 'string' ? { outcomeDesc: row.details.reason } : {}),
    ...(row.purpose
      ? {
          purposeOfEvent: [
            {
              coding: [{ system: ACT_REASON, code: row.purpose, display: row.purpose === 'ETREAT' ? 'Emergency Treatment' : 'treatment' }],
            },
          ],
        }
      : {}),
    agent: agents,
    source: {
      site: observer.site,
      observer: { display: observer.display },
      type: [{ system: 'http://terminology.hl7.org/CodeSystem/security-source-type', code: '4', display: 'Application Server' }],
    },
    ...(entity.length > 0 ? { entity } : {}),
  };
}

/** A searchset Bundle of AuditEvents. */
export function toAuditEventBundle(
  rows: AuditEventSource[],
  observer: { site: string; display: string },
  selfUrl: string,
): Bundle<AuditEvent> {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: rows.length,
    link: [{ relation: 'self', url: selfUrl }],
    entry: rows.map((r) => ({ fullUrl: `urn:uuid:${r.id}`, resource: toAuditEvent(r, observer), search: { mode: 'match' } })),
  };
}

const codingSchema = z.object({ system: z.string().min(1), code: z.string().min(1) }).loose();

/** The AuditEvent fields R4 requires (plus what this export promises), checked before anything leaves. */
export const auditEventSchema = z
  .object({
    resourceType: z.literal('AuditEvent'),
    id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/),
    type: codingSchema,
    subtype: z.array(codingSchema).optional(),
    action: z.enum(['C', 'R', 'U', 'D', 'E']).optional(),
    recorded: z.iso.datetime({ offset: true }),
    outcome: z.enum(['0', '4', '8', '12']).optional(),
    purposeOfEvent: z.array(z.object({ coding: z.array(codingSchema).min(1) }).loose()).optional(),
    agent: z
      .array(
        z
          .object({
            requestor: z.boolean(),
            who: z
              .object({ identifier: z.object({ system: z.string(), value: z.string() }).optional(), display: z.string().optional() })
              .loose(),
          })
          .loose(),
      )
      .min(1)
      .refine((agents) => agents.some((a) => a.requestor), 'one agent must be the requestor'),
    source: z.object({ observer: z.object({ display: z.string().min(1) }).loose() }).loose(),
    entity: z.array(z.object({ what: z.object({}).loose() }).loose()).optional(),
  })
  .loose();

export const auditEventBundleSchema = z
  .object({
    resourceType: z.literal('Bundle'),
    type: z.literal('searchset'),
    total: z.number().int().nonnegative(),
    entry: z.array(z.object({ fullUrl: z.string(), resource: auditEventSchema, search: z.object({ mode: z.literal('match') }) })),
  })
  .loose();
