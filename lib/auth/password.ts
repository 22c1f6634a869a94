import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))));

// N=2^15, r=8, p=1: about 32 MB and tens of milliseconds per hash, OWASP's minimum for scrypt.
const PARAMS = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

/** Hashes a password with scrypt and a random salt, in a self-describing string. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFKC'), salt, 32, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Checks a password against a stored hash in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scrypt(password.normalize('NFKC'), Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: PARAMS.maxmem,
  });
  return timingSafeEqual(expected, actual);
}

// A short list of the passwords most often tried first; a real deployment can extend it.
const COMMON = new Set([
  'password',
  'password1',
  'password123',
  'passw0rd',
  '123456789012',
  '1234567890123',
  'qwertyuiopas',
  'qwerty123456',
  'iloveyou1234',
  'administrator',
  'admin1234567',
  'welcome12345',
  'letmein12345',
  'abc123456789',
  'changeme1234',
  'hospital1234',
  'healthlink12',
  'bangkok12345',
  'thailand1234',
  'p@ssw0rd1234',
  'aaaaaaaaaaaa',
  '111111111111',
  '000000000000',
  '123123123123',
  'qwertyqwerty',
  'password1234',
  'superman1234',
  'football1234',
  'monkey123456',
]);

/** Why a new admin password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, username: string): 'too-short' | 'too-long' | 'common' | 'contains-username' | null {
  if (password.length < 12) return 'too-short';
  if (password.length > 128) return 'too-long';
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/.test(password)) return 'common';
  if (username.length >= 3 && lower.includes(username.toLowerCase())) return 'contains-username';
  return null;
}
