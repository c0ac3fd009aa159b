import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** Transaction-scoped settings that RLS policies read (see the init migration). */
export interface DbScope {
  firmId?: string;
  loginEmail?: string;
  /** The SHA-256 of an invitation link: lets the public invitation page find that one link's row. */
  invitationTokenHash?: string;
  /** The SHA-256 of a team invitation link, or of a password-reset link: the same, for their own tables. */
  teamInvitationTokenHash?: string;
  passwordResetTokenHash?: string;
  /** A client user's own client: policies that know a client column see only its rows (documents). */
  clientId?: string;
  /** Planner settings for this transaction's queries (hints a service has measured the need for). */
  planner?: Partial<Record<PlannerSetting, 'on' | 'off'>>;
}

export type PlannerSetting = 'jit' | 'enable_seqscan' | 'enable_sort';

const SETTING_NAMES: Record<Exclude<keyof DbScope, 'planner'>, string> = {
  firmId: 'app.firm_id',
  loginEmail: 'app.login_email',
  invitationTokenHash: 'app.invitation_token_hash',
  teamInvitationTokenHash: 'app.team_invitation_token_hash',
  passwordResetTokenHash: 'app.password_reset_token_hash',
  clientId: 'app.client_id',
};

/**
 * The one way services reach tenant data: a transaction whose RLS settings are set first (local to the
 * transaction, so a pooled connection never carries one firm's identity into another request).
 */
@Injectable()
export class Tenancy {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * `within`: run in the caller's transaction instead of a new one (its settings are set to this scope),
   * for work that must commit or fail as a whole with more than one service's writes (the demo seed).
   */
  forFirm<T>(firmId: string, work: (em: EntityManager) => Promise<T>, within?: EntityManager): Promise<T> {
    return this.scoped({ firmId }, work, within);
  }

  async scoped<T>(
    scope: DbScope,
    work: (em: EntityManager) => Promise<T>,
    within?: EntityManager,
  ): Promise<T> {
    if (within) {
      await setScope(within, scope);
      return work(within);
    }
    return this.dataSource.transaction(async (em) => {
      await setScope(em, scope);
      return work(em);
    });
  }
}

/** Every setting of the scope in one statement (one round trip per transaction, not one per setting). */
export async function setScope(em: EntityManager, scope: DbScope): Promise<void> {
  const { planner, ...tenant } = scope;
  const settings: [string, string][] = [
    ...(Object.keys(tenant) as (keyof typeof tenant)[]).flatMap((key): [string, string][] => {
      const value = tenant[key];
      return value === undefined ? [] : [[SETTING_NAMES[key], value]];
    }),
    ...Object.entries(planner ?? {}),
  ];
  if (settings.length === 0) return;
  await em.query(
    `SELECT ${settings.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`).join(', ')}`,
    settings.flat(),
  );
}
