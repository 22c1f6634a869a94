import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { requirePatientAccess, type PatientAccess } from '../access/patient-access';
import { admitRecordOpen, recordOpenRefusal } from '../alerts/record-open';
import { requireAdmin, requireDoctor, type AdminContext, type AdminRole, type DoctorContext } from '../auth/guard';
import { requireTermsAccepted } from '../auth/terms-guard';
import { env } from '../env';
import { AppError } from '../errors';
import { hasBearer } from '../http/bearer';
import { appDeps, type AppDeps } from './deps';
import { BAD_REQUEST, jsonError, type ErrorResponder } from './respond';

/**
 * Route handlers are built here, never written bare: each kind of caller has one constructor that checks
 * who is calling, validates the path parameters with zod, builds the dependencies once, runs the handler
 * and maps any failure to a response (no-store) in one place. A route file is then a few lines, and a
 * route that forgot its check cannot exist — app/entry-points.test.ts fails on any handler built otherwise.
 */
export type RouteHandler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;

interface Base<P> {
  request: Request;
  params: P;
  deps: AppDeps;
}

async function parseParams<S extends z.ZodType>(schema: S | undefined, context: { params: Promise<unknown> }): Promise<z.output<S>> {
  if (!schema) return undefined as z.output<S>;
  const parsed = schema.safeParse(await context.params);
  if (!parsed.success) throw BAD_REQUEST;
  return parsed.data;
}

function route(
  run: (request: Request, context: { params: Promise<unknown> }) => Response | Promise<Response>,
  onError: ErrorResponder = jsonError,
): RouteHandler {
  return async (request, context) => {
    try {
      return await run(request, context);
    } catch (error) {
      unstable_rethrow(error); // Next's own signals (not-found, redirect, dynamic rendering) are not failures
      return onError(error);
    }
  };
}

/** For a signed-in doctor at their working hospital (401 otherwise). */
export function doctorRoute<S extends z.ZodType = z.ZodUndefined>(
  params: S | undefined,
  handler: (ctx: Base<z.output<S>> & { doctor: DoctorContext }) => Response | Promise<Response>,
): RouteHandler {
  return route(async (request, context) => {
    const deps = await appDeps();
    const doctor = await requireDoctor(deps);
    await requireTermsAccepted(doctor, deps);
    return handler({ request, params: await parseParams(params, context), deps, doctor });
  });
}

/**
 * For a doctor with an active consent or emergency access to the patient behind `accessId`: another
 * doctor's, hospital's or an ended access is a 403, audited as a denied clinical read.
 */
export function patientRoute<S extends z.ZodType<{ accessId: string }>>(
  params: S,
  handler: (ctx: Base<z.output<S>> & { doctor: DoctorContext; access: PatientAccess }) => Response | Promise<Response>,
): RouteHandler {
  return route(async (request, context) => {
    const parsed = await parseParams(params, context);
    const deps = await appDeps();
    const { doctor, access } = await requirePatientAccess(parsed.accessId, deps);
    await requireTermsAccepted(doctor, deps);
    const opened = await admitRecordOpen(doctor, access, deps);
    if (!opened.ok) throw recordOpenRefusal(opened.retryInMs);
    return handler({ request, params: parsed, deps, doctor, access });
  });
}

/** For a signed-in hospital admin (401 otherwise); every id it touches is checked against their hospital by the use case. */
export function adminRoute<S extends z.ZodType = z.ZodUndefined>(
  params: S | undefined,
  handler: (ctx: Base<z.output<S>> & { admin: AdminContext }) => Response | Promise<Response>,
  role: AdminRole = 'admin',
): RouteHandler {
  return route(async (request, context) => {
    const deps = await appDeps();
    const admin = await requireAdmin(deps, role);
    return handler({ request, params: await parseParams(params, context), deps, admin });
  });
}

export type ServiceToken = 'SERVICE_TOKEN' | 'METRICS_TOKEN';

/**
 * For another system holding a bearer token (the patient app, the operator's scraper). `onlyIn: 'test'`
 * makes the route answer 404 anywhere but a test run, before the token is even looked at.
 */
export function serviceRoute<S extends z.ZodType = z.ZodUndefined>(
  options: { token: ServiceToken; params?: S; onError?: ErrorResponder; onlyIn?: 'test' },
  handler: (ctx: Base<z.output<S>>) => Response | Promise<Response>,
): RouteHandler {
  return route(async (request, context) => {
    const config = env();
    if (options.onlyIn && config.APP_ENV !== options.onlyIn) return new Response(null, { status: 404 });
    if (!hasBearer(request.headers, config[options.token])) {
      // A test-only route does not admit it exists to a caller without the token.
      if (options.onlyIn) return new Response(null, { status: 404 });
      const refusal = (options.onError ?? jsonError)(
        new AppError('unauthenticated', { th: 'ต้องใช้โทเค็นบริการที่ถูกต้อง', en: 'A valid service token is required.' }),
      );
      refusal.headers.set('WWW-Authenticate', 'Bearer');
      return refusal;
    }
    return handler({ request, params: await parseParams(options.params, context), deps: await appDeps() });
  }, options.onError);
}

/**
 * For what anyone may ask without signing in: liveness, readiness, and next-auth's own sign-in endpoints
 * (which check the credentials themselves). No personal data, ever.
 */
export function publicRoute(
  handler: (ctx: { request: Request; context: { params: Promise<unknown> } }) => Response | Promise<Response>,
): RouteHandler {
  return route((request, context) => handler({ request, context }));
}
