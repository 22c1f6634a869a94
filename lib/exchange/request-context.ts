/**
 * The one way to say who asks the exchange and why. Pure (no I/O): consent, emergency and timeline
 * callers all build their ExchangeContext here, so the request id rule lives in one place.
 */
import { REQUEST_ID_PATTERN, type ExchangeContext } from './types';

/** The doctor facts the exchange records: licence, current hospital, and this request's id. */
export interface ExchangeRequester {
  licence: string;
  hospitalCode: string;
  request: { requestId: string };
}

/**
 * The request id sent as X-Request-Id: the incoming request's own id when the exchange accepts it (so
 * our audit row and the exchange's log correlate), else a fresh UUID. Never a cleaned-up version of a
 * bad id: that could collide with another request's.
 */
export function exchangeRequestId(candidate: string): string {
  return REQUEST_ID_PATTERN.test(candidate) ? candidate : crypto.randomUUID();
}

/**
 * The context for every clinical exchange call made for `doctor`: TREAT under a patient's consent,
 * ETREAT under break-the-glass. The exchange records practitioner, organisation and purpose per call.
 */
export function exchangeContextFor(doctor: ExchangeRequester, purpose: ExchangeContext['purpose']): ExchangeContext {
  return {
    requestId: exchangeRequestId(doctor.request.requestId),
    purpose,
    practitioner: doctor.licence,
    organization: doctor.hospitalCode,
  };
}
