import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { appDataSourceOptions, runMigrations } from '../src/database/data-source';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { Tenancy } from '../src/database/tenancy';
import { hashToken } from '../src/app/auth/tokens';
import { ApiClient, createHttpApp, testConfig } from './support/test-app';

/**
 * RLS is the last line of defence: these queries deliberately "forget" the firm filter, and must still
 * only ever see the current firm's rows — on the PostgreSQL server and on the embedded engine.
 */
async function assertIsolation(tenancy: Tenancy, dataSource: DataSource, firmA: string, firmB: string) {
  const role = await dataSource.query(
    `SELECT current_user AS "user", r.rolsuper AS "super", r.rolbypassrls AS "bypass"
       FROM pg_roles r WHERE r.rolname = current_user`,
  );
  expect(role[0]).toEqual({ user: 'passerelle_app', super: false, bypass: false });

  for (const table of ['firm', 'app_user', 'session', 'audit_event']) {
    const column = table === 'firm' ? 'id' : 'firm_id';
    const seenByA: { f: string }[] = await tenancy.forFirm(firmA, (em) =>
      em.query(`SELECT DISTINCT ${column} AS f FROM ${table}`),
    );
    expect(seenByA.map((r) => r.f)).toEqual([firmA]);
    const seenByNobody = await dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
    expect(seenByNobody[0].n).toBe(0);
  }
  // The search side table has no RLS, so the application role must not be able to read it at all.
  await expect(dataSource.query('SELECT * FROM client_search')).rejects.toThrow(/permission denied/);
  // Writing into another firm is refused by the policy's WITH CHECK, not just hidden.
  await expect(
    tenancy.forFirm(firmA, (em) =>
      em.query(`INSERT INTO audit_event (firm_id, action) VALUES ($1, 'intrusion')`, [firmB]),
    ),
  ).rejects.toThrow(/row-level security/);
  const updated = await tenancy.forFirm(firmA, (em) =>
    em.query(`UPDATE firm SET name = 'hijacked' WHERE id = $1`, [firmB]),
  );
  expect(updated[1]).toBe(0);

  // A scope's settings (tenant and planner) hold for its transaction only.
  const inside = await tenancy.scoped({ firmId: firmA, planner: { enable_sort: 'off', jit: 'off' } }, (em) =>
    em.query(
      `SELECT current_setting('app.firm_id') AS firm, current_setting('enable_sort') AS sort,
              current_setting('jit') AS jit`,
    ),
  );
  expect(inside[0]).toEqual({ firm: firmA, sort: 'off', jit: 'off' });
  const after = await dataSource.query(
    `SELECT coalesce(current_setting('app.firm_id', true), '') AS firm, current_setting('enable_sort') AS sort`,
  );
  expect(after[0]).toEqual({ firm: '', sort: 'on' });
}

describe('tenant isolation with row level security', () => {
  it('holds on PostgreSQL for firms created through the API', async () => {
    const app: NestExpressApplication = await createHttpApp(testConfig());
    try {
      const a = await (await new ApiClient(app).init()).signup();
      const b = await (await new ApiClient(app).init()).signup();
      await assertIsolation(app.get(Tenancy), app.get(DataSource), a.me.firm.id, b.me.firm.id);
    } finally {
      await app.close();
    }
  });

  it('finds a session outside any scope only by its token’s hash, with its own user', async () => {
    const app: NestExpressApplication = await createHttpApp(testConfig());
    try {
      const browser = await new ApiClient(app).init();
      const a = await browser.signup();
      await (await new ApiClient(app).init()).signup(); // another firm's session in the table
      const token = /psl_session=([^;]+)/.exec(browser.authHeaders()['cookie'])?.[1] ?? '';
      expect(token).toMatch(/./);
      const dataSource = app.get(DataSource);
      const identity = (hash: string) =>
        dataSource.query(`SELECT firm_id, user_id FROM app_session_identity($1)`, [hash]);
      expect(await identity(hashToken(token))).toEqual([{ firm_id: a.me.firm.id, user_id: a.me.user.id }]);
      expect(await identity(hashToken(`${token}x`))).toEqual([]);
      expect(await identity('')).toEqual([]);
      // Nothing else: the tables stay out of reach without a scope.
      expect(await dataSource.query(`SELECT count(*)::int AS n FROM session`)).toEqual([{ n: 0 }]);
    } finally {
      await app.close();
    }
  });

  it('holds on the embedded database too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-pglite-'));
    const embedded = await startEmbeddedPostgres(dir);
    const target = { url: embedded.url, embedded: true };
    let dataSource: DataSource | undefined;
    try {
      await runMigrations(target);
      dataSource = await new DataSource(appDataSourceOptions(target)).initialize();
      const tenancy = new Tenancy(dataSource);
      const firms = ['6a0b7c1e-0000-4000-8000-00000000000a', '6a0b7c1e-0000-4000-8000-00000000000b'];
      for (const firmId of firms) {
        await tenancy.forFirm(firmId, async (em) => {
          await em.query(`INSERT INTO firm (id, name) VALUES ($1, 'Cabinet')`, [firmId]);
          await em.query(
            `INSERT INTO app_user (firm_id, email, name, password_hash, role) VALUES ($1, $2, 'A', 'x', 'admin')`,
            [firmId, `${firmId}@example.ma`],
          );
          const [user] = await em.query(`SELECT id FROM app_user WHERE firm_id = $1`, [firmId]);
          await em.query(
            `INSERT INTO session (firm_id, user_id, token_hash, expires_at) VALUES ($1, $2, $3, now() + interval '1 day')`,
            [firmId, user.id, firmId.replace(/-/g, '').padEnd(64, '0')],
          );
          await em.query(`INSERT INTO audit_event (firm_id, action) VALUES ($1, 'firm.signed_up')`, [firmId]);
        });
      }
      await assertIsolation(tenancy, dataSource, firms[0], firms[1]);
    } finally {
      await dataSource?.destroy();
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
