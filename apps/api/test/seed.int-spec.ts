import type { INestApplicationContext } from '@nestjs/common';
import { createScratchDatabase, dropScratchDatabase } from '@passerelle/testing';
import { Client } from 'pg';
import { AuthService } from '../src/app/auth/auth.service';
import { DEMO_CLIENTS, DEMO_SOFTWARE } from '../src/app/seed/demo-data';
import { DEMO_EMAIL, DemoSeedService } from '../src/app/seed/demo-seed.service';
import { runMigrations } from '../src/database/data-source';
import { createContext, testConfig } from './support/test-app';

/**
 * The demo seed runs on the first start of an empty database: marker, firm, admin, configurations and
 * sample clients in one transaction. Its own database: the marker is installation-wide.
 */
describe('demo seed (real PostgreSQL)', () => {
  let url: string;
  let context: INestApplicationContext;
  let db: Client;

  beforeAll(async () => {
    url = await createScratchDatabase('passerelle_seed');
    await runMigrations({ url, embedded: false });
    context = await createContext(testConfig({ DATABASE_URL: url }), 'tool');
    db = new Client({ connectionString: url }); // the owner: sees every firm
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await context?.close();
    if (url) await dropScratchDatabase(url);
  });

  async function count(table: string): Promise<number> {
    return Number((await db.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
  }

  async function counts() {
    return {
      marker: await count('installation_state'),
      firm: await count('firm'),
      user: await count('app_user'),
      software: await count('accounting_software_config'),
      client: await count('client'),
      audit: await count('audit_event'),
    };
  }

  it('leaves nothing behind when it fails half-way, and seeds on the next start', async () => {
    // A client insert in the middle of the sample data fails, as a full disk or a bad migration would.
    const victim = DEMO_CLIENTS[Math.floor(DEMO_CLIENTS.length / 2)].name;
    await db.query(`
      CREATE FUNCTION fail_one_client() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.name = '${victim.replace(/'/g, "''")}' THEN RAISE EXCEPTION 'simulated failure'; END IF;
        RETURN NEW;
      END $$`);
    await db.query(
      `CREATE TRIGGER fail_one_client BEFORE INSERT ON client FOR EACH ROW EXECUTE FUNCTION fail_one_client()`,
    );
    const seed = context.get(DemoSeedService);
    await expect(seed.seedOnFirstStart()).rejects.toThrow('simulated failure');
    expect(await counts()).toEqual({ marker: 0, firm: 0, user: 0, software: 0, client: 0, audit: 0 });

    await db.query(`DROP TRIGGER fail_one_client ON client`);
    const credentials = await seed.seedOnFirstStart();
    expect(credentials).toEqual({
      email: DEMO_EMAIL,
      password: expect.stringMatching(/^\S{12}$/),
      created: true,
    });
    expect(await counts()).toMatchObject({
      marker: 1,
      firm: 1,
      user: 1,
      software: DEMO_SOFTWARE.length,
      client: DEMO_CLIENTS.length,
    });
    const me = await context
      .get(AuthService)
      .login({ email: DEMO_EMAIL, password: (credentials as { password: string }).password });
    expect(me.me.firm.name).toBe('Cabinet Démo');

    // Started again (or by a second API at the same time): nothing more.
    expect(await Promise.all([seed.seedOnFirstStart(), seed.seedOnFirstStart()])).toEqual([null, null]);
    expect(await count('firm')).toBe(1);
  });

  it('stores the sample clients searchable, dated, linked to the firm’s configurations', async () => {
    const rows = (
      await db.query(
        `SELECT c.name, c.status, c.archived_at IS NOT NULL AS archived, c.created_at < now() - interval '1 day' AS dated,
                s.label AS software, cs.name_key
           FROM client c LEFT JOIN accounting_software_config s ON s.id = c.accounting_software_id
           JOIN client_search cs ON cs.client_id = c.id ORDER BY c.name_sort`,
      )
    ).rows as { name: string; status: string; archived: boolean; dated: boolean; software: string | null }[];
    expect(rows.map((row) => row.name)).toEqual(
      [...DEMO_CLIENTS.map((c) => c.name)].sort((a, b) => a.localeCompare(b, 'fr', { sensitivity: 'base' })),
    );
    expect(rows.filter((row) => row.archived).map((row) => row.name)).toEqual(
      DEMO_CLIENTS.filter((c) => c.archived)
        .map((c) => c.name)
        .sort((a, b) => a.localeCompare(b, 'fr')),
    );
    expect(rows.every((row) => row.dated)).toBe(true);
    const atlas = DEMO_CLIENTS.find((c) => c.name === 'Atlas Négoce SARL');
    expect(rows.find((row) => row.name === 'Atlas Négoce SARL')?.software).toBe(
      DEMO_SOFTWARE[atlas?.software as number].label,
    );
    const events = await db.query(
      `SELECT action, count(*)::int AS n FROM audit_event WHERE action NOT LIKE 'user.%' GROUP BY 1 ORDER BY 1`,
    );
    expect(events.rows).toEqual([
      { action: 'client.archived', n: DEMO_CLIENTS.filter((c) => c.archived).length },
      { action: 'client.created', n: DEMO_CLIENTS.length },
      { action: 'firm.signed_up', n: 1 },
    ]);
  });

  it('`npm run seed` on a seeded database gives the admin a new password and adds nothing', async () => {
    const seed = context.get(DemoSeedService);
    const again = await seed.seed();
    expect(again).toMatchObject({ email: DEMO_EMAIL, created: false });
    await expect(
      context.get(AuthService).login({ email: DEMO_EMAIL, password: again.password }),
    ).resolves.toBeTruthy();
    expect(await count('client')).toBe(DEMO_CLIENTS.length);
    expect(await count('firm')).toBe(1);
  });
});
