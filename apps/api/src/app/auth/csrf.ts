import { CanActivate, ExecutionContext, HttpStatus, Injectable, NestMiddleware } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { AppConfig } from '../../config/app-config';
import { AppError } from '../common/app-error';
import { XSRF_COOKIE, XSRF_HEADER } from './auth.constants';
import { newToken } from './tokens';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Issues the double-submit CSRF cookie to any client that does not have one yet. */
@Injectable()
export class CsrfCookieMiddleware implements NestMiddleware {
  constructor(private readonly config: AppConfig) {}

  use(req: Request, res: Response, next: NextFunction): void {
    if (!req.cookies?.[XSRF_COOKIE]) {
      const token = issueCsrfCookie(res, this.config);
      // Visible to handlers running in this same request (the very first POST of a fresh client fails anyway).
      req.cookies = { ...(req.cookies ?? {}), [XSRF_COOKIE]: token };
      (req as Request & { csrfIssued?: boolean }).csrfIssued = true;
    }
    next();
  }
}

/** Sets a new double-submit token (a fresh client, or a new session: rotated at every sign-in). */
export function issueCsrfCookie(res: Response, config: AppConfig): string {
  const token = newToken();
  res.cookie(XSRF_COOKIE, token, { sameSite: 'lax', secure: config.secureCookies, path: '/' });
  return token;
}

/** State-changing requests must echo the CSRF cookie in the X-XSRF-TOKEN header (double submit). */
@Injectable()
export class CsrfGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request & { csrfIssued?: boolean }>();
    if (SAFE_METHODS.has(req.method)) return true;
    const cookie = req.csrfIssued ? undefined : req.cookies?.[XSRF_COOKIE];
    const header = req.headers[XSRF_HEADER];
    if (typeof cookie !== 'string' || typeof header !== 'string' || !sameToken(cookie, header)) {
      throw new AppError(HttpStatus.FORBIDDEN, 'csrf_failed');
    }
    return true;
  }
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
