import type { ReactNode } from 'react';

/** A refusal or failure the user must read: announced at once (role="alert"), red, with a warning sign. */
export function ErrorAlert({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p id={id} role="alert" className="rounded-md border border-critical bg-critical-bg p-3 font-semibold text-critical">
      <span aria-hidden="true">⚠ </span>
      {children}
    </p>
  );
}
