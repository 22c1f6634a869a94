import 'server-only';
import { redirect } from 'next/navigation';
import type { z } from 'zod';
import { requireAccessOf, type PatientAccess } from '../access/patient-access';
import {
  requireAdmin,
  requireDoctor,
  requireDoctorPasskeySession,
  requireDoctorSession,
  type AdminContext,
  type AdminRole,
  type DoctorContext,
  type DoctorPasskeyContext,
} from '../auth/guard';
import { requireTermsAccepted } from '../auth/terms-guard';
import { AppError } from '../errors';
import { failure, type SignedOut } from '../result';
import { appDeps, type AppDeps } from './deps';

/**
 * Server actions are built here, never written bare: they are reachable by a direct POST from anywhere, so
 * each one checks the caller again, validates its input with zod, builds the dependencies once and calls
 * its use case. A caller that is no longer signed in gets a value it can show (the expected failure
 * `{ ok: false, reason: 'signed-out' }`, the same Result shape as every use case's) or, for a form with
 * nowhere to show it, a redirect to sign-in — never another user's effect.
 */
export const SIGNED_OUT: SignedOut = failure('signed-out');

interface Options<S extends z.ZodType, R> {
  /** Validates the input before the use case runs; `invalid` is what the caller gets when it fails. */
  input?: S;
  invalid?: R;
  /** Where a caller that is no longer signed in goes: back a value (default) or to the sign-in page. */
  signedOut?: 'result' | 'redirect';
  /** Turns a refusal (an AppError: no access, not found …) into a value the form can show, instead of an error page. */
  refused?: (error: AppError) => R;
}

/** Runs `guard`; an unauthenticated caller gets SIGNED_OUT or a redirect, anything else unexpected is thrown. */
async function guarded<T>(guard: () => Promise<T>, signedOut: 'result' | 'redirect', signIn: string): Promise<T | null> {
  try {
    return await guard();
  } catch (error) {
    if (error instanceof AppError && error.code === 'unauthenticated') {
      if (signedOut === 'redirect') redirect(signIn);
      return null;
    }
    throw error;
  }
}

/**
 * The action as React calls it. Its input is the last argument: a plain call passes one, a form action
 * the FormData, and a `useActionState` action (previous state, FormData).
 */
function build<C, S extends z.ZodType, R>(
  guard: (deps: AppDeps) => Promise<C>,
  signIn: string,
  options: Options<S, R>,
  fn: (ctx: C & { deps: AppDeps }, input: z.output<S>) => Promise<R>,
) {
  return async (...args: unknown[]): Promise<R | SignedOut> => {
    const input = args.at(-1);
    const deps = await appDeps();
    const caller = await guarded(() => guard(deps), options.signedOut ?? 'result', signIn);
    if (caller === null) return SIGNED_OUT;
    let value: z.output<S> = input as z.output<S>;
    if (options.input) {
      const parsed = options.input.safeParse(input);
      if (!parsed.success) {
        if (!('invalid' in options)) throw new AppError('bad-request', { th: 'ข้อมูลที่ส่งมาไม่ถูกต้อง', en: 'The submitted data is not valid.' });
        return options.invalid as R;
      }
      value = parsed.data;
    }
    try {
      return await fn({ ...caller, deps }, value);
    } catch (error) {
      if (options.refused && error instanceof AppError && error.code !== 'unauthenticated') return options.refused(error);
      throw error;
    }
  };
}

/** A signed-in doctor who has accepted the current terms of use (its own guard, so other steps compose). */
async function acceptedDoctor(deps: AppDeps): Promise<{ doctor: DoctorContext }> {
  const doctor = await requireDoctor(deps);
  await requireTermsAccepted(doctor, deps);
  return { doctor };
}

/** An action of a signed-in doctor at their working hospital. */
export function doctorAction<S extends z.ZodType, R>(
  options: Options<S, R>,
  fn: (ctx: { doctor: DoctorContext; deps: AppDeps }, input: z.output<S>) => Promise<R>,
) {
  return build(acceptedDoctor, '/login', options, fn);
}

