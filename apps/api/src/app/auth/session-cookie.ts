import type { Response } from 'express';
import { AppConfig } from '../../config/app-config';
import { SESSION_COOKIE } from './auth.constants';
import { issueCsrfCookie } from './csrf';

/**
 * Signs the browser in: the session cookie, and a new CSRF token (a token seen before signing in is not kept
 * after). Used by login/sign-up and by accepting an invitation.
 */
export function setSessionCookies(
  res: Response,
  session: { token: string; expiresAt: Date },
  config: AppConfig,
): void {
  issueCsrfCookie(res, config);
  res.cookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    expires: session.expiresAt,
    path: '/',
  });
}
