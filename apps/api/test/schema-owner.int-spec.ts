import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ApiClient, createHttpApp, testConfig } from './support/test-app';

/**
 * The README's deployment: migrations run as the user of DATABASE_URL, which owns the schema but need not be a
 * superuser. Row Level Security is forced on the tenant tables, for their owner too — so every SECURITY DEFINER
 * function that reads them (the session look-up at each request, the sweepers) must work for an owner that
 * RLS applies to. The other integration tests run as a superuser, who bypasses RLS and would hide a gap.
 */
describe('a schema owner that is not a superuser (real PostgreSQL)', () => {
  const suffix = randomBytes(4).toString('hex');
  const role = `psl_owner_${suffix}`;
  const database = `psl_owner_db_${suffix}`;
  let admin: Client;
  let app: NestExpressApplication | undefined;

  beforeAll(async () => {
    admin = new Client({ connectionString: process.env['INT_DATABASE_URL'] });
    await admin.connect();
    await admin.query(`CREATE ROLE ${role} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE`);
    // "or have it created beforehand and granted to it" (README, Database)
    await admin.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'passerelle_app') THEN
        CREATE ROLE passerelle_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
      END IF; END $$`);
    await admin.query(`GRANT passerelle_app TO ${role}`);
    await admin.query(`CREATE DATABASE ${database} OWNER ${role}`);
  });

  afterAll(async () => {
    await app?.close();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`DROP ROLE IF EXISTS ${role}`);
    await admin.end();
  });

  it('migrates, signs up, and recognises the session at the next request', async () => {
    const url = new URL(process.env['INT_DATABASE_URL'] ?? '');
    url.username = role;
    url.password = '';
    url.pathname = `/${database}`;
    app = await createHttpApp(testConfig({ DATABASE_URL: url.toString() }));
    const owner = await admin.query(
      `SELECT r.rolsuper AS super FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba WHERE d.datname = $1`,
      [database],
    );
    expect(owner.rows).toEqual([{ super: false }]);

    const browser = await new ApiClient(app).init();
    const signedUp = await browser.signup();
    const me = await browser.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(signedUp.me.user.id);
    const clients = await browser.get('/api/clients?q=atlas');
    expect(clients.status).toBe(200);
    expect(clients.body.total).toBe(0);
  });
});
