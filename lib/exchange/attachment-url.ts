/**
 * Where a document's attachment may be fetched from: only the exchange's own origin, under the hospital's
 * own FHIR base, as a `Binary/<id>`. The URL we fetch is always rebuilt from our configured base and the
 * validated id — never the string the document names — so a document cannot point our bearer token (or
 * our network position) at another host, port, scheme, path or query (no SSRF). Pure.
 */
import { binaryIdOf } from '../clinical/document-content';

/** The exchange URL to fetch for an attachment `url` of hospital `hcode`, or null when it is not the exchange's own. */
export function resolveAttachmentUrl(url: string, exchangeBaseUrl: string, hcode: string): string | null {
  if (!/^\d{5}$/.test(hcode)) return null;
  const id = binaryIdOf(url, hcode);
  if (id === null) return null;
  let base: URL;
  try {
    base = new URL(exchangeBaseUrl);
  } catch {
    return null;
  }
  const basePath = base.pathname.replace(/\/+$/, '');
  const own = `${base.origin}${basePath}/hospitals/${hcode}/fhir/Binary/${id}`;
  if (url.startsWith('Binary/')) return own;
  // An absolute URL must be exactly ours: same scheme, host and port, no credentials, our path prefix.
  const named = new URL(url);
  if (named.origin !== base.origin || named.username !== '' || named.password !== '') return null;
  return named.pathname === `${basePath}/hospitals/${hcode}/fhir/Binary/${id}` ? own : null;
}
