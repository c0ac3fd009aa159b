import type { NestExpressApplication } from '@nestjs/platform-express';
import { ApiClient, createHttpApp, newFirm, testConfig } from './support/test-app';

/** A signed-in user's own account: profile, password, sessions. */
describe('account (real PostgreSQL)', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await createHttpApp(testConfig({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
  });

  afterAll(async () => {
    await app.close();
  });

  it('changes its own name and interface language', async () => {
    const client = await new ApiClient(app, 'en').init();
    await client.signup({ language: 'en' });
    const res = await client.patch('/api/auth/me', { name: '  Salma \u202EBennani ', language: 'fr' });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ name: 'Salma Bennani', language: 'fr' });
    expect((await client.get('/api/auth/me')).body.user.name).toBe('Salma Bennani');
    const empty = await client.patch('/api/auth/me', { name: '   ' });
    expect(empty.body.fields.name).toEqual({
      code: 'required',
      message: 'Votre nom — ce champ est obligatoire',
    });
  });

  it('changes its password given the current one, ending every other session', async () => {
    const firm = newFirm();
    const laptop = await new ApiClient(app, 'en').init();
    await laptop.post('/api/auth/signup', { ...firm, language: 'en' });
    const phone = await new ApiClient(app, 'en').init();
    await phone.post('/api/auth/login', { email: firm.email, password: firm.password });

    const wrong = await laptop.post('/api/auth/me/password', {
      currentPassword: 'not-the-password',
      newPassword: 'Nouveau-Mot-2026',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.fields).toEqual({
      currentPassword: { code: 'wrong_password', message: 'Current password — the password is wrong' },
    });
    const weak = await laptop.post('/api/auth/me/password', {
      currentPassword: firm.password,
      newPassword: 'qwertyuiop',
    });
    expect(weak.body.fields.newPassword.code).toBe('password_too_common');

    const changed = await laptop.post('/api/auth/me/password', {
      currentPassword: firm.password,
      newPassword: 'Nouveau-Mot-2026',
    });
    expect(changed.status).toBe(204);
    expect((await phone.get('/api/auth/me')).status).toBe(401);
    expect((await laptop.get('/api/auth/me')).status).toBe(200);

    const old = await new ApiClient(app).init();
    expect((await old.post('/api/auth/login', { email: firm.email, password: firm.password })).status).toBe(
      401,
    );
    expect(
      (await old.post('/api/auth/login', { email: firm.email, password: 'Nouveau-Mot-2026' })).status,
    ).toBe(200);
  });
});
