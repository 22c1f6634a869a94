/** The SMS gateway stand-in: an outbox the demo inbox page and tests can read back. */
import { z } from 'zod';
import { escapeHtml } from './http-util';

export interface SmsMessage {
  id: string;
  to: string;
  text: string;
  sentAt: string;
}

const OUTBOX_CAP = 1000;
export const LIST_CAP = 200;

/** Accepts 0812345678, 081-234-5678 and +66812345678; returns the 10-digit national form. */
export function normaliseThaiMobile(input: string): string | undefined {
  const compact = input.replace(/[\s-]/g, '');
  const national = compact.startsWith('+66')
    ? `0${compact.slice(3)}`
    : compact.startsWith('66') && compact.length === 11
      ? `0${compact.slice(2)}`
      : compact;
  return /^0[689]\d{8}$/.test(national) ? national : undefined;
}

export const sendSmsSchema = z.object({
  to: z.string().transform((v, ctx) => {
    const n = normaliseThaiMobile(v);
    if (!n) {
      ctx.addIssue({ code: 'custom', message: 'to must be a Thai mobile number (10 digits starting 06, 08 or 09)' });
      return z.NEVER;
    }
    return n;
  }),
  text: z.string().min(1).max(1000),
});

export class SmsOutbox {
  private messages: SmsMessage[] = [];
  private seq = 0;

  send(to: string, text: string, now: Date = new Date()): SmsMessage {
    this.seq += 1;
    const msg: SmsMessage = { id: `sms-${String(this.seq).padStart(6, '0')}`, to, text, sentAt: now.toISOString() };
    this.messages.unshift(msg);
    if (this.messages.length > OUTBOX_CAP) this.messages.length = OUTBOX_CAP;
    return msg;
  }

  /** Newest first. */
  list(to?: string): SmsMessage[] {
    const found = to ? this.messages.filter((m) => m.to === to) : this.messages;
    return found.slice(0, LIST_CAP);
  }

  clear(): void {
    this.messages = [];
  }
}

export function renderInbox(messages: SmsMessage[]): string {
  const rows = messages
    .map((m) => `<tr><td>${escapeHtml(m.sentAt)}</td><td>${escapeHtml(m.to)}</td><td>${escapeHtml(m.text)}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5"><title>Sandbox SMS inbox</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.4rem;text-align:left;vertical-align:top}td:last-child{white-space:pre-wrap}</style>
</head><body><h1>Sandbox SMS inbox</h1><p>Messages sent through the sandbox gateway, newest first. This page refreshes every 5 seconds. <a href="/sms">Refresh now</a></p>
<table><thead><tr><th>Sent at</th><th>To</th><th>Text</th></tr></thead><tbody>
${rows || '<tr><td colspan="3">No messages yet.</td></tr>'}
</tbody></table></body></html>`;
}
