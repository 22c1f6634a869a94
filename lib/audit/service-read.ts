import 'server-only';
import { z } from 'zod';
import type { Db } from '../db';
import { toHttpError } from '../errors';
import { fromHeaders } from '../http/request-context';
import { withAuditedRead } from './read';
import { operationOutcome } from './service-auth';

export { parsePatientParam } from './service-auth';

export const countSchema = z.coerce.number().int().min(1).max(1000).default(100);

/** A FHIR-style error response (OperationOutcome) for a service endpoint. */
export function serviceError(
  status: number,
  code: 'login' | 'invalid' | 'not-found' | 'exception' | 'transient',
  diagnostics: string,
): Response {
  return Response.json(operationOutcome(code, diagnostics), {
    status,
    headers: {
      'content-type': 'application/fhir+json',
      'cache-control': 'no-store',
      ...(status === 401 ? { 'www-authenticate': 'Bearer' } : {}),
    },
  });
}

/** Maps an error thrown inside a service endpoint to an OperationOutcome response via the single HTTP mapping. */
export function serviceErrorFrom(error: unknown): Response {
  const { status, body } = toHttpError(error);
  return serviceError(status, status === 503 ? 'transient' : status === 400 ? 'invalid' : 'exception', body.message.en);
}

/** Runs a service read, recording it as the service (fail closed: no audit row, no data). */
export function auditedServiceRead<T>(
  db: Db,
  request: Request,
  entry: { action: 'access-log-read' | 'audit-export'; patientCid: string; details: (result: T) => Record<string, unknown> },
  read: () => Promise<T>,
): Promise<T> {
  const ctx = fromHeaders(request.headers);
  return withAuditedRead(
    db,
    (result: T) => ({
      actorType: 'service',
      actorId: 'service-token',
      action: entry.action,
      outcome: 'success',
      patientCid: entry.patientCid,
      clientIp: ctx.clientIp,
      userAgent: ctx.userAgent,
      requestId: ctx.requestId,
      details: entry.details(result),
    }),
    read,
  );
}
