import * as pg from 'pg';

/** The database role every request runs as: not a superuser, not the tables' owner, so RLS applies. */
export const APP_DB_ROLE = 'passerelle_app';

/**
 * The `pg` module with a Pool that switches each new connection to APP_DB_ROLE before any query runs
 * (pg queues queries in order, so the SET ROLE issued on 'connect' precedes the caller's first query).
 * Migrations use the plain module and run as the connecting (owner) user.
 */
export function pgAsAppRole(): typeof pg {
  class AppRolePool extends pg.Pool {
    constructor(config?: pg.PoolConfig) {
      super(config);
      this.on('connect', (client) => {
        client.query(`SET ROLE ${APP_DB_ROLE}`).catch((error: Error) => client.emit('error', error));
      });
    }
  }
  const driver = Object.create(pg) as typeof pg & { Pool: typeof pg.Pool };
  Object.defineProperty(driver, 'Pool', { value: AppRolePool });
  return driver;
}
