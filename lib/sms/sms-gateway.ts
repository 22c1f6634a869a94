import 'server-only';
import { z } from 'zod';
import { requestJson } from '../exchange/http';
import { normaliseThaiMobile } from './phone';

/**
 * SMS gateway adapter (consent OTPs). Neither the number nor the text ever appears in an error or log:
 * the text carries a one-time code.
 */

export type SmsSendResult = { ok: true; id: string } | { ok: false; reason: 'unavailable' | 'rejected' };

export interface SmsGatewayConfig {
  baseUrl: string;
  token: string;
  /** Per call (default 5000 ms). */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

export interface SmsGateway {
  send(to: string, text: string): Promise<SmsSendResult>;
}

const acceptedSchema = z.looseObject({ id: z.string().min(1).max(200) });

/** Longest text we send: a few concatenated SMS parts (Thai texts use UCS-2, 70 characters a part). */
export const MAX_SMS_TEXT = 600;

/** Creates the SMS gateway adapter. */
export function createSmsGateway(config: SmsGatewayConfig): SmsGateway {
  let base: string;
  try {
    base = new URL(config.baseUrl).toString().replace(/\/+$/, '');
  } catch {
    throw new Error('sms gateway: baseUrl is not a valid URL');
  }
  if (config.token.trim() === '') throw new Error('sms gateway: token is empty');

  return {
    /**
     * Sends one SMS. 'rejected' = the number or text was refused (ours or the gateway's 4xx);
     * 'unavailable' = the gateway could not be reached or answered badly, so the caller may retry later.
     */
    async send(to, text) {
      const phone = normaliseThaiMobile(to);
      if (phone === null || text.trim() === '' || text.length > MAX_SMS_TEXT) return { ok: false, reason: 'rejected' };
      const r = await requestJson({
        url: `${base}/sms/messages`,
        method: 'POST',
        headers: { Authorization: `Bearer ${config.token}` },
        json: { to: phone, text },
        timeoutMs: config.timeoutMs ?? 5000,
        maxBytes: 64 * 1024,
        fetchImpl: config.fetchImpl,
      });
      if (!r.ok) {
        // 401/403 mean our credentials are wrong, not the message: treat as the gateway being unusable.
        const refused =
          r.kind === 'http' &&
          r.status !== undefined &&
          r.status >= 400 &&
          r.status < 500 &&
          r.status !== 401 &&
          r.status !== 403 &&
          r.status !== 408 &&
          r.status !== 429;
        return { ok: false, reason: refused ? 'rejected' : 'unavailable' };
      }
      const parsed = acceptedSchema.safeParse(r.body);
      return parsed.success ? { ok: true, id: parsed.data.id } : { ok: false, reason: 'unavailable' };
    },
  };
}
