import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { UiLanguage } from '@passerelle/domain-client';
import type { UserRole } from '../users/user.entity';

export interface AuthContext {
  userId: string;
  firmId: string;
  role: UserRole;
  language: UiLanguage;
  sessionId: string;
  /** A `client` user's own client; null for firm staff. */
  clientId: string | null;
}

export interface AuthedRequest {
  auth?: AuthContext;
  cookies?: Record<string, string>;
}

export const IS_PUBLIC = 'passerelle:public';
export const ROLES = 'passerelle:roles';

/** No session needed (sign-up, login, health, invitation pages). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route (default for signed-in routes: admin and member). */
export const Roles = (...roles: UserRole[]) => SetMetadata(ROLES, roles);

export const CurrentAuth = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthContext => {
  const auth = ctx.switchToHttp().getRequest<AuthedRequest>().auth;
  if (!auth) throw new Error('CurrentAuth used on a public route');
  return auth;
});
