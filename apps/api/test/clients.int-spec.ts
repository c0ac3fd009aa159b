import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { hashPassword } from '../src/app/auth/passwords';
import { breakChecksum, makeIce, moroccanClient } from './support/clients';
import { ApiClient, createHttpApp, testConfig } from './support/test-app';

describe('clients API (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let firmA: ApiClient;
  let firmB: ApiClient;

  beforeAll(async () => {
    app = await createHttpApp(testConfig({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
    firmA = await new ApiClient(app).init();
    await firmA.signup();
    firmB = await new ApiClient(app).init();
    await firmB.signup();
  });

  afterAll(async () => {
    await app.close();
  });

  async function createClient(client: ApiClient, overrides: Record<string, unknown> = {}) {
    const res = await client.post('/api/clients', moroccanClient(overrides));
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.client as { id: string; ice: string; contactEmail: string; name: string };
  }

  it('creates a Moroccan client from a country written in Arabic and normalises its values', async () => {
    const input = moroccanClient({ country: 'المغرب', ice: '', taxId: '' });
    const ice = makeIce();
    const res = await firmA.post('/api/clients', {
      ...input,
      ice: `${ice.slice(0, 3)} ${ice.slice(3, 9)}.${ice.slice(9)}`,
      taxId: '1234567',
      contactEmail: `  ${input.contactEmail.toUpperCase()}  `,
    });
    expect(res.status).toBe(201);
    expect(res.body.client).toMatchObject({
      country: 'MA',
      ice,
      taxId: '1234567',
      contactLanguage: 'ar',
      status: 'not_invited',
      shareDocuments: false,
      archivedAt: null,
    });
    expect(res.body.client.contactEmail.endsWith('@atlas.ma')).toBe(true);
    expect(res.body.warnings).toEqual([]);
  });

  it('names the field, the rule and the fix in the user language', async () => {
    const badIce = breakChecksum(makeIce());
    const fr = await firmA.post('/api/clients', moroccanClient({ ice: badIce }));
    expect(fr.status).toBe(400);
    expect(fr.body.fields.ice.code).toBe('invalid_checksum');
    expect(fr.body.fields.ice.message).toMatch(/^ICE — /);

    // The signed-in user's own language wins over the browser's Accept-Language.
    const en = await new ApiClient(app, 'fr').init();
    await en.signup({ language: 'en' });
    const res = await en.post(
      '/api/clients',
      moroccanClient({ ice: badIce, country: 'Atlantis', contactEmail: 'x@' }),
    );
    expect(res.status).toBe(400);
    expect(res.body.fields.country.code).toBe('unknown_country');
    expect(res.body.fields.contactEmail.code).toBe('invalid_email');
    expect(res.body.fields.country.message).toMatch(/^Country — /);
  });

  it('applies the cross-field rules of SPEC §2', async () => {
    const missing = await firmA.post('/api/clients', moroccanClient({ ice: '', taxId: '' }));
    expect(missing.body.fields).toMatchObject({ ice: { code: 'required' }, taxId: { code: 'required' } });

    const french = await firmA.post(
      '/api/clients',
      moroccanClient({ country: 'France', postalCode: '75008', city: 'Paris', ice: makeIce(), taxId: '' }),
    );
    expect(french.status).toBe(400);
    expect(french.body.fields.ice.code).toBe('not_applicable');

    const sharing = await firmA.post(
      '/api/clients',
      moroccanClient({ shareDocuments: true, contactEmail: '' }),
    );
    expect(sharing.body.fields).toMatchObject({
      contactEmail: { code: 'required' },
      accountingSoftwareId: { code: 'required' },
    });
  });

  it('answers bad input with field errors, never a 500', async () => {
    const nul = await firmA.post(
      '/api/clients',
      moroccanClient({ name: 'Atlas\u0000 Négoce\u0007', city: 'Fès\u0085' }),
    );
    expect(nul.status).toBe(201);
    expect(nul.body.client).toMatchObject({ name: 'Atlas Négoce', city: 'Fès' });

    const types = await firmA.post('/api/clients', {
      name: 123,
      shareDocuments: 'yes',
      accountingSoftwareId: 'x',
    });
    expect(types.status).toBe(400);
    expect(types.body.fields).toMatchObject({
      name: { code: 'invalid_value' },
      shareDocuments: { code: 'invalid_value' },
      accountingSoftwareId: { code: 'invalid_value' },
    });
    expect((await firmA.post('/api/clients', [1, 2])).status).toBe(400);
    // A malformed id cannot exist: the same 404 as an unknown one.
    expect((await firmA.get('/api/clients/not-a-uuid')).body).toMatchObject({
      statusCode: 404,
      code: 'not_found',
    });
    // Only punctuation: nothing to search for, so the unfiltered list (and no SQL wildcard leaks through).
    const punctuation = await firmA.get('/api/clients?q=%25%5C_');
    expect(punctuation.status).toBe(200);
    expect(punctuation.body.total).toBe((await firmA.get('/api/clients')).body.total);
  });

  it('keeps ICE and contact e-mail unique inside a firm, not across firms', async () => {
    const first = await createClient(firmA);
    const dupIce = await firmA.post('/api/clients', moroccanClient({ ice: first.ice }));
    expect(dupIce.status).toBe(409);
    expect(dupIce.body.fields.ice.code).toBe('already_exists');

    const dupEmail = await firmA.post(
      '/api/clients',
      moroccanClient({ contactEmail: first.contactEmail.toUpperCase() }),
    );
    expect(dupEmail.status).toBe(409);
    expect(dupEmail.body.fields.contactEmail.code).toBe('already_exists');

    const otherFirm = await firmB.post(
      '/api/clients',
      moroccanClient({ ice: first.ice, contactEmail: first.contactEmail }),
    );
    expect(otherFirm.status).toBe(201);
  });

  it('answers 404 for another firm’s client, whatever the verb', async () => {
    const client = await createClient(firmA);
    expect((await firmB.get(`/api/clients/${client.id}`)).status).toBe(404);
    expect((await firmB.patch(`/api/clients/${client.id}`, { city: 'Rabat' })).status).toBe(404);
    expect((await firmB.post(`/api/clients/${client.id}/archive`)).status).toBe(404);
    expect((await firmB.get(`/api/clients/${client.id}/timeline`)).status).toBe(404);
    expect((await firmA.get(`/api/clients/${client.id}`)).body.city).toBe('Casablanca');
    expect((await firmB.get(`/api/clients?q=${encodeURIComponent(client.name)}`)).body.total).toBe(0);
    expect((await firmA.get(`/api/clients?q=${encodeURIComponent(client.name)}`)).body.total).toBe(1);
  });

  it('updates, archives and restores with a timeline of who did what', async () => {
    const client = await createClient(firmA);
    const updated = await firmA.patch(`/api/clients/${client.id}`, { city: 'Fès', postalCode: '30000' });
    expect(updated.status).toBe(200);
    expect(updated.body.client.city).toBe('Fès');

    const invalid = await firmA.patch(`/api/clients/${client.id}`, { postalCode: '3000' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.fields.postalCode).toEqual({
      code: 'invalid_format',
      message: 'Code postal — le code postal marocain comporte 5 chiffres',
    });

    expect((await firmA.post(`/api/clients/${client.id}/archive`)).body.archivedAt).not.toBeNull();
    const listed = await firmA.get(`/api/clients?q=${encodeURIComponent(client.name)}`);
    expect(listed.body.total).toBe(0);
    const archived = await firmA.get(`/api/clients?archived=true&q=${encodeURIComponent(client.name)}`);
    expect(archived.body.total).toBe(1);
    expect((await firmA.post(`/api/clients/${client.id}/restore`)).body.archivedAt).toBeNull();

    const timeline = await firmA.get(`/api/clients/${client.id}/timeline`);
    expect(timeline.body.map((e: { action: string }) => e.action)).toEqual([
      'client.restored',
      'client.archived',
      'client.updated',
      'client.created',
    ]);
    expect(timeline.body[1].actorName).toMatch(/^Admin /);
    expect(timeline.body[2].data.fields).toEqual(expect.arrayContaining(['city', 'postalCode']));
  });

  it('searches accent- and case-insensitively, filters, sorts and paginates', async () => {
    const searcher = await new ApiClient(app).init();
    await searcher.signup();
    const cedre = await createClient(searcher, { name: 'Le Cèdre Bleu', city: 'Ifrane' });
    await createClient(searcher, { name: 'Boulangerie Étoile', city: 'Meknès' });
    await createClient(searcher, { name: 'Zellige & Co', city: 'Fès' });

    const find = async (query: string) =>
      (await searcher.get(`/api/clients?${query}`)).body as {
        items: { id: string; name: string }[];
        total: number;
      };
    expect((await find('q=CEDRE')).items.map((c) => c.id)).toEqual([cedre.id]);
    expect((await find('q=meknes')).items.map((c) => c.name)).toEqual(['Boulangerie Étoile']);
    expect((await find(`q=${cedre.ice.slice(2, 10)}`)).items.map((c) => c.id)).toEqual([cedre.id]);
    expect((await find(`q=${encodeURIComponent(cedre.contactEmail.split('@')[0])}`)).total).toBe(1);
    expect((await find('q=zzq%25')).total).toBe(0);

    const byName = await find('sort=name&order=desc');
    expect(byName.items.map((c) => c.name)).toEqual(['Zellige & Co', 'Le Cèdre Bleu', 'Boulangerie Étoile']);
    const page2 = await find('sort=name&pageSize=2&page=2');
    expect(page2.total).toBe(3);
    expect(page2.items.map((c) => c.name)).toEqual(['Zellige & Co']);

    expect((await find('status=not_invited')).total).toBe(3);
    expect((await find('status=active')).total).toBe(0);
    expect((await find('country=ma')).total).toBe(3);
    expect((await find('shareDocuments=true')).total).toBe(0);
    const combined = await find('q=e&status=not_invited&country=MA&sort=city&order=desc');
    expect(combined.items.map((c) => c.name)).toEqual([
      'Boulangerie Étoile',
      'Le Cèdre Bleu',
      'Zellige & Co',
    ]);
    expect((await find('q=e&status=active')).total).toBe(0);
    const beyond = await find('q=e&page=9&pageSize=2');
    expect(beyond).toMatchObject({ items: [], total: 3 });

    // The search index follows edits and archiving.
    await searcher.patch(`/api/clients/${cedre.id}`, { name: 'Arganier du Souss' });
    expect((await find('q=cedre')).total).toBe(0);
    expect((await find('q=ARGANIER')).items.map((c) => c.id)).toEqual([cedre.id]);
    await searcher.post(`/api/clients/${cedre.id}/archive`);
    expect((await find('q=arganier')).total).toBe(0);
    expect((await find('q=arganier&archived=true')).total).toBe(1);

    const bad = await searcher.get('/api/clients?status=bogus&pageSize=1000');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields)).toEqual(expect.arrayContaining(['status', 'pageSize']));
  });

  it('links a client to one of the firm’s accounting-software configurations only', async () => {
    const owner = await new ApiClient(app).init();
    await owner.signup();
    const catalogue = await owner.get('/api/accounting-software/catalogue');
    expect(catalogue.body.map((p: { key: string }) => p.key)).toEqual(
      expect.arrayContaining(['sage-100', 'odoo', 'excel-csv']),
    );

    const first = await owner.post('/api/accounting-software/configs', {
      label: 'Sage — principal',
      product: 'sage-100',
      deliveryMethod: 'export',
      exportFormat: 'csv',
      exportFrequency: 'monthly',
    });
    expect(first.status).toBe(201);
    expect(first.body.isDefault).toBe(true);
    const second = await owner.post('/api/accounting-software/configs', {
      label: 'Odoo',
      product: 'odoo',
      deliveryMethod: 'email',
      deliveryEmail: 'Factures@Odoo.example.ma',
    });
    expect(second.body).toMatchObject({
      isDefault: false,
      // The domain e-mail rule: domain lower-cased, local part as typed (the same rule as the client form).
      deliveryEmail: 'Factures@odoo.example.ma',
      productName: 'Odoo',
    });

    const noTarget = await owner.post('/api/accounting-software/configs', {
      label: 'X',
      product: 'odoo',
      deliveryMethod: 'email',
    });
    expect(noTarget.status).toBe(400);
    expect(noTarget.body.fields.deliveryEmail.code).toBe('required');
    const dupLabel = await owner.post('/api/accounting-software/configs', {
      label: second.body.label.toUpperCase(),
      product: 'odoo',
      deliveryMethod: 'email',
      deliveryEmail: 'autre@odoo.example.ma',
    });
    expect(dupLabel.status).toBe(409);
    expect(dupLabel.body.fields).toEqual({
      label: { code: 'already_exists', message: 'Libellé — cette valeur est déjà utilisée' },
    });

    const made = await owner.post(`/api/accounting-software/configs/${second.body.id}/default`);
    expect(made.body.isDefault).toBe(true);
    const configs = await owner.get('/api/accounting-software/configs');
    expect(
      configs.body.filter((c: { isDefault: boolean }) => c.isDefault).map((c: { id: string }) => c.id),
    ).toEqual([second.body.id]);

    const shared = await owner.post(
      '/api/clients',
      moroccanClient({ shareDocuments: true, accountingSoftwareId: second.body.id }),
    );
    expect(shared.status).toBe(201);
    expect(shared.body.client.accountingSoftwareLabel).toBe('Odoo');
    expect((await owner.get(`/api/clients?accountingSoftwareId=${second.body.id}`)).body.total).toBe(1);
    expect(
      (await owner.get('/api/accounting-software/configs')).body.find(
        (c: { id: string }) => c.id === second.body.id,
      ).clientCount,
    ).toBe(1);

    const foreign = await firmB.post(
      '/api/clients',
      moroccanClient({ shareDocuments: true, accountingSoftwareId: second.body.id }),
    );
    expect(foreign.status).toBe(400);
    expect(foreign.body.fields.accountingSoftwareId.code).toBe('unknown_accounting_software');
    expect((await firmB.post(`/api/accounting-software/configs/${second.body.id}/default`)).status).toBe(404);
  });
});

describe('roles (real PostgreSQL)', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await createHttpApp(testConfig({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
  });

  afterAll(async () => {
    await app.close();
  });

  it('lets a member create clients and configurations, but not manage the firm’s configurations', async () => {
    const admin = await new ApiClient(app).init();
    const firm = await admin.signup();
    const config = await admin.post('/api/accounting-software/configs', {
      label: 'Cegid',
      product: 'cegid',
      deliveryMethod: 'email',
      deliveryEmail: 'inbox@cegid.example.ma',
    });
    // No team management yet: the member is inserted directly, as an admin screen will later do.
    const memberEmail = `member.${firm.email}`;
    const db = new Client({ connectionString: process.env['INT_DATABASE_URL'] });
    await db.connect();
    try {
      await db.query(
        `INSERT INTO app_user (firm_id, email, name, password_hash, role) VALUES ($1, $2, 'Comptable', $3, 'member')`,
        [firm.me.firm.id, memberEmail, await hashPassword('member-password-1')],
      );
    } finally {
      await db.end();
    }
    const member = await new ApiClient(app).init();
    expect(
      (await member.post('/api/auth/login', { email: memberEmail, password: 'member-password-1' })).body.user
        .role,
    ).toBe('member');
    expect((await member.post('/api/clients', moroccanClient())).status).toBe(201);
    expect(
      (
        await member.post('/api/accounting-software/configs', {
          label: 'Inline',
          product: 'odoo',
          deliveryMethod: 'export',
          exportFormat: 'xlsx',
          exportFrequency: 'weekly',
        })
      ).status,
    ).toBe(201);
    const forbidden = await member.post(`/api/accounting-software/configs/${config.body.id}/default`);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('forbidden');
    expect((await member.get('/api/accounting-software/configs')).body).toHaveLength(2);
  });
});
