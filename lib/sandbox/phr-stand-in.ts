/**
 * The MOPH-PHR stand-in's state and rules: MOPH Account Center tokens, the patient OTPs sent through the
 * Mor Prom app (a notification inbox the tests read back), and the reads. Where the published interface
 * says nothing (error codes, attempt limits, when the hour starts) the choices are the ones docs/phr.md
 * records; they live here and in lib/phr/ only.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { buildPhrPeople, type PhrPerson, type PhrRow, type PhrVisit } from './phr-data';
import type { SandboxStore } from './store';

/** The OTP is valid one hour from the request (S OTP). */
export const PHR_OTP_TTL_MS = 3600_000;
/** Wrong ValidateOTP entries before the OTP is void (undocumented upstream: our choice). */
export const PHR_MAX_WRONG = 5;
const TOKEN_TTL_MS = 8 * 3600_000;
const INBOX_CAP = 500;

/** MessageCode values the stand-in answers with (the real ones are undocumented; docs/phr.md). */
export const PHR_CODES = {
  ok: 200,
  badRequest: 400,
  wrongOtp: 401,
  notFound: 404,
  expired: 410,
  sharingOff: 423,
  tooManyAttempts: 429,
} as const;

export interface MophPromNotification {
  id: string;
  cid: string;
  text: string;
  sentAt: string;
}

interface OtpState {
  otp: string;
  issuedAt: number;
  wrong: number;
  validated: boolean;
}

export type PhrAnswer = { code: number; message: string; result?: unknown };

const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

