import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { setScope, Tenancy } from '../../database/tenancy';
import { User } from '../users/user.entity';
import { AuthContext } from './decorators';
import { Session } from './session.entity';
import { hashToken, newToken } from './tokens';

@Injectable()
export class SessionService {
  constructor(
    private readonly tenancy: Tenancy,
    private readonly config: AppConfig,
  ) {}

  /** Creates a session inside the caller's firm transaction; returns the raw token for the cookie. */
  async create(
    em: EntityManager,
    user: Pick<User, 'id' | 'firmId'>,
  ): Promise<{ token: string; expiresAt: Date }> {
    const token = newToken();
    const expiresAt = new Date(Date.now() + this.config.SESSION_TTL_DAYS * 86_400_000);
    await em.insert(Session, {
      firmId: user.firmId,
      userId: user.id,
      tokenHash: hashToken(token),
      expiresAt,
    });
    return { token, expiresAt };
  }

  /** The session's identity, or null when the token is unknown or expired. */
  async resolve(token: string): Promise<AuthContext | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const tokenHash = hashToken(token);
    return this.tenancy.scoped({ sessionTokenHash: tokenHash }, async (em) => {
      const session = await em.findOne(Session, { where: { tokenHash } });
      if (!session || session.expiresAt.getTime() <= Date.now()) return null;
      await setScope(em, { firmId: session.firmId });
      const user = await em.findOne(User, { where: { id: session.userId } });
      if (!user) return null;
      return {
        userId: user.id,
        firmId: user.firmId,
        role: user.role,
        language: user.language,
        sessionId: session.id,
      };
    });
  }

  async revoke(auth: AuthContext): Promise<void> {
    await this.tenancy.forFirm(auth.firmId, (em) => em.delete(Session, { id: auth.sessionId }));
  }
}
