import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { appendAudit } from '../audit/append';
import { db } from '../db';
import { services } from '../services';
import { env } from '../env';
import { fromHeaders } from '../http/request-context';
import { signInAdmin } from './admin-sign-in';
import { signInDoctor } from './doctor-sign-in';
import { encodeSignInFailure } from './schemas';
import { endSession, loadSession } from './sessions';

declare module 'next-auth' {
  interface User {
    kind: 'doctor' | 'admin';
  }
}
declare module 'next-auth/jwt' {
  interface JWT {
    sid?: string;
    kind?: 'doctor' | 'admin';
  }
}

/** Cookie names: `__Host-` (host-only, Secure, path /) when served over https; plain names on local http. */
function cookieNames(secure: boolean) {
  return {
    sessionToken: secure ? '__Host-hl.session' : 'hl.session',
    csrfToken: secure ? '__Host-hl.csrf' : 'hl.csrf',
    callbackUrl: secure ? '__Secure-hl.callback' : 'hl.callback',
  };
}

/**
 * next-auth configuration. The JWT carries only the server-side session id; who the user is, their hospital,
 * role and whether the session still stands are read from the database on every request (lib/auth/guard.ts).
 */
export function authOptions(): NextAuthOptions {
  const config = env();
  const secure = config.APP_URL.startsWith('https://');
  const names = cookieNames(secure);
  const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, path: '/', secure };
  const lifetimeMs = config.SESSION_MAX_HOURS * 3600_000;
  return {
    secret: config.AUTH_SECRET,
    session: { strategy: 'jwt', maxAge: config.SESSION_MAX_HOURS * 3600, updateAge: 0 },
    jwt: { maxAge: config.SESSION_MAX_HOURS * 3600 },
    pages: { signIn: '/login', error: '/login' },
    useSecureCookies: secure,
    cookies: {
      sessionToken: { name: names.sessionToken, options: cookieOptions },
      csrfToken: { name: names.csrfToken, options: cookieOptions },
      callbackUrl: { name: names.callbackUrl, options: cookieOptions },
    },
    logger: {
      // next-auth's own logging may include request details; keep only the error code.
      error: (code) => console.error(JSON.stringify({ level: 'error', source: 'next-auth', code })),
      warn: () => undefined,
      debug: () => undefined,
    },
    providers: [
      CredentialsProvider({
        id: 'doctor',
        name: 'Medical Council licence',
        credentials: { licence: { type: 'text' }, pin: { type: 'password' } },
        async authorize(credentials, req) {
          const ctx = fromHeaders(req.headers ?? {});
          const result = await signInDoctor(await db(), services().registry, credentials ?? {}, ctx, lifetimeMs);
          if (!result.ok) throw new Error(encodeSignInFailure(result.failure));
          return { id: result.session.id, name: result.session.displayName, kind: 'doctor' };
        },
      }),
      CredentialsProvider({
        id: 'admin',
        name: 'Hospital admin',
        credentials: { username: { type: 'text' }, password: { type: 'password' }, totp: { type: 'text' } },
        async authorize(credentials, req) {
          const ctx = fromHeaders(req.headers ?? {});
          const result = await signInAdmin(await db(), credentials ?? {}, ctx, lifetimeMs);
          if (!result.ok) throw new Error(result.code);
          return { id: result.session.id, name: result.session.displayName, kind: 'admin' };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sid = user.id;
          token.kind = user.kind;
        }
        return token;
      },
      session({ session, token }) {
        // The browser learns nothing it could misuse: no ids, no roles.
        return { expires: session.expires, user: { name: token.name ?? null } };
      },
    },
    events: {
      async signOut({ token }) {
        if (!token.sid) return;
        const database = await db();
        const row = await loadSession(database, token.sid);
        if (!row || row.endedAt) return;
        await endSession(database, row.id, 'sign-out');
        await appendAudit(database, {
          actorType: row.kind,
          actorId: row.subject,
          actorRole: row.role,
          hospitalCode: row.hospitalCode,
          action: 'sign-out',
          outcome: 'success',
        });
      },
    },
  };
}
