import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { moroccanClient } from './support/clients';
import { ApiClient, createHttpApp, testConfig } from './support/test-app';

/**
 * Issue 8: lists sort the way people read them — names and cities in French order whatever the accents,
 * countries by their name in the user's language, statuses in lifecycle order — with and without a
 * search term (two different query paths), across pages.
 */
describe('clients list order (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let firm: ApiClient;
  const ids = new Map<string, string>();

  // name, country, postal code, city, status (set directly: invitations do not exist yet)
  const CLIENTS = [
    ['Zeta Transports', 'ES', '08001', 'Tunis', 'invited'],
    ['Épicerie du Rif', 'MA', '93000', 'Tétouan', 'invitation_failed'],
    ['Alpha Conseil', 'DE', '10115', 'Berlin', 'deactivated'],
    ['Électricité Générale', 'BE', '1000', 'Bruxelles', 'not_invited'],
    ['Boulangerie Ivoire', 'CI', '01 BP 1234', 'Abidjan', 'active'],
  ] as const;

  beforeAll(async () => {
    app = await createHttpApp(testConfig({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
    firm = await new ApiClient(app).init();
    await firm.signup({ language: 'fr' });
    for (const [name, country, postalCode, city] of CLIENTS) {
      const body = moroccanClient({ name, country, postalCode, city, contactName: 'Salma Benali' });
      const res = await firm.post('/api/clients', country === 'MA' ? body : { ...body, ice: '', taxId: '' });
      if (res.status !== 201) throw new Error(`create ${name}: ${res.status} ${JSON.stringify(res.body)}`);
      ids.set(name, res.body.client.id);
    }
    const db = new Client({ connectionString: process.env['INT_DATABASE_URL'] });
    await db.connect();
    try {
      for (const [name, , , , status] of CLIENTS)
        await db.query('UPDATE client SET status = $1 WHERE id = $2', [status, ids.get(name)]);
    } finally {
      await db.end();
    }
  });

  afterAll(async () => {
    await app.close();
  });

  async function names(query: string): Promise<string[]> {
    const res = await firm.get(`/api/clients?${query}`);
    expect(res.status).toBe(200);
    return (res.body.items as { name: string }[]).map((client) => client.name);
  }

  async function cities(query: string): Promise<string[]> {
    const res = await firm.get(`/api/clients?${query}`);
    return (res.body.items as { city: string }[]).map((client) => client.city);
  }

  const BY_NAME = [
    'Alpha Conseil',
    'Boulangerie Ivoire',
    'Électricité Générale',
    'Épicerie du Rif',
    'Zeta Transports',
  ];

  it.each([
    ['without a search term', ''],
    ['with a search term', 'q=benali&'],
  ])('sorts names in French order, ignoring accents, %s', async (_, search) => {
    expect(await names(`${search}sort=name`)).toEqual(BY_NAME);
    expect(await names(`${search}sort=name&order=desc`)).toEqual([...BY_NAME].reverse());
    expect(await names(`${search}sort=name&pageSize=2&page=2`)).toEqual(BY_NAME.slice(2, 4));
  });

  it.each([
    ['without a search term', ''],
    ['with a search term', 'q=benali&'],
  ])('sorts cities the same way (Tétouan before Tunis) %s', async (_, search) => {
    const ascending = ['Abidjan', 'Berlin', 'Bruxelles', 'Tétouan', 'Tunis'];
    expect(await cities(`${search}sort=city`)).toEqual(ascending);
    expect(await cities(`${search}sort=city&order=desc`)).toEqual([...ascending].reverse());
  });

  it.each([
    ['without a search term', ''],
    ['with a search term', 'q=benali&'],
  ])('sorts countries by their name in the user’s language %s', async (_, search) => {
    // Allemagne, Belgique, Côte d’Ivoire, Espagne, Maroc — not DE/BE/CI/ES/MA's code order.
    const french = [
      'Alpha Conseil',
      'Électricité Générale',
      'Boulangerie Ivoire',
      'Zeta Transports',
      'Épicerie du Rif',
    ];
    expect(await names(`${search}sort=country`)).toEqual(french);
    expect(await names(`${search}sort=country&order=desc`)).toEqual([...french].reverse());
    expect(await names(`${search}sort=country&pageSize=2&page=2`)).toEqual(french.slice(2, 4));
    expect(await names(`${search}sort=country&country=MA,DE,BE`)).toEqual([
      'Alpha Conseil',
      'Électricité Générale',
      'Épicerie du Rif',
    ]);
  });

  it('sorts countries by their English names for a user who reads English, page by page', async () => {
    const reader = await new ApiClient(app, 'fr').init();
    await reader.signup({ language: 'en' });
    for (const [name, country, postalCode] of [
      ['Sahara Export', 'ES', '28001'],
      ['Atlas Import', 'DE', '10115'],
      ['Cèdre Trading', 'MA', '20250'],
      ['Zellige Art', 'MA', '30000'],
      ['Argan Bio', 'MA', '80000'],
    ] as const) {
      const body = moroccanClient({ name, country, postalCode });
      const res = await reader.post(
        '/api/clients',
        country === 'MA' ? body : { ...body, ice: '', taxId: '' },
      );
      expect(res.status).toBe(201);
    }
    const list = async (query: string) =>
      ((await reader.get(`/api/clients?${query}`)).body.items as { name: string }[]).map((c) => c.name);
    // Germany, Morocco, Spain (in French: Allemagne, Espagne, Maroc); by name inside a country.
    const english = ['Atlas Import', 'Argan Bio', 'Cèdre Trading', 'Zellige Art', 'Sahara Export'];
    for (const search of ['', 'q=benjelloun&']) {
      expect(await list(`${search}sort=country`)).toEqual(english);
      // A page that starts inside one country's clients and one that spans two countries.
      expect(await list(`${search}sort=country&pageSize=2&page=2`)).toEqual(english.slice(2, 4));
      expect(await list(`${search}sort=country&pageSize=3&page=2`)).toEqual(english.slice(3));
      expect(await list(`${search}sort=country&order=desc&pageSize=2&page=2`)).toEqual([
        'Cèdre Trading',
        'Argan Bio',
      ]);
      expect(await list(`${search}sort=country&pageSize=2&page=4`)).toEqual([]);
    }
  });

  it.each([
    ['without a search term', ''],
    ['with a search term', 'q=benali&'],
  ])('sorts statuses in lifecycle order %s', async (_, search) => {
    const lifecycle = [
      'Électricité Générale', // not_invited
      'Zeta Transports', // invited
      'Boulangerie Ivoire', // active
      'Épicerie du Rif', // invitation_failed
      'Alpha Conseil', // deactivated
    ];
    expect(await names(`${search}sort=status`)).toEqual(lifecycle);
    expect(await names(`${search}sort=status&order=desc`)).toEqual([...lifecycle].reverse());
    expect(await names(`${search}sort=status&status=active,not_invited`)).toEqual([
      'Électricité Générale',
      'Boulangerie Ivoire',
    ]);
    const page = await firm.get(`/api/clients?${search}sort=status&pageSize=2&page=3`);
    expect(page.body).toMatchObject({ total: 5, page: 3, pageSize: 2 });
    expect((page.body.items as { name: string }[]).map((c) => c.name)).toEqual(['Alpha Conseil']);
  });

  it('keeps the sort keys right after an edit (generated from the stored name and city)', async () => {
    const id = ids.get('Alpha Conseil') as string;
    // The stored version goes back with the edit (optimistic concurrency), when the API has one.
    const { version } = (await firm.get(`/api/clients/${id}`)).body as { version?: number };
    const renamed = await firm.patch(`/api/clients/${id}`, { name: 'Œuvre Alpha', version });
    expect(renamed.status).toBe(200);
    const expected = [
      'Boulangerie Ivoire',
      'Électricité Générale',
      'Épicerie du Rif',
      'Œuvre Alpha',
      'Zeta Transports',
    ];
    expect(await names('sort=name')).toEqual(expected);
    expect(await names('q=benali&sort=name')).toEqual(expected);
  });
});
