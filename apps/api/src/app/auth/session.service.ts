import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { setScope, Tenancy } from '../../database/tenancy';
import { User } from '../users/user.entity';
import { AuthContext } from './decorators';
import { Session } from './session.entity';
import { hashToken, isTokenFormat, newToken } from './tokens';

const LAST_SEEN_PRECISION_MS = 5 * 60_000;

/** Enough of a User-Agent to recognise a browser; never more than the column holds. */
function shortUserAgent(userAgent: string | undefined): string | null {
  const cleaned = userAgent?.replace(/[^\x20-\x7e]/g, '').trim();
  return cleaned ? cleaned.slice(0, 200) : null;
}

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
    userAgent?: string,
  ): Promise<{ token: string; expiresAt: Date }> {
    const token = newToken();
    const expiresAt = new Date(Date.now() + this.config.SESSION_TTL_DAYS * 86_400_000);
    await em.insert(Session, {
      firmId: user.firmId,
      userId: user.id,
      tokenHash: hashToken(token),
      expiresAt,
      userAgent: shortUserAgent(userAgent),
      lastSeenAt: new Date(),
    });
    return { token, expiresAt };
  }

  /** The session's identity, or null when the token is unknown or expired. */
  async resolve(token: string): Promise<AuthContext | null> {
    if (!isTokenFormat(token)) return null;
    const tokenHash = hashToken(token);
    return this.tenancy.scoped({ sessionTokenHash: tokenHash }, async (em) => {
      const session = await em.findOne(Session, { where: { tokenHash } });
      if (!session || session.expiresAt.getTime() <= Date.now()) return null;
      await setScope(em, { firmId: session.firmId });
      const user = await em.findOne(User, { where: { id: session.userId } });
      // Read at every request: a deactivation or a role change applies from the next one.
      if (!user || user.deactivatedAt) return null;
      // "Last active" for the user's list of sessions, written at most every few minutes.
      if (Date.now() - session.lastSeenAt.getTime() > LAST_SEEN_PRECISION_MS)
        await em.update(Session, { id: session.id }, { lastSeenAt: new Date() });
      return {
        userId: user.id,
        firmId: user.firmId,
        role: user.role,
        language: user.language,
        sessionId: session.id,
        clientId: user.clientId,
      };
    });
  }

  /** Ends the current session (inside the caller's transaction, with its audit event). */
  async revokeCurrent(em: EntityManager, auth: AuthContext): Promise<void> {
    await em.delete(Session, { id: auth.sessionId });
  }

  /** The user's live sessions, most recently active first. */
  list(auth: AuthContext): Promise<Session[]> {
    return this.tenancy.forFirm(auth.firmId, (em) =>
      em
        .createQueryBuilder(Session, 's')
        .where('s.user_id = :userId AND s.expires_at > now()', { userId: auth.userId })
        .orderBy('s.last_seen_at', 'DESC')
        .getMany(),
    );
  }

  /** Ends one of the user's sessions (another user's id → false: the caller answers 404). */
  async revokeOne(em: EntityManager, auth: AuthContext, id: string): Promise<boolean> {
    const result = await em.delete(Session, { id, userId: auth.userId });
    return (result.affected ?? 0) > 0;
  }

  /** Ends every session of the user but the current one; returns how many. */
  async revokeOthers(em: EntityManager, auth: AuthContext): Promise<number> {
    const result = await em
      .createQueryBuilder()
      .delete()
      .from(Session)
      .where('user_id = :userId AND id <> :current', { userId: auth.userId, current: auth.sessionId })
      .execute();
    return result.affected ?? 0;
  }
}