/** An action of a signed-in doctor who may not have chosen a working hospital yet (the chooser). */
export function doctorSessionAction<S extends z.ZodType, R>(
  options: Options<S, R>,
  fn: (ctx: { session: Awaited<ReturnType<typeof requireDoctorSession>>; deps: AppDeps }, input: z.output<S>) => Promise<R>,
) {
  return build(
    async (deps) => {
      const session = await requireDoctorSession(deps);
      await requireTermsAccepted(session, deps);
      return { session };
    },
    '/login',
    options,
    fn,
  );
}

/** The terms-of-use action: a signed-in doctor who has not accepted the current terms yet (nor chosen a hospital). */
export function termsAction<S extends z.ZodType, R>(
  options: Options<S, R>,
  fn: (ctx: { session: Awaited<ReturnType<typeof requireDoctorSession>>; deps: AppDeps }, input: z.output<S>) => Promise<R>,
) {
  return build(async (deps) => ({ session: await requireDoctorSession(deps) }), '/login', options, fn);
}

/** An action of the passkey step: a doctor signed in with the PIN whose passkey step may still be pending. */
export function doctorPasskeyAction<S extends z.ZodType, R>(
  options: Options<S, R>,
  fn: (ctx: { session: DoctorPasskeyContext; deps: AppDeps }, input: z.output<S>) => Promise<R>,
) {
  return build(async (deps) => ({ session: await requireDoctorPasskeySession(deps) }), '/login', options, fn);
}

/**
 * An action on one patient's record: the doctor is checked first, then the input (which names the access),
 * then the access itself, exactly like every clinical read.
 */
export function patientAction<S extends z.ZodType<{ accessId: string }>, R>(
  options: Options<S, R> & { input: S },
  fn: (ctx: { doctor: DoctorContext; access: PatientAccess; deps: AppDeps }, input: z.output<S>) => Promise<R>,
) {
  return build(acceptedDoctor, '/login', options, async ({ doctor, deps }, input) => {
    const { access } = await requireAccessOf(doctor, (input as { accessId: string }).accessId, deps);
    return fn({ doctor, access, deps }, input);
  });
}

/**
 * An action of a signed-in admin of one role (hospital admin unless `role` says otherwise; the other role
 * is refused with 403); one no longer signed in is sent to the admin sign-in.
 */
export function adminAction<S extends z.ZodType, R>(
  options: Omit<Options<S, R>, 'signedOut'> & { role?: AdminRole },
  fn: (ctx: { admin: AdminContext; deps: AppDeps }, input: z.output<S>) => Promise<R>,
) {
  const { role = 'admin', ...rest } = options;
  return build(async (deps) => ({ admin: await requireAdmin(deps, role) }), '/admin/login', { ...rest, signedOut: 'redirect' }, fn) as (
    ...args: unknown[]
  ) => Promise<R>;
}

/**
 * An action anyone may call: only where the input itself is the authorisation (a one-time setup token,
 * checked by the use case) or nothing personal is touched (language and calendar preferences).
 */
export function publicAction<S extends z.ZodType, R>(
  options: Omit<Options<S, R>, 'signedOut'>,
  fn: (ctx: { deps: AppDeps }, input: z.output<S>) => Promise<R>,
) {
  // Nobody is signed out of an action that asks nobody to be signed in.
  return build(() => Promise.resolve({}), '/', options, fn) as (...args: unknown[]) => Promise<R>;
}

/**
 * A form action (`<form action={…}>`): nothing to show a value in, so a signed-out caller is sent to
 * sign-in, and the action ends in a redirect or a refreshed page.
 */
export function formAction(action: (...args: unknown[]) => Promise<unknown>): (form: FormData) => Promise<void> {
  return async (form) => {
    await action(form);
  };
}
