import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client as PgClient } from 'pg';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import request from 'supertest';
import { TEST_REDIS_URL, uniqueQueuePrefix } from '@passerelle/testing';
import { hashPassword } from '../src/app/auth/passwords';
import { moroccanClient } from './support/clients';
import { ApiClient, createHttpApp, newFirm, testConfig } from './support/test-app';

/** Issue 7: what an attacker or a careful reviewer tried, each answered cleanly. */
describe('hardening (real PostgreSQL)', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await createHttpApp(testConfig({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
  });

  afterAll(async () => {
    await app.close();
  });

  async function admin(language: 'fr' | 'en' = 'fr') {
    const client = await new ApiClient(app, language).init();
    const firm = await client.signup({ language });
    return { client, firm };
  }

  describe('request bodies', () => {
    const keys = (n: number) =>
      JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, 1])));
    // ≈ 0.9 MB: refused for its size (413) before it is even parsed.
    const sixtyThousandKeys = keys(60_000);
    // ≈ 40 KB, within the size limit: refused for its number of keys (400) before validation.
    const fiveThousandKeys = keys(5_000);

    it('refuses bodies of thousands of keys before validation, cheaply, while the API keeps answering', async () => {
      const anonymous = await new ApiClient(app).init();
      const { client } = await admin();
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      const started = Date.now();
      const flood = Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? client : anonymous)
          .post(i % 2 ? '/api/clients' : '/api/auth/login')
          .set('Content-Type', 'application/json')
          .send(i % 4 < 2 ? fiveThousandKeys : sixtyThousandKeys),
      );
      const health = anonymous.get('/api/health').then((res) => ({ res, ms: Date.now() - started }));
      const answers = await Promise.all(flood);
      const probe = await health;
      delay.disable();
      answers.forEach((res, i) => {
        if (i % 4 < 2)
          expect(res.body).toEqual({
            statusCode: 400,
            code: 'invalid_request',
            message: 'La requête contient trop de champs (1000 au maximum).',
          });
        else expect(res.body).toMatchObject({ statusCode: 413, code: 'payload_too_large' });
      });
      expect(probe.res.status).toBe(200);
      // Before the fix one such body blocked the event loop for ≈ 2.3 s and health timed out.
      expect(delay.max / 1e6).toBeLessThan(100);
      expect(probe.ms).toBeLessThan(2000);
    });

    it('refuses 5,000 levels of nesting with a 400, not a stack overflow', async () => {
      const deep = '{"name":' + '['.repeat(5000) + ']'.repeat(5000) + '}';
      const { client } = await admin();
      const res = await client.post('/api/clients').set('Content-Type', 'application/json').send(deep);
      expect(res.status).toBe(400);
      expect(res.body.message).toBe('La requête est imbriquée trop profondément (20 niveaux au maximum).');
    });

    it('echoes at most 50 field problems, with the count of the others', async () => {
      const { client } = await admin('en');
      const body = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`unknown_${i}`, 1]));
      const res = await client.post('/api/clients', body);
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.fields)).toHaveLength(50);
      expect(res.body.omittedFields).toBe(30);
      expect(res.body.fields.unknown_0).toEqual({
        code: 'invalid_value',
        message: 'This value is not accepted',
      });
    });

    it('sizes the JSON limit per route: a client record needs a few KB', async () => {
      const { client } = await admin('en');
      const res = await client.post('/api/clients', moroccanClient({ address: 'x'.repeat(70_000) }));
      expect(res.status).toBe(413);
      expect(res.body).toEqual({
        statusCode: 413,
        code: 'payload_too_large',
        message: 'The request is too large (at most 64 KB).',
      });
    });

    it('answers a compressed body 415 instead of a 500 (gzip that is not gzip, brotli)', async () => {
      const { client } = await admin('en');
      for (const encoding of ['gzip', 'br', 'deflate']) {
        const res = await client
          .post('/api/clients')
          .set('Content-Type', 'application/json')
          .set('Content-Encoding', encoding)
          .send('{"name":"not compressed at all"}');
        expect(res.status).toBe(415);
        expect(res.body.code).toBe('unsupported_encoding');
      }
    });

    it('bounds page numbers with a clear 400 naming the field', async () => {
      const { client } = await admin('en');
      for (const query of ['page=1e21', 'page=1e308', 'q=x&page=85899347', 'pageSize=1000', 'page=0']) {
        const res = await client.get(`/api/clients?${query}`);
        expect(res.status).toBe(400);
        expect(Object.keys(res.body.fields)).toEqual([query.includes('pageSize') ? 'pageSize' : 'page']);
        expect(res.body.fields[query.includes('pageSize') ? 'pageSize' : 'page'].code).toBe('out_of_range');
      }
      const ok = await client.get('/api/clients?q=x&page=100000');
      expect(ok.status).toBe(200);
      expect(ok.body.items).toEqual([]);
      const infinite = await client.get('/api/clients?page=Infinity');
      expect(infinite.body.fields.page.code).toBe('invalid_value');
    });
  });

  describe('free text', () => {
    it('cleans control and bidi-override characters the same way in every DTO', async () => {
      const { client } = await admin();
      const config = await client.post('/api/accounting-software/configs', {
        label: 'Sage\r\n \u202Eprincipal\u0000 ',
        product: 'sage-100',
        deliveryMethod: 'export',
        exportFormat: 'csv',
        exportFrequency: 'monthly',
      });
      expect(config.status).toBe(201);
      expect(config.body.label).toBe('Sage principal');

      const signup = await new ApiClient(app).init();
      const res = await signup.post('/api/auth/signup', { ...newFirm(), name: 'Salma \u202EBennani\u200B' });
      expect(res.status).toBe(201);
      expect(res.body.user.name).toBe('Salma Bennani');
    });
  });

  describe('roles and the firm default', () => {
    async function withMember() {
      const { client, firm } = await admin('en');
      const memberEmail = `member.${firm.email}`;
      const db = new PgClient({ connectionString: process.env['INT_DATABASE_URL'] });
      await db.connect();
      try {
        await db.query(
          `INSERT INTO app_user (firm_id, email, name, password_hash, role) VALUES ($1, $2, 'Comptable', $3, 'member')`,
          [firm.me.firm.id, memberEmail, await hashPassword('member-password-1')],
        );
      } finally {
        await db.end();
      }
      const member = await new ApiClient(app, 'en').init();
      await member.post('/api/auth/login', { email: memberEmail, password: 'member-password-1' });
      return { admin: client, member, firm };
    }

    const config = (label: string, extra: Record<string, unknown> = {}) => ({
      label,
      product: 'odoo',
      deliveryMethod: 'email',
      deliveryEmail: 'factures@odoo.example.ma',
      ...extra,
    });

    it('refuses the default to a member whichever route asks, and audits every change of default', async () => {
      const { admin: owner, member, firm } = await withMember();
      const first = await owner.post('/api/accounting-software/configs', config('Odoo'));
      expect(first.body.isDefault).toBe(true);

      const sneaky = await member.post(
        '/api/accounting-software/configs',
        config('Odoo 2', { isDefault: true }),
      );
      expect(sneaky.status).toBe(403);
      expect(sneaky.body.code).toBe('forbidden');
      const plain = await member.post('/api/accounting-software/configs', config('Odoo 3'));
      expect(plain.status).toBe(201);
      expect(plain.body.isDefault).toBe(false);

      const configs = await owner.get('/api/accounting-software/configs');
      expect(
        configs.body.filter((c: { isDefault: boolean }) => c.isDefault).map((c: { id: string }) => c.id),
      ).toEqual([first.body.id]);
      expect((await owner.post(`/api/accounting-software/configs/${plain.body.id}/default`)).status).toBe(
        200,
      );

      const db = new PgClient({ connectionString: process.env['INT_DATABASE_URL'] });
      await db.connect();
      try {
        const { rows } = await db.query(
          `SELECT target_id FROM audit_event WHERE firm_id = $1 AND action = 'accounting_software.default_changed' ORDER BY created_at`,
          [firm.me.firm.id],
        );
        expect(rows.map((row) => row.target_id)).toEqual([first.body.id, plain.body.id]);
      } finally {
        await db.end();
      }
    });

    it('checks the product against the delivery methods of the catalogue', async () => {
      const { client } = await admin('en');
      const pennylaneExport = await client.post('/api/accounting-software/configs', {
        label: 'Pennylane',
        product: 'pennylane',
        deliveryMethod: 'export',
        exportFormat: 'csv',
        exportFrequency: 'monthly',
      });
      expect(pennylaneExport.status).toBe(400);
      expect(pennylaneExport.body.fields).toEqual({
        deliveryMethod: {
          code: 'unsupported_product_delivery',
          message: 'Delivery method — this software does not take documents this way (possible: email)',
        },
      });
      const cielEmail = await client.post(
        '/api/accounting-software/configs',
        config('Ciel', { product: 'ciel-compta' }),
      );
      expect(cielEmail.body.fields.deliveryMethod.code).toBe('unsupported_product_delivery');
    });

    it('makes concurrent "first configuration" and "set default" race-free', async () => {
      const { client } = await admin('en');
      const created = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          client.post('/api/accounting-software/configs', config(`Odoo ${i}`)),
        ),
      );
      expect(created.map((res) => res.status)).toEqual(Array(8).fill(201));
      expect(created.filter((res) => res.body.isDefault)).toHaveLength(1);

      const switched = await Promise.all(
        created.map((res) => client.post(`/api/accounting-software/configs/${res.body.id}/default`)),
      );
      expect(switched.map((res) => res.status)).toEqual(Array(8).fill(200));
      const configs = await client.get('/api/accounting-software/configs');
      expect(configs.body.filter((c: { isDefault: boolean }) => c.isDefault)).toHaveLength(1);
    });
  });

  describe('concurrent edits of a client', () => {
    it('refuses an edit made on a stale copy with 409 edit_conflict, by version field or If-Match', async () => {
      const { client } = await admin('en');
      const created = (await client.post('/api/clients', moroccanClient())).body.client;
      expect(created.version).toBe(1);
      const got = await client.get(`/api/clients/${created.id}`);
      expect(got.headers['etag']).toBe('"1"');

      const first = await client.patch(`/api/clients/${created.id}`, {
        city: 'Rabat',
        postalCode: '10000',
        version: 1,
      });
      expect(first.status).toBe(200);
      expect(first.body.client.version).toBe(2);

      // A second editor still holding version 1 changes another field: refused, nothing lost.
      const stale = await client.patch(`/api/clients/${created.id}`, { contactName: 'Autre', version: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body).toEqual({
        statusCode: 409,
        code: 'edit_conflict',
        message:
          'Someone changed this record in the meantime: reload it to see their changes, then make yours again.',
      });
      const staleHeader = await client
        .patch(`/api/clients/${created.id}`)
        .set('If-Match', '"1"')
        .send({ contactName: 'Autre' });
      expect(staleHeader.status).toBe(409);
      const fresh = await client
        .patch(`/api/clients/${created.id}`)
        .set('If-Match', '"2"')
        .send({ contactName: 'Autre' });
      expect(fresh.status).toBe(200);
      expect(fresh.body.client).toMatchObject({ city: 'Rabat', contactName: 'Autre', version: 3 });
    });

    it('never loses one of two concurrent edits of different fields', async () => {
      const { client } = await admin('en');
      const created = (await client.post('/api/clients', moroccanClient())).body.client;
      const [a, b] = await Promise.all([
        client.patch(`/api/clients/${created.id}`, { city: 'Tanger', postalCode: '90000', version: 1 }),
        client.patch(`/api/clients/${created.id}`, { contactName: 'Nadia', version: 1 }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const stored = (await client.get(`/api/clients/${created.id}`)).body;
      expect(stored.version).toBe(2);
      expect(a.status === 200 ? stored.city : stored.contactName).toBe(a.status === 200 ? 'Tanger' : 'Nadia');
    });
  });

  describe('accounts', () => {
    it('refuses common and one-character passwords, saying why', async () => {
      const client = await new ApiClient(app, 'en').init();
      const common = await client.post('/api/auth/signup', { ...newFirm(), password: 'Password123' });
      expect(common.status).toBe(400);
      expect(common.body.fields.password).toEqual({
        code: 'password_too_common',
        message: 'Password — this password appears in lists of common passwords: choose another one',
      });
      const repeated = await client.post('/api/auth/signup', { ...newFirm(), password: 'aaaaaaaaaaaa' });
      expect(repeated.body.fields.password.code).toBe('password_repeated');
    });

    it('rotates the CSRF token at sign-in, lists sessions and ends them', async () => {
      const laptop = await new ApiClient(app, 'en').init();
      const before = await laptop.get('/api/health');
      const xsrfBefore = cookie(before, 'XSRF-TOKEN') ?? '';
      const firm = newFirm();
      const signup = await laptop.post('/api/auth/signup', firm).set('User-Agent', 'Laptop browser');
      const rotated = cookie(signup, 'XSRF-TOKEN');
      expect(rotated).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(rotated).not.toBe(xsrfBefore);

      const phone = await new ApiClient(app, 'en').init();
      await phone
        .post('/api/auth/login', { email: firm.email, password: firm.password })
        .set('User-Agent', 'Phone browser');
      const listed = await laptop.get('/api/auth/sessions');
      expect(
        listed.body.map((s: { userAgent: string; current: boolean }) => [s.userAgent, s.current]).sort(),
      ).toEqual([
        ['Laptop browser', true],
        ['Phone browser', false],
      ]);
      const phoneSession = listed.body.find((s: { current: boolean }) => !s.current);

      const stranger = await admin('en');
      expect((await stranger.client.delete(`/api/auth/sessions/${phoneSession.id}`)).status).toBe(404);
      expect((await laptop.delete(`/api/auth/sessions/${phoneSession.id}`)).status).toBe(204);
      expect((await phone.get('/api/auth/me')).status).toBe(401);

      await phone.post('/api/auth/login', { email: firm.email, password: firm.password });
      const ended = await laptop.post('/api/auth/sessions/end-others');
      expect(ended.body).toEqual({ ended: 1 });
      expect((await phone.get('/api/auth/me')).status).toBe(401);
      expect((await laptop.get('/api/auth/me')).status).toBe(200);
    });
  });

  describe('headers', () => {
    it('sends a CSP without inline scripts, Permissions-Policy, and no HSTS over http', async () => {
      const res = await request(app.getHttpServer()).get('/api/health');
      const csp = res.headers['content-security-policy'];
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers['permissions-policy']).toContain('camera=()');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    });

    it('sends HSTS when the public URL is https', async () => {
      const https = await createHttpApp(testConfig({ APP_URL: 'https://passerelle.example.ma' }));
      try {
        const res = await request(https.getHttpServer()).get('/api/health');
        expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      } finally {
        await https.close();
      }
    });

    it('answers 429 with the standard Retry-After header', async () => {
      const limited = await createHttpApp(testConfig({ LOGIN_RATE_LIMIT_PER_MINUTE: '2' }));
      try {
        const client = await new ApiClient(limited, 'en').init();
        const login = () =>
          client.post('/api/auth/login', { email: 'nobody@example.ma', password: 'whatever-123' });
        await login();
        await login();
        const res = await login();
        expect(res.status).toBe(429);
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
        expect(res.body.message).toBe(
          `Too many attempts. Try again in ${res.headers['retry-after']} seconds.`,
        );
      } finally {
        await limited.close();
      }
    });
  });

  describe('rate limits behind proxies and across processes', () => {
    const attempt = (target: NestExpressApplication, forwardedFor?: string) => {
      const req = request(target.getHttpServer())
        .post('/api/auth/login')
        .set('Cookie', 'XSRF-TOKEN=t')
        .set('X-XSRF-TOKEN', 't');
      if (forwardedFor) req.set('X-Forwarded-For', forwardedFor);
      return req.send({ email: 'nobody@example.ma', password: 'whatever-123' }).then((res) => res.status);
    };

    it('keeps one bucket per client address only when TRUST_PROXY says the proxy is trusted', async () => {
      const proxied = await createHttpApp(testConfig({ LOGIN_RATE_LIMIT_PER_MINUTE: '2', TRUST_PROXY: '1' }));
      const direct = await createHttpApp(testConfig({ LOGIN_RATE_LIMIT_PER_MINUTE: '2' }));
      try {
        expect([await attempt(proxied, '203.0.113.1'), await attempt(proxied, '203.0.113.1')]).toEqual([
          401, 401,
        ]);
        expect(await attempt(proxied, '203.0.113.1')).toBe(429);
        expect(await attempt(proxied, '203.0.113.2')).toBe(401);
        // Without TRUST_PROXY the header is ignored: a client cannot pick a fresh bucket by forging it.
        expect([await attempt(direct, '203.0.113.3'), await attempt(direct, '203.0.113.4')]).toEqual([
          401, 401,
        ]);
        expect(await attempt(direct, '203.0.113.5')).toBe(429);
      } finally {
        await proxied.close();
        await direct.close();
      }
    });

    it('shares the counters between API processes through Redis', async () => {
      const env = {
        LOGIN_RATE_LIMIT_PER_MINUTE: '3',
        REDIS_URL: TEST_REDIS_URL,
        QUEUE_PREFIX: uniqueQueuePrefix(),
      };
      const one = await createHttpApp(testConfig(env));
      const two = await createHttpApp(testConfig(env));
      try {
        expect([await attempt(one), await attempt(two), await attempt(one)]).toEqual([401, 401, 401]);
        expect(await attempt(two)).toBe(429);
      } finally {
        await one.close();
        await two.close();
      }
    });
  });

  describe('API documentation', () => {
    it('lists development routes only where they exist', async () => {
      const dev = await request(app.getHttpServer()).get('/api/docs-json');
      expect(Object.keys(dev.body.paths)).toContain('/api/dev/outbox');
      const prod = await createHttpApp(testConfig({ NODE_ENV: 'production' }));
      try {
        const res = await request(prod.getHttpServer()).get('/api/docs-json');
        expect(res.status).toBe(200);
        expect(Object.keys(res.body.paths)).toContain('/api/clients');
        expect(Object.keys(res.body.paths).filter((path) => path.startsWith('/api/dev/'))).toEqual([]);
      } finally {
        await prod.close();
      }
    });
  });
});

function cookie(res: request.Response, name: string): string | undefined {
  const header = ([] as string[])
    .concat(res.headers['set-cookie'] ?? [])
    .find((c) => c.startsWith(`${name}=`));
  return header?.split(';')[0].slice(name.length + 1);
}
