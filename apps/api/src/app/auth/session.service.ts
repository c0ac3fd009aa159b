import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { Tenancy } from '../../database/tenancy';
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

/** A row of app_session_identity(). */
interface SessionIdentityRow {
  session_id: string;
  firm_id: string;
  user_id: string;
  expires_at: Date;
  last_seen_at: Date;
  role: User['role'];
  language: User['language'];
  client_id: string | null;
  deactivated_at: Date | null;
}

@Injectable()
export class SessionService {
  constructor(
    private readonly tenancy: Tenancy,
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
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

  /**
   * The session's identity, or null when the token is unknown or expired: one statement (the
   * session-identity migration says why, and why it sees no more than RLS would let this lookup see).
   */
  async resolve(token: string): Promise<AuthContext | null> {
    if (!isTokenFormat(token)) return null;
    const rows: SessionIdentityRow[] = await this.dataSource.query('SELECT * FROM app_session_identity($1)', [
      hashToken(token),
    ]);
    const found = rows[0];
    if (!found || found.expires_at.getTime() <= Date.now()) return null;
    // Read at every request: a deactivation or a role change applies from the next one.
    if (found.deactivated_at) return null;
    // "Last active" for the user's list of sessions, written at most every few minutes.
    if (Date.now() - found.last_seen_at.getTime() > LAST_SEEN_PRECISION_MS)
      await this.tenancy.forFirm(found.firm_id, (em) =>
        em.update(Session, { id: found.session_id }, { lastSeenAt: new Date() }),
      );
    return {
      userId: found.user_id,
      firmId: found.firm_id,
      role: found.role,
      language: found.language,
      sessionId: found.session_id,
      clientId: found.client_id,
    };
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
