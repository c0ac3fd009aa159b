import type { NestExpressApplication } from '@nestjs/platform-express';
import { CLIENT_STATUSES } from '@passerelle/domain-client';
import { lookupKey } from '@passerelle/domain-validators';
import { Client } from 'pg';
import { countriesByName } from '../src/app/clients/list-order';
import { COUNT_LIMIT, SEARCH_COUNT_LIMIT } from '../src/app/clients/list-total';
import { ApiClient, createHttpApp, testConfig } from './support/test-app';

/**
 * Issue 15: a firm with more clients than the count limit. Every query path — the capped count, the search
 * counted and sorted in client_search_page(), a common term read in sort order from the client table, ranked
 * sorts with and without per-value counts — must return the page a plain "sort everything" query gives, with a
 * total that says when it is a lower bound, and never a row of another firm.
 */
describe('client lists beyond the count limit (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let db: Client;
  let big: ApiClient;
  let other: ApiClient;
  let bigFirm: string;
  let otherFirm: string;

  const CLIENTS = 10_300; // every 100th archived: 10,197 active ones, more than COUNT_LIMIT
  const ACTIVE = CLIENTS - Math.ceil(CLIENTS / 100);
  const WORDS = ['Électricité', 'Zeta', 'Atlas', 'Épicerie', 'Œuvre', 'Boulangerie', 'Cèdre'];
  const COUNTRIES = ['MA', 'FR', 'BE', 'DE', 'CI'];

  /** Clients first..last of a firm, set-based; client_search filled as imports do. */
  async function generate(firmId: string, first: number, last: number): Promise<void> {
    await db.query('BEGIN');
    await db.query(`SELECT set_config('app.bulk_client_insert', 'on', true)`);
    await db.query(
      `INSERT INTO client (firm_id, name, address, postal_code, city, country, tax_id, language, contact_name,
                           contact_language, contact_email, share_documents, status, search_text, archived_at,
                           created_at, updated_at)
       SELECT $1, w.word || ' Société ' || i, '1, rue de Fès', '20000', 'Ville ' || (i % 13), ($5::text[])[1 + i % 5],
              (1000000 + i)::text, 'fr', 'Contact ' || i, 'fr', 'c' || i || '@client.ma', i % 4 = 0,
              ($6::text[])[1 + i % 6],
              concat_ws(' ', w.word_key || 'societe' || i, 'contact' || i, 'c' || i || 'clientma', 'ville' || (i % 13)),
              CASE WHEN i % 100 = 0 THEN now() END, now() - i * interval '1 minute', now() - (i * 7 % 1000) * interval '1 second'
         FROM generate_series($2::int, $3::int) i
         CROSS JOIN LATERAL (SELECT ($4::text[])[1 + i % 7] AS word, ($7::text[])[1 + i % 7] AS word_key) w`,
      [firmId, first, last, WORDS, COUNTRIES, CLIENT_STATUSES, WORDS.map(lookupKey)],
    );
    await db.query(
      `INSERT INTO client_search (client_id, firm_id, search_text, name_key, city_key, country, status, share_documents,
                                  accounting_software_id, archived, created_at, updated_at)
       SELECT c.id, c.firm_id, c.search_text, c.name_sort, c.city_sort, c.country, c.status, c.share_documents,
              c.accounting_software_id, c.archived_at IS NOT NULL, c.created_at, c.updated_at
         FROM client c WHERE c.firm_id = $1`,
      [firmId],
    );
    await db.query('COMMIT');
    await db.query('ANALYZE client');
    await db.query('ANALYZE client_search');
  }

  beforeAll(async () => {
    app = await createHttpApp(testConfig({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
    db = new Client({ connectionString: process.env['INT_DATABASE_URL'] });
    await db.connect();
    big = await new ApiClient(app).init();
    bigFirm = (await big.signup()).me.firm.id;
    other = await new ApiClient(app).init();
    otherFirm = (await other.signup()).me.firm.id;
    await generate(bigFirm, 1, CLIENTS);
    await generate(otherFirm, CLIENTS + 1, CLIENTS + 30);
  }, 120_000);

  afterAll(async () => {
    await db.end();
    await app.close();
  });

  interface Reference {
    where?: string;
    order: string;
    offset?: number;
    params?: unknown[];
  }

  /** The names a query that sorts every active client of the big firm gives. */
  async function reference({ where, order, offset = 0, params = [] }: Reference): Promise<string[]> {
    const rows: { name: string }[] = (
      await db.query(
        `SELECT name FROM client WHERE firm_id = $1 AND archived_at IS NULL ${where ? `AND ${where}` : ''}
          ORDER BY ${order} OFFSET ${offset} LIMIT 25`,
        [bigFirm, ...params],
      )
    ).rows;
    return rows.map((row) => row.name);
  }

  async function list(query: string) {
    const res = await big.get(`/api/clients?${query}`);
    expect(res.status).toBe(200);
    return {
      names: (res.body.items as { name: string }[]).map((client) => client.name),
      total: res.body.total as number,
      totalCapped: res.body.totalCapped as boolean,
    };
  }

  const STATUS_RANK = `array_position($2::text[], status::text)`;
  const COUNTRY_RANK = `array_position($2::text[], country::text)`;

  it('says "more than COUNT_LIMIT" instead of counting every client, and pages in name order', async () => {
    expect(COUNT_LIMIT).toBe(10_000);
    expect(await list('')).toEqual({
      names: await reference({ order: 'name_sort, id' }),
      total: 10_000,
      totalCapped: true,
    });
    expect((await list('sort=name&order=desc&page=3')).names).toEqual(
      await reference({ order: 'name_sort DESC, id DESC', offset: 50 }),
    );
  });

  it('counts further on deeper pages, exactly once the end is within reach', async () => {
    // Page 400 ends at row 10,000: its total is counted up to 20,000, which covers the 10,197 clients.
    expect(await list('page=400')).toEqual({
      names: await reference({ order: 'name_sort, id', offset: 9975 }),
      total: ACTIVE,
      totalCapped: false,
    });
    expect(await list('page=409')).toEqual({ names: [], total: ACTIVE, totalCapped: false });
  });

  it('sorts by last change (newest first) and creation', async () => {
    expect((await list('sort=updatedAt&order=desc&page=2')).names).toEqual(
      await reference({ order: 'updated_at DESC, id DESC', offset: 25 }),
    );
    expect((await list('sort=createdAt&page=7')).names).toEqual(
      await reference({ order: 'created_at, id', offset: 150 }),
    );
  });

  it('sorts by status in lifecycle order and by country name, without per-value counts beyond the limit', async () => {
    const statuses = [...CLIENT_STATUSES];
    for (const [query, order, offset] of [
      ['sort=status', `${STATUS_RANK}, name_sort, id`, 0],
      ['sort=status&order=desc&page=90', `${STATUS_RANK} DESC, name_sort DESC, id DESC`, 2225],
    ] as const) {
      const page = await list(query);
      expect(page).toEqual({
        names: await reference({ order, offset, params: [statuses] }),
        total: 10_000,
        totalCapped: true,
      });
    }
    const countries = [...countriesByName('fr')];
    for (const [query, offset] of [
      ['sort=country', 0],
      ['sort=country&page=85', 2100],
    ] as const) {
      expect((await list(query)).names).toEqual(
        await reference({ order: `${COUNTRY_RANK}, name_sort, id`, offset, params: [countries] }),
      );
    }
    // Filtered below the limit: exact per-value counts, a page spanning two statuses.
    const shared = await list('shareDocuments=true&sort=status&order=desc&page=18');
    expect(shared).toEqual({
      names: await reference({
        where: 'share_documents',
        order: `${STATUS_RANK} DESC, name_sort DESC, id DESC`,
        offset: 425,
        params: [statuses],
      }),
      total: (
        await db.query(
          `SELECT count(*)::int AS n FROM client WHERE firm_id = $1 AND archived_at IS NULL AND share_documents`,
          [bigFirm],
        )
      ).rows[0].n,
      totalCapped: false,
    });
  });

  it('reads the sharing clients of a status from their own index, not every client of the status', async () => {
    await db.query('BEGIN');
    try {
      await db.query(`SET LOCAL enable_seqscan = off`);
      const plan: { 'QUERY PLAN': string }[] = (
        await db.query(
          `EXPLAIN SELECT c.id FROM client c
            WHERE c.firm_id = $1 AND c.archived_at IS NULL AND c.share_documents = true AND c.status = 'active'
            ORDER BY c.name_sort DESC, c.id DESC LIMIT 25`,
          [bigFirm],
        )
      ).rows;
      expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain('client_firm_sharing_status_idx');
    } finally {
      await db.query('ROLLBACK');
    }
  });

  it('reads a term too common to sort every match in sort order, with a capped total', async () => {
    const like = `search_text LIKE '%societe%'`;
    expect(SEARCH_COUNT_LIMIT).toBe(1000);
    expect(await list('q=soci%C3%A9t%C3%A9')).toEqual({
      names: await reference({ where: like, order: 'name_sort, id' }),
      total: 1000,
      totalCapped: true,
    });
    expect((await list('q=societe&sort=city&order=desc&page=3')).names).toEqual(
      await reference({ where: like, order: 'city_sort DESC, name_sort DESC, id DESC', offset: 50 }),
    );
    expect((await list('q=societe&sort=country&page=2')).names).toEqual(
      await reference({
        where: like,
        order: `${COUNTRY_RANK}, name_sort, id`,
        offset: 25,
        params: [[...countriesByName('fr')]],
      }),
    );
    expect((await list('q=societe&sort=status&order=desc')).names).toEqual(
      await reference({
        where: like,
        order: `${STATUS_RANK} DESC, name_sort DESC, id DESC`,
        params: [[...CLIENT_STATUSES]],
      }),
    );
  });

  it('sorts the matches of a common term that all sort late, instead of walking the index to them', async () => {
    // "Zeta…" comes last by name: the first 2,250 entries of the name index hold none of its 1,471 clients.
    const like = `search_text LIKE '%zeta%'`;
    for (const [query, order, offset] of [
      ['q=zeta', 'name_sort, id', 0],
      ['q=zeta&page=3', 'name_sort, id', 50],
      ['q=zeta&order=desc&sort=name', 'name_sort DESC, id DESC', 0],
      ['q=zeta&sort=createdAt&page=2', 'created_at, id', 25],
    ] as const) {
      expect(await list(query)).toEqual({
        names: await reference({ where: like, order, offset }),
        total: 1000,
        totalCapped: true,
      });
    }
  });

  it('finds a term of two letters (no trigram) by testing each of the firm’s rows, common or rare', async () => {
    const common = `search_text LIKE '%ze%'`;
    expect(await list('q=ze&page=2')).toEqual({
      names: await reference({ where: common, order: 'name_sort, id', offset: 25 }),
      total: 1000,
      totalCapped: true,
    });
    const rare = `search_text LIKE '%99%'`;
    const expected = (
      await db.query(
        `SELECT count(*)::int AS n FROM client WHERE firm_id = $1 AND archived_at IS NULL AND ${rare}`,
        [bigFirm],
      )
    ).rows[0].n;
    expect(expected).toBeLessThan(SEARCH_COUNT_LIMIT);
    expect(await list('q=99&sort=city&order=desc')).toEqual({
      names: await reference({ where: rare, order: 'city_sort DESC, name_sort DESC, id DESC' }),
      total: expected,
      totalCapped: false,
    });
    // Past the last page: no client, and still the total.
    expect(await list('q=99&page=40')).toEqual({ names: [], total: expected, totalCapped: false });
    expect(await list('q=zzqx')).toEqual({ names: [], total: 0, totalCapped: false });
  });

  it('counts and sorts a term with fewer matches than the limit exactly, whatever the sort', async () => {
    // "Zeta Société 1…": Zeta clients whose number starts with 1.
    const like = `search_text LIKE '%zetasociete1%'`;
    const expected = (
      await db.query(
        `SELECT count(*)::int AS n FROM client WHERE firm_id = $1 AND archived_at IS NULL AND ${like}`,
        [bigFirm],
      )
    ).rows[0].n;
    expect(expected).toBe(199);
    const q = `q=${encodeURIComponent('Zeta Société 1')}`;
    expect(await list(`${q}&page=2`)).toEqual({
      names: await reference({ where: like, order: 'name_sort, id', offset: 25 }),
      total: expected,
      totalCapped: false,
    });
    expect(await list(`${q}&sort=city&page=9`)).toEqual({ names: [], total: expected, totalCapped: false });
    expect((await list(`${q}&sort=status&order=desc&page=3`)).names).toEqual(
      await reference({
        where: like,
        order: `${STATUS_RANK} DESC, name_sort DESC, id DESC`,
        offset: 50,
        params: [[...CLIENT_STATUSES]],
      }),
    );
    expect((await list(`${q}&sort=country&order=desc&page=2`)).names).toEqual(
      await reference({
        where: like,
        order: `${COUNTRY_RANK} DESC, name_sort DESC, id DESC`,
        offset: 25,
        params: [[...countriesByName('fr')]],
      }),
    );
  });

  it('counts a search further on deeper pages: "atlas" is more than 1,000 on page 2, 1,457 on page 59', async () => {
    const like = `search_text LIKE '%atlas%'`;
    expect(await list('q=Atlas&page=2')).toEqual({
      names: await reference({ where: like, order: 'name_sort, id', offset: 25 }),
      total: 1000,
      totalCapped: true,
    });
    expect((await list('q=atlas&sort=status&order=desc&page=3')).names).toEqual(
      await reference({
        where: like,
        order: `${STATUS_RANK} DESC, name_sort DESC, id DESC`,
        offset: 50,
        params: [[...CLIENT_STATUSES]],
      }),
    );
    // Page 59 ends on row 1,475: counted up to 2,000, which covers all 1,457.
    expect(await list('q=atlas&page=59')).toEqual({
      names: await reference({ where: like, order: 'name_sort, id', offset: 1450 }),
      total: 1457,
      totalCapped: false,
    });
    expect(await list('q=atlas&page=60')).toEqual({ names: [], total: 1457, totalCapped: false });
  });

  it('reads the next page from the previous page’s cursor, in every capped path', async () => {
    const like = `search_text LIKE '%societe%'`;
    const statuses = [...CLIENT_STATUSES];
    for (const [query, page, reference$, total] of [
      ['sort=name', 2, () => reference({ order: 'name_sort, id', offset: 25 }), 10_000],
      [
        'sort=createdAt&order=desc',
        2,
        () => reference({ order: 'created_at DESC, id DESC', offset: 25 }),
        10_000,
      ],
      [
        'q=societe&sort=city&order=desc',
        2,
        () => reference({ where: like, order: 'city_sort DESC, name_sort DESC, id DESC', offset: 25 }),
        1000,
      ],
      // "deactivated" holds 1,716 clients: page 69 starts in it and ends in "invitation_expired".
      [
        'sort=status&order=desc',
        69,
        () =>
          reference({
            order: `${STATUS_RANK} DESC, name_sort DESC, id DESC`,
            offset: 1700,
            params: [statuses],
          }),
        10_000,
      ],
      [
        'q=societe&sort=status',
        2,
        () =>
          reference({ where: like, order: `${STATUS_RANK}, name_sort, id`, offset: 25, params: [statuses] }),
        1000,
      ],
    ] as const) {
      const previous = await big.get(`/api/clients?${query}&page=${page - 1}`);
      expect(typeof previous.body.nextCursor).toBe('string');
      const next = await list(`${query}&page=${page}&after=${encodeURIComponent(previous.body.nextCursor)}`);
      expect(next).toEqual({ names: await reference$(), total, totalCapped: true });
    }
  });

  it('agrees page by page whether pages are read by cursor or by number, even when every date ties', async () => {
    // 1,100 clients created in one statement: one created_at, so only the id orders them (the search's total
    // is capped at 1,000, so early pages walk the index by cursor and later ones are counted and offset).
    const tied = await new ApiClient(app).init();
    const firmId = (await tied.signup()).me.firm.id;
    await db.query('BEGIN');
    await db.query(`SELECT set_config('app.bulk_client_insert', 'on', true)`);
    await db.query(
      `INSERT INTO client (firm_id, name, address, postal_code, city, country, tax_id, language, contact_name,
                           contact_language, status, search_text)
       SELECT $1, 'Tie ' || i, '1, rue de Fès', '20000', 'Fès', 'MA', (2000000 + i)::text, 'fr', 'Contact',
              'fr', 'not_invited', 'tiesociete' || i
         FROM generate_series(1, 1100) i`,
      [firmId],
    );
    await db.query(
      `INSERT INTO client_search (client_id, firm_id, search_text, name_key, city_key, country, status, share_documents,
                                  accounting_software_id, archived, created_at, updated_at)
       SELECT c.id, c.firm_id, c.search_text, c.name_sort, c.city_sort, c.country, c.status, c.share_documents,
              c.accounting_software_id, false, c.created_at, c.updated_at FROM client c WHERE c.firm_id = $1`,
      [firmId],
    );
    await db.query('COMMIT');
    const expected = (
      await db.query(`SELECT id FROM client WHERE firm_id = $1 ORDER BY created_at, id`, [firmId])
    ).rows.map((row: { id: string }) => row.id);
    const byCursor: string[] = [];
    const byNumber: string[] = [];
    let after: string | null = null;
    for (let page = 1; page <= 6; page++) {
      const base = `/api/clients?q=tiesociete&sort=createdAt&pageSize=200&page=${page}`;
      const cursorPage = await tied.get(after ? `${base}&after=${encodeURIComponent(after)}` : base);
      const numberPage = await tied.get(base);
      byCursor.push(...cursorPage.body.items.map((c: { id: string }) => c.id));
      byNumber.push(...numberPage.body.items.map((c: { id: string }) => c.id));
      after = cursorPage.body.nextCursor;
    }
    expect(byCursor).toEqual(expected);
    expect(byNumber).toEqual(expected);
  });

  it('refuses a cursor that is not one, or was made for another sort', async () => {
    const first = await big.get('/api/clients?sort=name');
    for (const query of [
      'sort=name&page=2&after=not-a-cursor',
      `sort=city&page=2&after=${encodeURIComponent(first.body.nextCursor)}`,
      `sort=name&order=desc&page=2&after=${encodeURIComponent(first.body.nextCursor)}`,
      `sort=name&page=2&after=${Buffer.from(JSON.stringify(['name', 'asc', "x') OR 1=1 --", 'id'])).toString('base64url')}`,
    ]) {
      const res = await big.get(`/api/clients?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.fields.after.code).toBe('invalid_format');
      expect(res.body.fields.after.message).toMatch(/^Curseur de page — /);
    }
    // The last page has no next one.
    const last = await big.get('/api/clients?q=atlas&page=59');
    expect(last.body.items).toHaveLength(7);
    expect(last.body.nextCursor).toBeNull();
  });

  it('lists archived clients from their own index, counted exactly', async () => {
    const page = await list('archived=true&sort=updatedAt&order=desc');
    expect(page.total).toBe(CLIENTS / 100);
    expect(page.totalCapped).toBe(false);
    expect(page.names).toHaveLength(25);
  });

  it('never counts or shows another firm’s clients', async () => {
    const res = await other.get('/api/clients?q=societe');
    expect(res.body).toMatchObject({ total: 30, totalCapped: false });
    const names = (res.body.items as { name: string }[]).map((client) => client.name);
    expect(names).toHaveLength(25);
    for (const name of names) expect(Number(name.split(' ').at(-1))).toBeGreaterThan(CLIENTS);
    const firmOfEveryListed: { firm_id: string }[] = (
      await db.query(`SELECT DISTINCT firm_id FROM client WHERE name = ANY ($1::text[])`, [names])
    ).rows;
    expect(firmOfEveryListed).toEqual([{ firm_id: otherFirm }]);
  });

  it('forgets a deleted client in the search side table', async () => {
    const { rows } = await db.query(
      `SELECT id FROM client WHERE firm_id = $1 AND name LIKE 'Atlas Société %' ORDER BY name LIMIT 1`,
      [otherFirm],
    );
    await db.query('DELETE FROM client WHERE id = $1', [rows[0].id]);
    const left = await db.query('SELECT count(*)::int AS n FROM client_search WHERE client_id = $1', [
      rows[0].id,
    ]);
    expect(left.rows[0].n).toBe(0);
    expect((await other.get('/api/clients?q=societe')).body.total).toBe(29);
  });

  it('has autovacuum visit the client tables after 2 % of their rows changed, not a fifth', async () => {
    const { rows } = await db.query(
      `SELECT relname, reloptions FROM pg_class WHERE relname IN ('client', 'client_search') ORDER BY relname`,
    );
    const settings = [
      'autovacuum_vacuum_scale_factor=0.02',
      'autovacuum_analyze_scale_factor=0.02',
      'autovacuum_vacuum_insert_scale_factor=0.02',
    ];
    expect(rows).toEqual([
      { relname: 'client', reloptions: settings },
      { relname: 'client_search', reloptions: settings },
    ]);
  });
});
