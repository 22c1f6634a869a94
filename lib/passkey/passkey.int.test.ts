import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { doctorGrants } from '../db/schema';
import { createSession, loadSessionWithGrant } from '../auth/sessions';
import { createTestDatabase, DATABASE_KINDS } from '../testing/databases';
import { registrationBasis, verifyPasskeyAssertion, type PasskeySession } from './ceremonies';
import { resetDoctorPasskeys } from './manage';
import { CHALLENGE_TTL_MS } from './policy';
import { consumeChallenge, insertPasskey, issueChallenge, listPasskeys, recordPasskeyUse, writeHospitalPolicy } from './store';

const ctx = { clientIp: '10.0.0.1', userAgent: 'vitest', requestId: 'req-1' };
const webauthn = { rpId: 'localhost', rpName: 'Health Link Viewer', origins: ['http://localhost:3000'] };
const b64 = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString('base64url');

/**
 * A software authenticator (ES256, user verified) standing in for a device: it signs exactly what a real
 * one signs (authenticator data ‖ SHA-256(client data)), so the library's verification runs for real.
 */
function softwareAuthenticator() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  const cose = new Map<number, number | Uint8Array>([
    [1, 2],
    [3, -7],
    [-1, 1],
    [-2, new Uint8Array(Buffer.from(jwk.x!, 'base64url'))],
    [-3, new Uint8Array(Buffer.from(jwk.y!, 'base64url'))],
  ]);
  const credentialId = b64(createHash('sha256').update(jwk.x!).digest().subarray(0, 16));
  return {
    credentialId,
    publicKey: b64(isoCBOR.encode(cose)),
    assert(challenge: string, counter: number, origin = webauthn.origins[0]!) {
      const rpIdHash = createHash('sha256').update(webauthn.rpId).digest();
      const authData = Buffer.concat([rpIdHash, Buffer.from([0x05]), Buffer.from([0, 0, 0, 0])]);
      authData.writeUInt32BE(counter, 33);
      const clientData = Buffer.from(JSON.stringify({ type: 'webauthn.get', challenge, origin, crossOrigin: false }));
      const signature = sign('sha256', Buffer.concat([authData, createHash('sha256').update(clientData).digest()]), privateKey);
      return {
        id: credentialId,
        rawId: credentialId,
        type: 'public-key' as const,
        clientExtensionResults: {},
        response: { clientDataJSON: b64(clientData), authenticatorData: b64(authData), signature: b64(signature) },
      };
    },
  };
}

