'use client';

import { signOut } from 'next-auth/react';

/** Sign-out goes through next-auth's POST (with its CSRF token); the server ends the session row. */
export function SignOutButton({ label }: { label: string }) {
  return (
    <button type="button" className="btn-primary" onClick={() => void signOut({ callbackUrl: '/login' })}>
      {label}
    </button>
  );
}
