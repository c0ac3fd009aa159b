import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../database/errors';
import { Tenancy } from '../../database/tenancy';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { Firm } from '../firms/firm.entity';
import { AccountMailQueue, queueAccountMail } from '../account-mail/account-mail-queue';
import { JobQueue } from '../jobs/job-queue';
import { WELCOME_MAIL_JOB, WelcomeMailPayload } from '../mail/welcome-mail.job';
import { FORM_FIELD_LABELS, isUiLanguage, type UiLanguage } from '@passerelle/domain-client';
import { User, type UserRole } from '../users/user.entity';
import { AuthContext } from './decorators';
import { LoginDto, MeDto, SessionDto, SignupDto } from './dto/auth.dto';
import { hashPassword, verifyPassword } from './passwords';
import { SessionService } from './session.service';

export interface NewSession {
  token: string;
  expiresAt: Date;
  me: MeDto;
}

/** An account made from an accepted invitation (a client's contact, a colleague). */
export interface NewAccount {
  firmId: string;
  email: string;
  name: string;
  passwordHash: string;
  role: UserRole;
  /** A `client` user's client. */
  clientId?: string;
  /** The person's choice, else the invitation's language when it is a UI language, else French. */
  language: string | undefined;
}

export interface NewFirm {
  firmName: string;
  name: string;
  email: string;
  password: string;
  language?: UiLanguage;
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly tenancy: Tenancy,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
    private readonly mailQueue: AccountMailQueue,
  ) {}

  async signup(input: SignupDto, userAgent?: string): Promise<NewSession> {
    const created = await this.createFirm(input, { withSession: true, userAgent });
    // The welcome e-mail is a courtesy: the account exists and works even if the queue is unreachable.
    await this.jobs
      .enqueue<WelcomeMailPayload>(
        WELCOME_MAIL_JOB,
        {
          firmId: created.me.firm.id,
          to: created.me.user.email,
          name: created.me.user.name,
          firmName: created.me.firm.name,
          language: created.me.user.language,
        },
        { jobId: `welcome:${created.me.user.id}` },
      )
      .catch((error: Error) =>
        this.logger.error(`Welcome e-mail not queued for ${created.me.user.id}: ${error.message}`),
      );
    return created as NewSession;
  }

  /** A firm and its first admin in one transaction (sign-up and the demo seed share this). */
  async createFirm(
    input: NewFirm,
    options: {
      withSession: boolean;
      userAgent?: string;
      /** The caller's transaction (the demo seed writes its sample data in the same one). */
      em?: EntityManager;
    },
  ): Promise<Partial<NewSession> & { me: MeDto }> {
    const passwordHash = await hashPassword(input.password);
    const firmId = randomUUID();
    const language: UiLanguage = input.language ?? 'fr';
    // In the caller's transaction when it passes one (the demo seed), else in a new one.
    const inFirm = <T>(work: (em: EntityManager) => Promise<T>) =>
      this.tenancy.forFirm(firmId, work, options.em);
    try {
      return await inFirm(async (em) => {
        await em.insert(Firm, { id: firmId, name: input.firmName });
        const userId = randomUUID();
        await em.insert(User, {
          id: userId,
          firmId,
          email: input.email,
          name: input.name,
          passwordHash,
          role: 'admin',
          language,
        });
        await this.audit.record(em, {
          firmId,
          actorUserId: userId,
          action: 'firm.signed_up',
          targetType: 'firm',
          targetId: firmId,
        });
        const me: MeDto = {
          user: { id: userId, name: input.name, email: input.email, role: 'admin', language },
          firm: { id: firmId, name: input.firmName },
        };
        if (!options.withSession) return { me };
        const session = await this.sessions.create(em, { id: userId, firmId }, options.userAgent);
        return { ...session, me };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'app_user_email_key')) {
        throw new AppError(HttpStatus.CONFLICT, 'email_taken', {
          email: { code: 'already_exists', label: FORM_FIELD_LABELS.email },
        });
      }
      throw error;
    }
  }

  /**
   * A new user signed in at once (accepting an invitation), in the caller's transaction: the account and its
   * session commit with the acceptance or not at all. The cookie is set by the controller (setSessionCookies).
   */
  async openAccount(em: EntityManager, account: NewAccount, userAgent?: string): Promise<NewSession> {
    const userId = randomUUID();
    const language: UiLanguage = isUiLanguage(account.language) ? account.language : 'fr';
    const user = { ...account, id: userId, clientId: account.clientId ?? null, language };
    await em.insert(User, { ...user, lastLoginAt: new Date() });
    const firm = await em.findOneOrFail(Firm, { where: { id: account.firmId } });
    const session = await this.sessions.create(em, user, userAgent);
    return { ...session, me: toMe(user, firm) };
  }

  async login(input: LoginDto, userAgent?: string): Promise<NewSession> {
    const email = input.email.toLowerCase();
    const found = await this.tenancy.scoped({ loginEmail: email }, (em) =>
      em
        .createQueryBuilder(User, 'u')
        .addSelect('u.passwordHash')
        .where('lower(u.email) = :email', { email })
        .getOne(),
    );
    // Hashing happens outside any transaction: it is slow on purpose and must not hold a connection.
    const ok = await verifyPassword(found?.passwordHash, input.password);
    if (!found || !ok) throw new AppError(HttpStatus.UNAUTHORIZED, 'invalid_credentials');
    // Said only to whoever knows the password: they learn why, nobody else learns anything.
    if (found.deactivatedAt) throw new AppError(HttpStatus.FORBIDDEN, 'account_deactivated');
    return this.tenancy.forFirm(found.firmId, async (em) => {
      await em.update(User, { id: found.id }, { lastLoginAt: new Date() });
      // Housekeeping on the way: this user's expired sessions are of no use to anyone.
      await em.query('DELETE FROM session WHERE user_id = $1 AND expires_at < now()', [found.id]);
      await this.audit.record(em, { firmId: found.firmId, actorUserId: found.id, action: 'user.logged_in' });
      const session = await this.sessions.create(em, found, userAgent);
      const firm = await em.findOneOrFail(Firm, { where: { id: found.firmId } });
      return { ...session, me: toMe(found, firm) };
    });
  }

  /** The audit event and the session's end in one transaction: both happen, or neither. */
  async logout(auth: AuthContext): Promise<void> {
    await this.tenancy.forFirm(auth.firmId, async (em) => {
      await this.audit.record(em, {
        firmId: auth.firmId,
        actorUserId: auth.userId,
        action: 'user.logged_out',
      });
      await this.sessions.revokeCurrent(em, auth);
    });
  }

  async listSessions(auth: AuthContext): Promise<SessionDto[]> {
    const sessions = await this.sessions.list(auth);
    return sessions.map((session) => ({
      id: session.id,
      createdAt: session.createdAt.toISOString(),
      lastSeenAt: session.lastSeenAt.toISOString(),
      expiresAt: session.expiresAt.toISOString(),
      userAgent: session.userAgent,
      current: session.id === auth.sessionId,
    }));
  }

  /** Ends one of the user's other sessions (the current one ends with logout); unknown → 404. */
  async endSession(auth: AuthContext, id: string): Promise<void> {
    if (id === auth.sessionId) return this.logout(auth);
    await this.tenancy.forFirm(auth.firmId, async (em) => {
      if (!(await this.sessions.revokeOne(em, auth, id))) throw AppError.notFound();
      await this.audit.record(em, {
        firmId: auth.firmId,
        actorUserId: auth.userId,
        action: 'user.session_ended',
        data: { sessionId: id },
      });
    });
  }

  /** Ends every session of the user but this one. */
  async endOtherSessions(auth: AuthContext): Promise<number> {
    return this.tenancy.forFirm(auth.firmId, async (em) => {
      const ended = await this.sessions.revokeOthers(em, auth);
      await this.audit.record(em, {
        firmId: auth.firmId,
        actorUserId: auth.userId,
        action: 'user.other_sessions_ended',
        data: { count: ended },
      });
      return ended;
    });
  }

  me(auth: AuthContext): Promise<MeDto> {
    return this.tenancy.forFirm(auth.firmId, async (em) => {
      const user = await em.findOneOrFail(User, { where: { id: auth.userId } });
      const firm = await em.findOneOrFail(Firm, { where: { id: auth.firmId } });
      return toMe(user, firm);
    });
  }

  /** The user's own name and interface language. */
  async updateMe(auth: AuthContext, input: { name?: string; language?: UiLanguage }): Promise<MeDto> {
    const changes: Partial<Pick<User, 'name' | 'language'>> = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.language !== undefined) changes.language = input.language;
    if (Object.keys(changes).length > 0)
      await this.tenancy.forFirm(auth.firmId, async (em) => {
        await em.update(User, { id: auth.userId }, changes);
        await this.audit.record(em, {
          firmId: auth.firmId,
          actorUserId: auth.userId,
          action: 'user.profile_changed',
          data: { fields: Object.keys(changes) },
        });
      });
    return this.me({ ...auth, language: changes.language ?? auth.language });
  }

  /**
   * A new password, given the current one (checked like a login: a wrong one is 400 on the field, and the
   * attempt is rate-limited by the controller). Every other session of the user ends.
   */
  async changePassword(auth: AuthContext, currentPassword: string, newPassword: string): Promise<void> {
    const stored = await this.tenancy.forFirm(auth.firmId, (em) =>
      em
        .createQueryBuilder(User, 'u')
        .addSelect('u.passwordHash')
        .where('u.id = :id', { id: auth.userId })
        .getOneOrFail(),
    );
    if (!(await verifyPassword(stored.passwordHash, currentPassword)))
      throw new AppError(HttpStatus.BAD_REQUEST, 'invalid_request', {
        currentPassword: { code: 'wrong_password', label: FORM_FIELD_LABELS.currentPassword },
      });
    const passwordHash = await hashPassword(newPassword);
    const notice = await this.tenancy.forFirm(auth.firmId, async (em) => {
      await em.update(User, { id: auth.userId }, { passwordHash });
      const ended = await this.sessions.revokeOthers(em, auth);
      await this.audit.record(em, {
        firmId: auth.firmId,
        actorUserId: auth.userId,
        action: 'user.password_changed',
        data: { otherSessionsEnded: ended },
      });
      // "Your password was changed": whoever holds the mailbox hears of it, in case it was not them.
      return queueAccountMail(em, {
        firmId: auth.firmId,
        kind: 'password_changed',
        subjectId: auth.userId,
        email: stored.email,
        language: stored.language,
      });
    });
    await this.mailQueue.send([notice]);
  }

  async setLanguage(auth: AuthContext, language: UiLanguage): Promise<MeDto> {
    await this.tenancy.forFirm(auth.firmId, async (em) => {
      await em.update(User, { id: auth.userId }, { language });
      await this.audit.record(em, {
        firmId: auth.firmId,
        actorUserId: auth.userId,
        action: 'user.preferences_changed',
        data: { language },
      });
    });
    return this.me({ ...auth, language });
  }

  /** Used by the seed command: a new password for an existing account, found by e-mail. */
  async resetPassword(email: string, password: string): Promise<boolean> {
    const passwordHash = await hashPassword(password);
    const user = await this.tenancy.scoped({ loginEmail: email.toLowerCase() }, (em) =>
      em
        .createQueryBuilder(User, 'u')
        .where('lower(u.email) = :email', { email: email.toLowerCase() })
        .getOne(),
    );
    if (!user) return false;
    await this.tenancy.forFirm(user.firmId, (em) => em.update(User, { id: user.id }, { passwordHash }));
    return true;
  }
}

function toMe(user: Pick<User, 'id' | 'name' | 'email' | 'role' | 'language'>, firm: Firm): MeDto {
  return {
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role as UserRole,
      language: user.language,
    },
    firm: { id: firm.id, name: firm.name },
  };
}
