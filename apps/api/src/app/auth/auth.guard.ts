import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '../common/app-error';
import type { UserRole } from '../users/user.entity';
import { SESSION_COOKIE } from './auth.constants';
import { AuthedRequest, IS_PUBLIC, ROLES } from './decorators';
import { SessionService } from './session.service';

const STAFF: UserRole[] = ['admin', 'member'];

/** Global guard: every route needs a valid session unless marked @Public(); roles default to firm staff. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const token = req.cookies?.[SESSION_COOKIE];
    if (token) req.auth = (await this.sessions.resolve(token)) ?? undefined;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    if (!req.auth) throw new AppError(HttpStatus.UNAUTHORIZED, 'unauthenticated');
    const roles = this.reflector.getAllAndOverride<UserRole[]>(ROLES, targets) ?? STAFF;
    if (!roles.includes(req.auth.role)) throw new AppError(HttpStatus.FORBIDDEN, 'forbidden');
    return true;
  }
}
