import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { PASSWORD_RESET_TTL_MINUTES } from '@passerelle/domain-client';
import type { EntityManager } from 'typeorm';
import { returning } from '../../database/returning';
import { Tenancy } from '../../database/tenancy';
import { AccountMailQueue, cancelAccountMail, queueAccountMail } from '../account-mail/account-mail-queue';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { maskEmail } from '../common/mask-email';
import { JobQueue, RegisteredJob } from '../jobs/job-queue';
import { PasswordResetLinkDto } from './dto/auth.dto';
import { hashPassword } from './passwords';
import { SharedThrottlerStorage } from './throttler-storage';
import { LinkTable, withLink } from './link-tokens';
import { hashToken, isTokenFormat } from './tokens';

export const PASSWORD_RESET_REQUEST_JOB = 'auth.password-reset-request';

export interface PasswordResetRequestPayload {
  /** Lower-case, as typed (checked by the e-mail rule). */
  email: string;
}

/** Reset e-mails one address may be sent per hour, whoever asks (on top of the per-IP limit of the route). */
export const PASSWORD_RESET_PER_EMAIL_PER_HOUR = 5;
const HOUR_MS = 3_600_000;

/** Unknown, expired, used or superseded: one answer, so a link reveals nothing. */
function invalidLink(): AppError {
  return new AppError(HttpStatus.NOT_FOUND, 'reset_link_invalid');
}

const RESET_LINKS: LinkTable = {
  scope: 'passwordResetTokenHash',
  table: 'password_reset',
  idColumn: 'id',
  invalid: invalidLink,
};

/**
 * Forgotten passwords, after OWASP's Forgot Password cheat sheet:
 *
 * - asking answers 202 whatever the address, after the same work (a counter per address, a queued job): the
 *   look-up happens in that job, so neither the answer nor its timing says whether an account exists;
 * - a known, active user gets an e-mail with a link (32 random bytes; only the SHA-256 is stored, made when
 *   the e-mail is sent) valid for an hour and once: a newer request revokes the older links;
 * - using it sets the new password (the sign-up rules), ends every session of the user, and sends a "your
 *   password was changed" e-mail. The user then signs in as usual.
 */
@Injectable()
export class PasswordResetService extends RegisteredJob<PasswordResetRequestPayload> {
  readonly jobName = PASSWORD_RESET_REQUEST_JOB;
  private readonly logger = new Logger('PasswordReset');

  constructor(
    private readonly tenancy: Tenancy,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
    private readonly mailQueue: AccountMailQueue,
    private readonly counters: SharedThrottlerStorage,
  ) {
    super();
  }

  /** POST /auth/password-reset. Never says whether the address has an account, nor fails for it. */
  async request(email: string): Promise<void> {
    const address = email.toLowerCase();
    const { totalHits } = await this.counters.increment(
      `password-reset:${hashToken(address)}`,
      HOUR_MS,
      PASSWORD_RESET_PER_EMAIL_PER_HOUR,
      HOUR_MS,
      'password-reset',
    );
    if (totalHits > PASSWORD_RESET_PER_EMAIL_PER_HOUR) {
      // The address is not logged: only that someone keeps asking.
      this.logger.warn('Password reset asked too often for one address: no e-mail this time');
      return;
    }
    await this.jobs
      .enqueue<PasswordResetRequestPayload>(
        PASSWORD_RESET_REQUEST_JOB,
        { email: address },
        { reusableId: true },
      )
      .catch((error: Error) => this.logger.error(`Password reset request not queued: ${error.message}`));
  }

