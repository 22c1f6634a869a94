/** Codes for unexpected failures; expected ones are returned as values by each service. */
export type AppErrorCode =
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'bad-request'
  | 'too-large'
  | 'conflict'
  | 'rate-limited'
  | 'unavailable'
  | 'audit-unavailable'
  | 'internal';

const HTTP_STATUS: Record<AppErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  'bad-request': 400,
  'too-large': 413,
  conflict: 409,
  'rate-limited': 429,
  unavailable: 503,
  'audit-unavailable': 503,
  internal: 500,
};

/** A failure with a message safe to show the user (Thai and English). Never put personal data in it. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly userMessage: { th: string; en: string },
  ) {
    super(`${code}: ${userMessage.en}`);
    this.name = 'AppError';
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }
}

/** The single mapping from any thrown value to an HTTP status and a user-safe body. */
export function toHttpError(error: unknown): { status: number; body: { error: AppErrorCode; message: { th: string; en: string } } } {
  if (error instanceof AppError) return { status: error.status, body: { error: error.code, message: error.userMessage } };
  return {
    status: 500,
    body: {
      error: 'internal',
      message: { th: 'เกิดข้อผิดพลาดภายในระบบ กรุณาลองใหม่', en: 'Something went wrong on our side. Please try again.' },
    },
  };
}
