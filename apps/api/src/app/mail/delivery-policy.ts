/** What to do after an SMTP attempt failed. */
export interface SmtpFailure {
  /** permanent: the server refused the message for good (5xx) — one try only; temporary: try again later. */
  kind: 'temporary' | 'permanent';
  /** The server's reply (or the connection error), kept and shown to staff. Never holds the link. */
  reply: string;
}

const MAX_REPLY_LENGTH = 1000;
/** Longest wait between two attempts, whatever the attempt number. */
export const MAX_RETRY_DELAY_MS = 60 * 60_000;

/**
 * Reads nodemailer's error: a 5xx reply to the envelope or the message is permanent; 4xx replies, timeouts,
 * refused or dropped connections are temporary. An authentication failure (535) is our configuration, not
 * the recipient: temporary, so invitations wait for the fix instead of failing.
 */
export function classifySmtpFailure(error: unknown): SmtpFailure {
  const e = (error ?? {}) as {
    responseCode?: unknown;
    response?: unknown;
    code?: unknown;
    message?: unknown;
  };
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const response = typeof e.response === 'string' ? e.response : undefined;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const message = typeof e.message === 'string' ? e.message : String(error);
  const reply = (response ?? [code, message].filter(Boolean).join(': ')).replace(/\s+/g, ' ').trim();
  const permanent =
    responseCode !== undefined && responseCode >= 500 && responseCode < 600 && code !== 'EAUTH';
  return { kind: permanent ? 'permanent' : 'temporary', reply: reply.slice(0, MAX_REPLY_LENGTH) };
}

/**
 * Exponential back-off with jitter: attempt n (1-based, the attempt that just failed) waits between half and
 * all of base × 2^(n-1), capped — so many invitations failing together do not come back together.
 */
export function retryDelayMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_RETRY_DELAY_MS, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