function newOtp(): string {
  const l = () => LETTERS[randomInt(0, LETTERS.length)]!;
  return `${l()}${l()}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
}

function fail(code: number, message: string): PhrAnswer {
  return { code, message };
}

export class PhrStandIn {
  private people: Map<string, PhrPerson> | undefined;
  private readonly tokens = new Map<string, number>();
  private readonly otps = new Map<string, OtpState>();
  private inbox: MophPromNotification[] = [];
  private seq = 0;

  constructor(
    private readonly store: () => SandboxStore,
    private readonly anchor: string,
    private readonly account: { user: string; passwordHash: string },
    private readonly clock: () => number = Date.now,
  ) {}

  private person(cid: string): PhrPerson | undefined {
    // Built on first use: the projection reads the exchange's records, which are ready by then.
    this.people ??= buildPhrPeople(this.store(), this.anchor);
    return this.people.get(cid);
  }

  /** Back to the seed state: OTPs, tokens and the inbox forgotten. */
  reset(): void {
    this.people = undefined;
    this.tokens.clear();
    this.otps.clear();
    this.inbox = [];
  }

  /** MOPH Account Center: the JWT for a reading system's account, or undefined for wrong credentials. */
  issueToken(body: { user?: unknown; password_hash?: unknown; hospital_code?: unknown }): string | undefined {
    if (body.user !== this.account.user || body.password_hash !== this.account.passwordHash) return undefined;
    if (typeof body.hospital_code !== 'string' || !/^\d{5}$/.test(body.hospital_code)) return undefined;
    const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const now = this.clock();
    const jwt = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({
      sub: body.user,
      hospital_code: body.hospital_code,
      scope: ['MOPH_PHR_HIE'],
      iat: Math.floor(now / 1000),
      exp: Math.floor((now + TOKEN_TTL_MS) / 1000),
    })}.${randomBytes(24).toString('base64url')}`;
    this.tokens.set(jwt, now + TOKEN_TTL_MS);
    return jwt;
  }

  hasToken(jwt: string): boolean {
    const until = this.tokens.get(jwt);
    return until !== undefined && until > this.clock();
  }

  /** RequestTokenv1: sends an OTP to the owner's Mor Prom app (a new request replaces an older OTP). */
  requestOtp(cid: string): PhrAnswer {
    const p = this.person(cid);
    if (!p) return fail(PHR_CODES.notFound, 'CID not found in PHR');
    if (!p.sharePhr) return fail(PHR_CODES.sharingOff, 'Owner has turned off PHR sharing');
    const otp = newOtp();
    const now = this.clock();
    this.otps.set(cid, { otp, issuedAt: now, wrong: 0, validated: false });
    this.seq += 1;
    this.inbox.unshift({
      id: `mophprom-${String(this.seq).padStart(6, '0')}`,
      cid,
      text: `หมอพร้อม: มีผู้ขอดูข้อมูลสุขภาพของคุณ รหัสยืนยันคือ ${otp} (ใช้ได้ 1 ชั่วโมง) แจ้งรหัสนี้แก่แพทย์เมื่อคุณยินยอมเท่านั้น / Mor Prom: someone asked to see your health record. Your code is ${otp} (valid 1 hour). Give it to the doctor only if you agree.`,
      sentAt: new Date(now).toISOString(),
    });
    if (this.inbox.length > INBOX_CAP) this.inbox.length = INBOX_CAP;
    return { code: PHR_CODES.ok, message: 'OK', result: { channel: 'mophprom', expires_in: PHR_OTP_TTL_MS / 1000 } };
  }

  /** Whether `otp` is the patient's current one, counting wrong entries (ValidateOTP and every read). */
  private checkOtp(cid: string, otp: string, countWrong: boolean): PhrAnswer | undefined {
    const p = this.person(cid);
    if (!p) return fail(PHR_CODES.notFound, 'CID not found in PHR');
    if (!p.sharePhr) return fail(PHR_CODES.sharingOff, 'Owner has turned off PHR sharing');
    const state = this.otps.get(cid);
    if (!state) return fail(PHR_CODES.wrongOtp, 'Invalid OTP');
    if (state.wrong >= PHR_MAX_WRONG) return fail(PHR_CODES.tooManyAttempts, 'Too many invalid OTP attempts');
    if (state.otp !== otp.toUpperCase()) {
      if (countWrong) state.wrong += 1;
      return state.wrong >= PHR_MAX_WRONG
        ? fail(PHR_CODES.tooManyAttempts, 'Too many invalid OTP attempts')
        : fail(PHR_CODES.wrongOtp, 'Invalid OTP');
    }
    if (this.clock() - state.issuedAt >= PHR_OTP_TTL_MS) return fail(PHR_CODES.expired, 'OTP expired');
    return undefined;
  }

  validateOtp(cid: string, otp: string): PhrAnswer {
    const refused = this.checkOtp(cid, otp, true);
    if (refused) return refused;
    const state = this.otps.get(cid)!;
    state.validated = true;
    return {
      code: PHR_CODES.ok,
      message: 'OK',
      result: { cid, valid: true, expire_datetime: new Date(state.issuedAt + PHR_OTP_TTL_MS).toISOString() },
    };
  }

  /** A read action; `code` is the `Code=` query value (a visit's `encounter_ref_code`). */
  read(action: string, mode: string | null, code: string | null, cid: string, otp: string): PhrAnswer {
    const refused = this.checkOtp(cid, otp, false);
    if (refused) return refused;
    if (!this.otps.get(cid)?.validated) return fail(PHR_CODES.wrongOtp, 'OTP not validated');
    const p = this.person(cid)!;
    // Masked visits vanish from every export, with no tombstone (S App-D).
    const visits = p.visits.filter((v) => !v.masked);
    const visit = (): PhrVisit | undefined => visits.find((v) => v.encounter.encounter_ref_code === code);
    const perVisit = (pick: (v: PhrVisit) => PhrRow[]): PhrAnswer => {
      if (mode !== 'Encounter' || code === null) return fail(PHR_CODES.badRequest, 'only mode=Encounter&Code= is served by the sandbox');
      return { code: PHR_CODES.ok, message: 'OK', result: visit() ? pick(visit()!) : [] };
    };
    switch (action) {
      case 'PatientSummary':
        return { code: PHR_CODES.ok, message: 'OK', result: { patient: p.summary, patient_names_th: [], patient_names_en: [] } };
      case 'Encounter':
        return { code: PHR_CODES.ok, message: 'OK', result: visits.map((v) => v.encounter) };
      case 'Condition':
        return perVisit((v) => v.conditions);
      case 'Medication':
        return perVisit((v) => v.medications);
      case 'Observation':
        return perVisit((v) => v.observations);
      default:
        return fail(PHR_CODES.badRequest, `Action ${action} is not served by the sandbox`);
    }
  }

  /** The Mor Prom app notifications sent, newest first (optionally for one person). */
  notifications(cid?: string): MophPromNotification[] {
    return (cid ? this.inbox.filter((n) => n.cid === cid) : this.inbox).slice(0, 200);
  }
}
