import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { ApiClient, createHttpApp, newFirm, testConfig } from './support/test-app';

describe('accounts (real PostgreSQL)', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await createHttpApp(testConfig({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
  });

  afterAll(async () => {
    await app.close();
  });

  it('signs a firm up, keeps the session, logs out and back in', async () => {
    const client = await new ApiClient(app).init();
    const firm = await client.signup();
    expect(firm.me).toMatchObject({
      user: { email: firm.email, role: 'admin', language: 'fr' },
      firm: { name: firm.firmName },
    });

    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(firm.email);

    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/auth/me')).status).toBe(401);

    const login = await client.post('/api/auth/login', {
      email: firm.email.toUpperCase(),
      password: firm.password,
    });
    expect(login.status).toBe(200);
    expect(login.headers['set-cookie']?.toString()).toMatch(/psl_session=[^;]+;.*HttpOnly;.*SameSite=Lax/i);
    expect((await client.get('/api/auth/me')).body.firm.name).toBe(firm.firmName);
  });

  it('stores only an argon2id hash of the password and a hash of the session token', async () => {
    const client = await new ApiClient(app).init();
    const firm = await client.signup();
    const db = new Client({ connectionString: process.env['INT_DATABASE_URL'] });
    await db.connect();
    try {
      const user = await db.query('SELECT password_hash FROM app_user WHERE email = $1', [firm.email]);
      expect(user.rows[0].password_hash).toMatch(/^\$argon2id\$/);
      expect(user.rows[0].password_hash).not.toContain(firm.password);
      const sessions = await db.query('SELECT token_hash FROM session WHERE user_id = $1', [firm.me.user.id]);
      expect(sessions.rows).toHaveLength(1);
      expect(sessions.rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await db.end();
    }
  });

  it('answers field errors with stable codes and messages in the user language', async () => {
    const fr = await new ApiClient(app, 'fr').init();
    const bad = await fr.post('/api/auth/signup', {
      firmName: '',
      name: 'X',
      email: 'not-an-email',
      password: 'short',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('invalid_request');
    expect(bad.body.fields.firmName.code).toBe('required');
    expect(bad.body.fields.email).toEqual({
      code: 'invalid_email',
      message: 'Adresse e-mail — l’adresse e-mail est invalide',
    });
    expect(bad.body.fields.password).toEqual({
      code: 'password_too_short',
      message: 'Mot de passe — le mot de passe doit contenir au moins 10 caractères',
    });

    const en = await new ApiClient(app, 'en').init();
    const badEn = await en.post('/api/auth/signup', { ...newFirm(), email: 'nope', name: '' });
    expect(badEn.body.fields.email.message).toBe('E-mail address — the e-mail address is invalid');
    // The sign-up form's own label, not the client record's "Client name".
    expect(badEn.body.fields.name.message).toBe('Your name — this field is required');
  });

  it('cleans control characters out of names instead of failing', async () => {
    const client = await new ApiClient(app).init();
    const firm = await client.signup({ firmName: 'Cabinet\u0000 Nul', name: 'Nadia\tAlaoui\u0001' });
    expect(firm.me).toMatchObject({ firm: { name: 'Cabinet Nul' }, user: { name: 'Nadia Alaoui' } });
  });

  it('refuses a second account with the same e-mail, whatever its case', async () => {
    const client = await new ApiClient(app).init();
    const firm = await client.signup();
    const again = await (
      await new ApiClient(app).init()
    ).post('/api/auth/signup', { ...newFirm(), email: firm.email.toUpperCase() });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'email_taken', fields: { email: { code: 'already_exists' } } });
  });

  it('gives the same answer for an unknown e-mail and a wrong password', async () => {
    const client = await new ApiClient(app).init();
    const firm = await client.signup();
    const wrong = await client.post('/api/auth/login', { email: firm.email, password: 'wrong-password-123' });
    const unknown = await client.post('/api/auth/login', {
      email: `x${firm.email}`,
      password: 'wrong-password-123',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('invalid_credentials');
  });

  it('rejects state-changing requests without the CSRF header', async () => {
    const client = await new ApiClient(app).init();
    await client.signup();
    const res = await client.postWithoutCsrfHeader('/api/auth/logout');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('csrf_failed');
    expect((await client.get('/api/auth/me')).status).toBe(200);
  });

  it('rate-limits login attempts', async () => {
    const limitedApp = await createHttpApp(testConfig({ LOGIN_RATE_LIMIT_PER_MINUTE: '5' }));
    const client = await new ApiClient(limitedApp).init();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push(
        (await client.post('/api/auth/login', { email: 'nobody@example.ma', password: 'whatever-123' }))
          .status,
      );
    }
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const limited = await client.post('/api/auth/login', {
      email: 'nobody@example.ma',
      password: 'whatever-123',
    });
    expect(limited.body.code).toBe('rate_limited');
    await limitedApp.close();
  });

  it('remembers the interface language per user', async () => {
    const client = await new ApiClient(app).init();
    const firm = await client.signup();
    const changed = await client.patch('/api/auth/me/preferences', { language: 'en' });
    expect(changed.status).toBe(200);
    expect(changed.body.user.language).toBe('en');
    await client.post('/api/auth/logout');
    const login = await client.post('/api/auth/login', { email: firm.email, password: firm.password });
    expect(login.body.user.language).toBe('en');
    const invalid = await client.patch('/api/auth/me/preferences', { language: 'xx' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.fields.language.code).toBe('invalid_value');
  });

  it('records sign-up and login in the audit trail', async () => {
    const client = await new ApiClient(app).init();
    const firm = await client.signup();
    await client.post('/api/auth/logout');
    await client.post('/api/auth/login', { email: firm.email, password: firm.password });
    const db = new Client({ connectionString: process.env['INT_DATABASE_URL'] });
    await db.connect();
    try {
      const events = await db.query('SELECT action FROM audit_event WHERE firm_id = $1 ORDER BY created_at', [
        firm.me.firm.id,
      ]);
      expect(events.rows.map((r) => r.action)).toEqual([
        'firm.signed_up',
        'user.logged_out',
        'user.logged_in',
      ]);
    } finally {
      await db.end();
    }
  });

  it('hides the development outbox in production', async () => {
    const prod = await createHttpApp(testConfig({ NODE_ENV: 'production' }));
    try {
      expect((await (await new ApiClient(prod).init()).get('/api/dev/outbox')).status).toBe(404);
    } finally {
      await prod.close();
    }
    // In development it exists, for signed-in admins only (outbox.int-spec.ts covers its roles and firms).
    expect((await (await new ApiClient(app).init()).get('/api/dev/outbox')).status).toBe(401);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const client = await new ApiClient(app).init();
    const res = await client.get('/api/nope');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
  });
});
