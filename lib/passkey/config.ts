/**
 * The WebAuthn relying party: its id (the registrable domain passkeys are bound to) and the exact origins
 * a ceremony may come from. Pure, so lib/env.ts can check it at start-up and tests can table it.
 */
export interface WebauthnConfig {
  rpId: string;
  rpName: string;
  origins: string[];
}

interface WebauthnEnv {
  APP_URL: string;
  WEBAUTHN_RP_ID?: string | undefined;
  WEBAUTHN_ORIGINS?: string | undefined;
  WEBAUTHN_RP_NAME: string;
}

function parseOrigins(spec: string | undefined, appUrl: string): string[] {
  if (!spec) return [new URL(appUrl).origin];
  return spec
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Whether `host` is the RP id or one of its subdomains (WebAuthn's rule for which origins may use an RP id). */
export function hostMatchesRpId(host: string, rpId: string): boolean {
  return host === rpId || host.endsWith(`.${rpId}`);
}

/** The relying party from the environment: explicit values, else APP_URL's host and origin (development, tests). */
export function webauthnConfigOf(env: WebauthnEnv): WebauthnConfig {
  const origins = parseOrigins(env.WEBAUTHN_ORIGINS, env.APP_URL);
  return { rpId: env.WEBAUTHN_RP_ID ?? new URL(env.APP_URL).hostname, rpName: env.WEBAUTHN_RP_NAME, origins };
}

/**
 * The first problem with the passkey settings, if any: every origin must be a plain http(s) origin whose
 * host is the RP id or below it (a browser refuses the ceremony otherwise), and https unless it is
 * localhost (WebAuthn needs a secure context). An IP address cannot be an RP id.
 */
export function checkWebauthnEnv(env: WebauthnEnv): { path: string; message: string } | null {
  // Derived from APP_URL (development, tests, benchmarks on 127.0.0.1): nothing to refuse; production
  // must name both explicitly (lib/env.ts), and those explicit values are checked here.
  if (!env.WEBAUTHN_RP_ID && !env.WEBAUTHN_ORIGINS) return null;
  let config: WebauthnConfig;
  try {
    config = webauthnConfigOf(env);
  } catch {
    return { path: 'APP_URL', message: 'is not a URL' };
  }
  if (/^[\d.]+$/.test(config.rpId) || config.rpId.includes(':'))
    return { path: 'WEBAUTHN_RP_ID', message: 'must be a domain name, not an IP address (use localhost for local work)' };
  if (config.origins.length === 0) return { path: 'WEBAUTHN_ORIGINS', message: 'lists no origin' };
  for (const origin of config.origins) {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return { path: 'WEBAUTHN_ORIGINS', message: `${origin} is not an origin` };
    }
    if (url.origin !== origin) return { path: 'WEBAUTHN_ORIGINS', message: `${origin} must be an origin only (scheme, host, port)` };
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && url.hostname === 'localhost'))
      return { path: 'WEBAUTHN_ORIGINS', message: `${origin} must be https (http only for localhost)` };
    if (!hostMatchesRpId(url.hostname, config.rpId))
      return { path: 'WEBAUTHN_ORIGINS', message: `${origin} is not on ${config.rpId} or a subdomain of it` };
  }
  return null;
}