  /** The job: a known, active user gets a new reset link; anyone else nothing. */
  async handle(payload: PasswordResetRequestPayload): Promise<void> {
    const users: { id: string; firm_id: string; email: string; language: string }[] =
      await this.tenancy.scoped({ loginEmail: payload.email }, (em) =>
        em.query(
          `SELECT id, firm_id, email, language FROM app_user
            WHERE lower(email) = $1 AND deactivated_at IS NULL`,
          [payload.email],
        ),
      );
    const user = users[0];
    if (!user) return;
    const mail = await this.tenancy.forFirm(user.firm_id, async (em) => {
      const revoked = await revokeResetLinks(em, user.id);
      const created: { id: string }[] = await em.query(
        `INSERT INTO password_reset (firm_id, user_id, expires_at)
         VALUES ($1, $2, now() + make_interval(mins => $3)) RETURNING id`,
        [user.firm_id, user.id, PASSWORD_RESET_TTL_MINUTES],
      );
      await this.audit.record(em, {
        firmId: user.firm_id,
        actorUserId: null,
        action: 'user.password_reset_requested',
        targetType: 'user',
        targetId: user.id,
        data: { resetId: created[0].id, revokedEarlier: revoked },
      });
      return queueAccountMail(em, {
        firmId: user.firm_id,
        kind: 'password_reset',
        subjectId: created[0].id,
        email: user.email,
        language: user.language,
      });
    });
    await this.mailQueue.send([mail]);
  }

  /** GET /auth/password-reset/{token}: whether the link still works, before the person types a password. */
  view(token: string): Promise<PasswordResetLinkDto> {
    return withLink(this.tenancy, RESET_LINKS, token, async (em, reset) => {
      const rows: { email: string; expires_at: Date }[] = await em.query(
        `SELECT u.email, r.expires_at FROM password_reset r JOIN app_user u ON u.id = r.user_id
          WHERE r.id = $1 AND r.used_at IS NULL AND r.revoked_at IS NULL AND r.expires_at > now()
            AND u.deactivated_at IS NULL`,
        [reset.id],
      );
      if (!rows[0]) throw invalidLink();
      return { email: maskEmail(rows[0].email), expiresAt: rows[0].expires_at.toISOString() };
    });
  }

  /** POST /auth/password-reset/{token}: the new password; every session of the user ends. */
  async reset(token: string, password: string): Promise<void> {
    if (!isTokenFormat(token)) throw invalidLink();
    // Slow on purpose (argon2id), so done before the transaction opens.
    const passwordHash = await hashPassword(password);
    const mail = await withLink(this.tenancy, RESET_LINKS, token, async (em, reset) => {
      // Single use: of two concurrent submissions of one link, exactly one gets the row.
      const used = await returning<{ user_id: string }>(
        em,
        `UPDATE password_reset r SET used_at = now()
          FROM app_user u
         WHERE r.id = $1 AND u.id = r.user_id AND u.deactivated_at IS NULL
           AND r.used_at IS NULL AND r.revoked_at IS NULL AND r.expires_at > now()
         RETURNING r.user_id`,
        [reset.id],
      );
      if (!used[0]) throw invalidLink();
      const userId = used[0].user_id;
      const users = await returning<{ email: string; language: string }>(
        em,
        `UPDATE app_user SET password_hash = $2 WHERE id = $1 RETURNING email, language`,
        [userId, passwordHash],
      );
      const ended = await returning(em, `DELETE FROM session WHERE user_id = $1 RETURNING id`, [userId]);
      await revokeResetLinks(em, userId);
      await this.audit.record(em, {
        firmId: reset.firmId,
        actorUserId: userId,
        action: 'user.password_reset',
        targetType: 'user',
        targetId: userId,
        data: { resetId: reset.id, sessionsEnded: ended.length },
      });
      return queueAccountMail(em, {
        firmId: reset.firmId,
        kind: 'password_changed',
        subjectId: reset.id,
        email: users[0].email,
        language: users[0].language,
      });
    });
    await this.mailQueue.send([mail]);
  }
}

/** Revokes the user's unused reset links (a newer one, a deactivation) and cancels their unsent e-mails. */
export async function revokeResetLinks(em: EntityManager, userId: string): Promise<number> {
  const revoked = await returning<{ id: string }>(
    em,
    `UPDATE password_reset SET revoked_at = now()
      WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL RETURNING id`,
    [userId],
  );
  await cancelAccountMail(
    em,
    revoked.map((row) => row.id),
  );
  return revoked.length;
}
