import 'server-only';
import { env } from '../env';
import { TERMS_VERSION } from './content';

// Test runs only: Playwright cannot edit the constant of a running build, so a test-only route
// (app/testing/terms-version) sets a version to ask for instead. globalThis, because Next bundles a
// route handler and a page into separate module graphs of the one process.
const OVERRIDE = Symbol.for('healthlink.terms-version-override');
type Holder = { [OVERRIDE]?: string };

/** The version a doctor must have accepted now: TERMS_VERSION, or in a test run the version a test set. */
export function currentTermsVersion(): string {
  if (env().APP_ENV !== 'test') return TERMS_VERSION;
  return (globalThis as Holder)[OVERRIDE] ?? TERMS_VERSION;
}

/** Test runs only (refused elsewhere): asks every doctor for `version` from now on; null returns to TERMS_VERSION. */
export function setTestTermsVersion(version: string | null): void {
  if (env().APP_ENV !== 'test') throw new Error('the terms version can only be changed in a test run');
  (globalThis as Holder)[OVERRIDE] = version ?? undefined;
}