describe.each(DATABASE_KINDS)('passkeys in the database (%s)', (kind) => {
  let database: Database;
  const now = new Date('2026-12-01T08:00:00Z');
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database.close();
  });

  it('a challenge is single-use, bound to its session and doctor, and short-lived', async () => {
    const binding = { sessionId: 's-1', licence: '11111', purpose: 'sign-in' as const };
    await issueChallenge(database.db, binding, 'c1', now);
    expect(await consumeChallenge(database.db, binding, now)).toBe('c1');
    expect(await consumeChallenge(database.db, binding, now)).toBeNull();

    await issueChallenge(database.db, binding, 'c2', now);
    expect(await consumeChallenge(database.db, { ...binding, sessionId: 's-2' }, now)).toBeNull();
    expect(await consumeChallenge(database.db, { ...binding, purpose: 'step-up' }, now)).toBeNull();
    // Another doctor's answer burns it: it is gone for the rightful session too.
    expect(await consumeChallenge(database.db, { ...binding, licence: '22222' }, now)).toBeNull();
    expect(await consumeChallenge(database.db, binding, now)).toBeNull();

    await issueChallenge(database.db, binding, 'c3', now);
    await issueChallenge(database.db, binding, 'c4', now); // replaces c3
    expect(await consumeChallenge(database.db, binding, new Date(now.getTime() + CHALLENGE_TTL_MS))).toBeNull();

    await issueChallenge(database.db, binding, 'c5', now);
    const answers = await Promise.all(Array.from({ length: 10 }, () => consumeChallenge(database.db, binding, now)));
    expect(answers.filter((a) => a === 'c5')).toHaveLength(1);
  });

  it('refuses a counter that does not move forward, also between two concurrent uses', async () => {
    const id = await insertPasskey(
      database.db,
      { licence: '11111', credentialId: 'cred-a', publicKey: 'x', counter: 5, transports: [], name: 'A' },
      now,
    );
    expect(await recordPasskeyUse(database.db, id, 6, now)).toBe(true);
    expect(await recordPasskeyUse(database.db, id, 6, now)).toBe(false);
    expect(await recordPasskeyUse(database.db, id, 3, now)).toBe(false);
    const results = await Promise.all(Array.from({ length: 8 }, () => recordPasskeyUse(database.db, id, 7, now)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const zero = await insertPasskey(
      database.db,
      { licence: '11111', credentialId: 'cred-z', publicKey: 'x', counter: 0, transports: [], name: 'Z' },
      now,
    );
    expect(await recordPasskeyUse(database.db, zero, 0, now)).toBe(true);
    expect(await recordPasskeyUse(database.db, zero, 0, now)).toBe(true);
  });

  it('verifies a real assertion once, refuses its replay and a counter regression, and marks the session', async () => {
    const licence = '33333';
    const session = await createSession(
      database.db,
      { kind: 'doctor', subject: licence, displayName: 'Dr T', hospitalCode: '10661', role: 'ed' },
      3600_000,
      now,
    );
    const actor: PasskeySession = {
      sessionId: session.id,
      licence,
      displayName: 'Dr T',
      hospitalCode: '10661',
      role: 'ed',
      passkeyVerified: false,
      request: ctx,
    };
    const device = softwareAuthenticator();
    await insertPasskey(
      database.db,
      { licence, credentialId: device.credentialId, publicKey: device.publicKey, counter: 0, transports: ['internal'], name: 'Tablet' },
      now,
    );
    const deps = { db: database.db, webauthn, secret: 'x'.repeat(32), now: () => now };
    const binding = { sessionId: session.id, licence, purpose: 'sign-in' as const };

    expect((await loadSessionWithGrant(database.db, session.id))?.row.passkeyAt).toBeNull();
    await issueChallenge(database.db, binding, 'challenge-one', now);
    const first = device.assert('challenge-one', 1);
    expect(await verifyPasskeyAssertion(actor, 'sign-in', first, deps)).toMatchObject({ ok: true });
    expect((await loadSessionWithGrant(database.db, session.id))?.row.passkeyAt).toEqual(now);
    // The same answer again: its challenge is spent.
    expect(await verifyPasskeyAssertion(actor, 'sign-in', first, deps)).toEqual({ ok: false, reason: 'expired' });

    await issueChallenge(database.db, binding, 'challenge-two', now);
    expect(await verifyPasskeyAssertion(actor, 'sign-in', device.assert('challenge-two', 1), deps)).toEqual({
      ok: false,
      reason: 'counter-regression',
    });
    await issueChallenge(database.db, binding, 'challenge-three', now);
    expect(await verifyPasskeyAssertion(actor, 'sign-in', device.assert('challenge-wrong', 2), deps)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    await issueChallenge(database.db, binding, 'challenge-four', now);
    expect(await verifyPasskeyAssertion(actor, 'sign-in', device.assert('challenge-four', 3, 'https://evil.example'), deps)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    // Another doctor's session cannot use this doctor's passkey.
    await issueChallenge(database.db, { ...binding, licence: '44444' }, 'challenge-five', now);
    expect(await verifyPasskeyAssertion({ ...actor, licence: '44444' }, 'sign-in', device.assert('challenge-five', 4), deps)).toEqual({
      ok: false,
      reason: 'unknown-passkey',
    });

    const audit = await database.runner.query(
      "SELECT outcome, details->>'reason' AS reason FROM audit_log WHERE action = 'passkey-verify' ORDER BY seq",
    );
    expect(audit.map((r) => `${String(r.outcome)}:${String(r.reason)}`)).toEqual([
      'success:null',
      'failure:expired',
      'failure:counter-regression',
      'failure:invalid',
      'failure:invalid',
      'failure:unknown-passkey',
    ]);
  });

  it('the guard sees the hospital requirement and whether the doctor has a passkey in its one query', async () => {
    const licence = '55555';
    const session = await createSession(
      database.db,
      { kind: 'doctor', subject: licence, displayName: 'Dr P', hospitalCode: '11536', role: 'doctor' },
      3600_000,
      now,
    );
    expect((await loadSessionWithGrant(database.db, session.id))?.passkey).toEqual({ required: false, hasPasskey: false });
    await writeHospitalPolicy(database.db, '11536', { required: true, allowBootstrap: false }, 'admin-1', now);
    await insertPasskey(database.db, { licence, credentialId: 'cred-p', publicKey: 'x', counter: 0, transports: [], name: 'P' }, now);
    expect((await loadSessionWithGrant(database.db, session.id))?.passkey).toEqual({ required: true, hasPasskey: true });
  });

  it("an admin's recovery removes the doctor's passkeys, ends their sessions and permits one new registration", async () => {
    const licence = '66666';
    const grantId = crypto.randomUUID();
    await database.db.insert(doctorGrants).values({
      id: grantId,
      hospitalCode: '11537',
      licenceNumber: licence,
      nameTh: 'แพทย์ ทดสอบ',
      nameEn: 'Dr Test',
      role: 'doctor',
      status: 'active',
      createdBy: 'test',
    });
    await writeHospitalPolicy(database.db, '11537', { required: true, allowBootstrap: true }, 'admin-1', now);
    await insertPasskey(database.db, { licence, credentialId: 'cred-r', publicKey: 'x', counter: 0, transports: [], name: 'Lost' }, now);
    const session = await createSession(
      database.db,
      { kind: 'doctor', subject: licence, displayName: 'Dr R', hospitalCode: '11537', role: 'doctor' },
      3600_000,
      now,
    );
    const pinOnly: PasskeySession = {
      sessionId: session.id,
      licence,
      displayName: 'Dr R',
      hospitalCode: '11537',
      role: 'doctor',
      passkeyVerified: false,
      request: ctx,
    };
    expect(await registrationBasis(pinOnly, { db: database.db, now: () => now })).toBeNull();

    const admin = { adminId: crypto.randomUUID(), hospitalCode: '11537', request: ctx };
    expect(await resetDoctorPasskeys({ ...admin, hospitalCode: '11535' }, grantId, { db: database.db, now: () => now })).toBeNull();
    expect(await resetDoctorPasskeys(admin, grantId, { db: database.db, now: () => now })).toEqual({ ok: true, removed: 1 });
    expect(await listPasskeys(database.db, licence)).toEqual([]);
    expect((await loadSessionWithGrant(database.db, session.id))?.row.endReason).toBe('passkeys-reset');
    // Bootstrap is for a first passkey only; the admin's permit is what allows this one.
    expect(await registrationBasis(pinOnly, { db: database.db, now: () => now })).toBe('permit');
    expect(await registrationBasis(pinOnly, { db: database.db, now: () => new Date(now.getTime() + 25 * 3_600_000) })).toBeNull();
    const audit = await database.runner.query("SELECT details FROM audit_log WHERE action = 'passkey-reset'");
    expect(audit[0]?.details).toEqual({ licence, removed: 1, sessionsEnded: 1 });
  });
});
