import { createHash, randomBytes } from 'node:crypto';

/** 256 bits of randomness, URL-safe. Only its SHA-256 is ever stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Whether a string can be one of our tokens (32 bytes, base64url: 43 characters). Checked before hashing or
 * querying, so a malformed cookie or link costs nothing and answers like an unknown one.
 */
export function isTokenFormat(token: unknown): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);
}
