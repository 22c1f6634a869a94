import 'server-only';
import type { ReactNode } from 'react';
import { redirect } from 'next/navigation';
import { requirePatientAccessPage, type PatientAccess } from '../access/patient-access';
import { admitRecordOpen } from '../alerts/record-open';
import {
  requireAdminPage,
  requireDoctorPage,
  requireDoctorPasskeyPage,
  requireDoctorSession,
  type AdminContext,
  type AdminRole,
  type DoctorContext,
  type DoctorPasskeyContext,
} from '../auth/guard';
import { requireTermsAcceptedPage } from '../auth/terms-guard';
import { appDeps, type AppDeps } from './deps';

/**
 * Pages are built here, never written bare: each constructor checks who is asking before anything is
 * read (a layout is no check — it does not run again on client navigation), builds the dependencies once
 * and hands the page what it needs. A doctor who is not signed in goes to sign-in, one who has not chosen
 * a hospital to the chooser, and a patient page without an active access is a 404 (audited).
 */
type SearchParams = Record<string, string | string[] | undefined>;
interface PageProps {
  params: Promise<Record<string, string>>;
  searchParams: Promise<SearchParams>;
}
type Page = (props: PageProps) => Promise<ReactNode>;

interface Base {
  params: Record<string, string>;
  searchParams: SearchParams;
  deps: AppDeps;
}

async function base(props: PageProps, deps: AppDeps): Promise<Base> {
  const [params, searchParams] = await Promise.all([props.params, props.searchParams]);
  return { params, searchParams, deps };
}

/** A page for a signed-in doctor at their working hospital. */
export function doctorPage(render: (ctx: Base & { doctor: DoctorContext }) => Promise<ReactNode>): Page {
  return async (props) => {
    const deps = await appDeps();
    const doctor = await requireDoctorPage(deps);
    await requireTermsAcceptedPage(doctor, deps);
    return render({ ...(await base(props, deps)), doctor });
  };
}

/** The hospital chooser: a signed-in doctor who may not have chosen where they work today. */
export function doctorSessionPage(
  render: (ctx: Base & { session: Awaited<ReturnType<typeof requireDoctorSession>> }) => Promise<ReactNode>,
): Page {
  return async (props) => {
    const deps = await appDeps();
    const session = await requireDoctorSession(deps);
    await requireTermsAcceptedPage(session, deps);
    return render({ ...(await base(props, deps)), session });
  };
}

/** The terms-of-use page: a signed-in doctor who may not have accepted the current terms nor chosen a hospital. */
export function termsPage(render: (ctx: Base & { session: Awaited<ReturnType<typeof requireDoctorSession>> }) => Promise<ReactNode>): Page {
  return async (props) => {
    const deps = await appDeps();
    const session = await requireDoctorSession(deps);
    return render({ ...(await base(props, deps)), session });
  };
}

/**
 * The passkey step after the PIN (verify, register, or why not): a signed-in doctor whose passkey step
 * may still be pending — the one page such a session may open besides signing out.
 */
export function doctorPasskeyPage(render: (ctx: Base & { session: DoctorPasskeyContext }) => Promise<ReactNode>): Page {
  return async (props) => {
    const deps = await appDeps();
    const session = await requireDoctorPasskeyPage(deps);
    return render({ ...(await base(props, deps)), session });
  };
}

/** A page of one patient's record, under the doctor's own active consent or emergency access. */
export function patientPage(render: (ctx: Base & { doctor: DoctorContext; access: PatientAccess }) => Promise<ReactNode>): Page {
  return async (props) => {
    const { accessId = '' } = await props.params;
    const deps = await appDeps();
    const { doctor, access } = await requirePatientAccessPage(accessId, deps);
    await requireTermsAcceptedPage(doctor, deps);
    // The per-doctor record-open limit (lib/alerts): refused, the doctor is told on the search page when to retry.
    const opened = await admitRecordOpen(doctor, access, deps);
    if (!opened.ok) redirect(`/patients?limit=record-open&minutes=${Math.ceil(opened.retryInMs / 60_000)}`);
    return render({ ...(await base(props, deps)), doctor, access });
  };
}

/** A page of the admin console for one role (hospital admin unless said; the other role is sent home). */
export function adminPage(render: (ctx: Base & { admin: AdminContext }) => Promise<ReactNode>, role: AdminRole = 'admin'): Page {
  return async (props) => {
    const deps = await appDeps();
    const admin = await requireAdminPage(deps, role);
    return render({ ...(await base(props, deps)), admin });
  };
}

/**
 * A page anyone may open (sign-in, the one-time admin setup link, sign-out, errors): it shows no
 * personal data; a setup link's token is checked by the use case it calls.
 */
export function publicPage(render: (ctx: Base) => Promise<ReactNode>): Page {
  return async (props) => render(await base(props, await appDeps()));
}
