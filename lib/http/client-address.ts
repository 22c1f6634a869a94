/**
 * Who is on the other end of a request. X-Forwarded-For and X-Forwarded-Proto are claims anyone can send;
 * they are believed only when they come from a reverse proxy we trust (TRUSTED_PROXIES, CIDRs), and then
 * only for the hops those proxies appended. Without this, a client rotating a made-up X-Forwarded-For would
 * never be throttled, and the audit trail would record whatever address it claimed.
 *
 * Pure: the production server (lib/cli/server.ts) calls `stampClient` on every request before Next sees it;
 * the app reads only the stamped headers.
 */

/** The headers the server stamps; anything a client sends under these names is overwritten. */
export const CLIENT_IP_HEADER = 'x-hl-client-ip';
export const CLIENT_PROTO_HEADER = 'x-hl-client-proto';

export interface Cidr {
  family: 4 | 6;
  /** The network address as 4 or 16 bytes. */
  bytes: number[];
  prefix: number;
}

function ipv4Bytes(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : null;
}

function ipv6Bytes(text: string): number[] | null {
  let head = text;
  let tail4: number[] = [];
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.')) {
    const v4 = ipv4Bytes(text.slice(lastColon + 1));
    if (!v4) return null;
    tail4 = v4;
    head = `${text.slice(0, lastColon)}:0:0`;
  }
  const halves = head.split('::');
  if (halves.length > 2) return null;
  const group = (s: string) => (s === '' ? [] : s.split(':'));
  const left = group(halves[0]!);
  const right = halves.length === 2 ? group(halves[1]!) : [];
  const missing = 8 - left.length - right.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return null;
  const words = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...right];
  if (!words.every((w) => /^[0-9a-f]{1,4}$/i.test(w))) return null;
  const bytes = words.flatMap((w) => [parseInt(w, 16) >> 8, parseInt(w, 16) & 0xff]);
  if (tail4.length === 4) bytes.splice(12, 4, ...tail4);
  return bytes;
}

/** An address as bytes, IPv4-mapped IPv6 (`::ffff:10.0.0.1`, as Node reports IPv4 peers on a dual stack) read as IPv4. */
export function parseAddress(text: string): { family: 4 | 6; bytes: number[] } | null {
  const clean = text.trim().replace(/^\[|\]$/g, '');
  const v4 = ipv4Bytes(clean);
  if (v4) return { family: 4, bytes: v4 };
  const v6 = ipv6Bytes(clean);
  if (!v6) return null;
  const mapped = v6.slice(0, 10).every((b) => b === 0) && v6[10] === 0xff && v6[11] === 0xff;
  return mapped ? { family: 4, bytes: v6.slice(12) } : { family: 6, bytes: v6 };
}

/** The canonical text of an address (mapped IPv4 as plain IPv4), or null when it is not one. */
export function normaliseAddress(text: string): string | null {
  const a = parseAddress(text);
  if (!a) return null;
  if (a.family === 4) return a.bytes.join('.');
  const words = Array.from({ length: 8 }, (_, i) => ((a.bytes[2 * i]! << 8) | a.bytes[2 * i + 1]!).toString(16));
  return words.join(':');
}

/** Parses `TRUSTED_PROXIES`: comma-separated CIDRs or single addresses. Throws naming the bad entry. */
export function parseTrustedProxies(spec: string): Cidr[] {
  return spec
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((entry) => {
      const [addr = '', bits] = entry.split('/');
      const a = parseAddress(addr);
      const max = a?.family === 4 ? 32 : 128;
      const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
      if (!a || !(prefix >= 0 && prefix <= max)) throw new Error(`not an address or CIDR: ${entry}`);
      return { family: a.family, bytes: a.bytes, prefix };
    });
}

function inCidr(bytes: number[], family: 4 | 6, cidr: Cidr): boolean {
  if (family !== cidr.family) return false;
  for (let bit = 0; bit < cidr.prefix; bit++) {
    const mask = 0x80 >> (bit % 8);
    if ((bytes[bit >> 3]! & mask) !== (cidr.bytes[bit >> 3]! & mask)) return false;
  }
  return true;
}

export function isTrusted(address: string, trusted: readonly Cidr[]): boolean {
  const a = parseAddress(address);
  return a !== null && trusted.some((c) => inCidr(a.bytes, a.family, c));
}

/**
 * The client's address and scheme. The socket's peer is the client unless it is a trusted proxy; then
 * X-Forwarded-For is read from the right (the hop the proxy appended) past every further trusted proxy,
 * and the first address that is not one is the client. A malformed hop stops the walk at the last proxy we
 * trust (its peer is all we know). The scheme comes from X-Forwarded-Proto only through a trusted proxy.
 */
export function resolveClient(input: {
  peer: string | undefined;
  forwardedFor?: string;
  forwardedProto?: string;
  encrypted: boolean;
  trusted: readonly Cidr[];
}): { address: string; proto: 'http' | 'https' } {
  const peer = normaliseAddress(input.peer ?? '') ?? 'unknown';
  const ownProto = input.encrypted ? 'https' : 'http';
  if (!isTrusted(peer, input.trusted)) return { address: peer, proto: ownProto };
  const hops = (input.forwardedFor ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter((h) => h !== '');
  let address = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normaliseAddress(hops[i]!);
    if (hop === null) break;
    address = hop;
    if (!isTrusted(hop, input.trusted)) break;
  }
  const claimed = input.forwardedProto?.split(',')[0]?.trim().toLowerCase();
  return { address, proto: claimed === 'https' || claimed === 'http' ? claimed : ownProto };
}

/** Minimal view of node's IncomingMessage that stampClient needs. */
export interface IncomingLike {
  headers: Record<string, string | string[] | undefined>;
  socket: { remoteAddress?: string; encrypted?: boolean };
}

/** Overwrites the client headers the app reads with what the socket and the trusted proxies say. */
export function stampClient(req: IncomingLike, trusted: readonly Cidr[]): void {
  const one = (name: string) => {
    const v = req.headers[name];
    return Array.isArray(v) ? v.join(',') : v;
  };
  const client = resolveClient({
    peer: req.socket.remoteAddress,
    forwardedFor: one('x-forwarded-for'),
    forwardedProto: one('x-forwarded-proto'),
    encrypted: req.socket.encrypted === true,
    trusted,
  });
  req.headers[CLIENT_IP_HEADER] = client.address;
  req.headers[CLIENT_PROTO_HEADER] = client.proto;
  // Headers only a proxy may set go no further when no trusted proxy sent them: Next itself would
  // otherwise believe X-Forwarded-Proto/-Host from anyone (its URL and its server-action origin check).
  if (!isTrusted(req.socket.remoteAddress ?? '', trusted)) {
    for (const name of ['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-forwarded-port', 'x-real-ip', 'forwarded'])
      Reflect.deleteProperty(req.headers, name);
  }
}
