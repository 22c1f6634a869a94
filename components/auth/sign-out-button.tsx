'use client';

import { signOut } from 'next-auth/react';
import { usePathname } from 'next/navigation';

/** Where a doctor lands after signing out: the login page, saying so. */
export const SIGNED_OUT_URL = '/login?ended=signed-out';

/**
 * Sign-out in one click: next-auth's POST (with its CSRF token), whose signOut event ends the session row
 * and writes the audit entry on the server; then the browser lands on `callbackUrl`.
 */
export function SignOutButton({
  label,
  callbackUrl = SIGNED_OUT_URL,
  className = 'btn-primary',
}: {
  label: string;
  callbackUrl?: string;
  className?: string;
}) {
  return (
    <button type="button" className={className} onClick={() => void signOut({ callbackUrl })}>
      {label}
    </button>
  );
}

/** The header's sign-out; on the sign-out page itself that page's button is the one action, so this one steps aside. */
export function HeaderSignOutButton(props: { label: string; callbackUrl: string; className: string }) {
  const pathname = usePathname();
  if (pathname === '/signout') return null;
  return <SignOutButton {...props} />;
}
