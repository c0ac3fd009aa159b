import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** Transaction-scoped settings that RLS policies read (see the init migration). */
export interface DbScope {
  firmId?: string;
  loginEmail?: string;
  sessionTokenHash?: string;
}

const SETTING_NAMES: Record<keyof DbScope, string> = {
  firmId: 'app.firm_id',
  loginEmail: 'app.login_email',
  sessionTokenHash: 'app.session_token_hash',
};

/**
 * The one way services reach tenant data: a transaction whose RLS settings are set first (local to the
 * transaction, so a pooled connection never carries one firm's identity into another request).
 */
@Injectable()
export class Tenancy {
  constructor(private readonly dataSource: DataSource) {}

  forFirm<T>(firmId: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.scoped({ firmId }, work);
  }

  scoped<T>(scope: DbScope, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (em) => {
      await setScope(em, scope);
      return work(em);
    });
  }
}

export async function setScope(em: EntityManager, scope: DbScope): Promise<void> {
  for (const key of Object.keys(scope) as (keyof DbScope)[]) {
    const value = scope[key];
    if (value !== undefined) await em.query('SELECT set_config($1, $2, true)', [SETTING_NAMES[key], value]);
  }
}
