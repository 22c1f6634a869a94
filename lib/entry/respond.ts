import 'server-only';
import { AppError, toHttpError } from '../errors';

export const NO_STORE = { 'Cache-Control': 'no-store' } as const;

/** How a route answers a failure: the app's JSON error by default; FHIR endpoints answer OperationOutcome. */
export type ErrorResponder = (error: unknown) => Response;

/** The single JSON error response: status and message from the one AppError mapping, never cached. */
export const jsonError: ErrorResponder = (error) => {
  const { status, body } = toHttpError(error);
  return Response.json(body, { status, headers: NO_STORE });
};

export const BAD_REQUEST = new AppError('bad-request', { th: 'คำขอไม่ถูกต้อง', en: 'The request is not valid.' });
export const UNAUTHENTICATED = new AppError('unauthenticated', { th: 'กรุณาเข้าสู่ระบบอีกครั้ง', en: 'Please sign in again.' });
