import type { NestExpressApplication } from '@nestjs/platform-express';
import { TestSmtpServer } from '@passerelle/testing';
import { randomBytes } from 'node:crypto';
import type { Client as PgClient } from 'pg';
import { hashPassword } from '../src/app/auth/passwords';
import { InProcessJobQueue } from '../src/app/jobs/in-process-job-queue';
import { ApiClient, createHttpApp, testConfig } from './support/test-app';
import { adminDb, createClient } from './support/invitations';

/**
 * The development outbox (issue 7): with no SMTP server, e-mails are files a person trying Passerelle can
 * open. It needs a signed-in admin, shows only that admin's firm's messages (the listing without the links),
 * and does not exist in production or when SMTP_URL is set.
 */
describe('development outbox', () => {
  let app: NestExpressApplication;
  let db: PgClient;

  beforeAll(async () => {
    app = await createHttpApp(testConfig({ APP_URL: 'http://localhost:4300' }));
    db = await adminDb();
  });

  afterAll(async () => {
    await app?.close();
    await db?.end();
  });

  async function member(firmId: string): Promise<ApiClient> {
    const email = `member-${randomBytes(4).toString('hex')}@cabinet.ma`;
    await db.query(
      `INSERT INTO app_user (firm_id, email, name, password_hash, role) VALUES ($1, $2, 'Comptable', $3, 'member')`,
      [firmId, email, await hashPassword('member-password-1')],
    );
    const client = await new ApiClient(app).init();
    expect((await client.post('/api/auth/login', { email, password: 'member-password-1' })).status).toBe(200);
    return client;
  }

  it("shows an admin their own firm's e-mails, the invitation link only in the message itself", async () => {
    const admin = await new ApiClient(app).init();
    const firm = await admin.signup();
    const client = await createClient(admin);
    expect((await admin.post(`/api/clients/${client.id}/invitations`)).status).toBe(201);
    await app.get(InProcessJobQueue).drain();

    const list = await admin.get('/api/dev/outbox');
    expect(list.status).toBe(200);
    expect(list.body.map((entry: { to: string }) => entry.to).sort()).toEqual(
      [client.email, firm.email].sort(),
    );
    const invitation = list.body.find((entry: { to: string }) => entry.to === client.email);
    expect(invitation).toEqual({
      id: expect.any(String),
      to: client.email,
      subject: `دعوة من ${firm.firmName} للانضمام إلى Passerelle`,
      date: expect.any(String),
    });
    const message = await admin.get(`/api/dev/outbox/${invitation.id}`);
    expect(message.status).toBe(200);
    const token = /\/invitation\/([A-Za-z0-9_-]{43})/.exec(message.body.text)?.[1];
    expect(token).toHaveLength(43);
    expect(message.body.html).toContain(`href="http://localhost:4300/invitation/${token}"`);
    expect(JSON.stringify(list.body)).not.toContain(token);

    // Another firm's admin sees none of it, not even by id.
    const other = await new ApiClient(app).init();
    const otherFirm = await other.signup();
    await app.get(InProcessJobQueue).drain();
    const theirs = await other.get('/api/dev/outbox');
    expect(theirs.body.map((entry: { to: string }) => entry.to)).toEqual([otherFirm.email]);
    expect((await other.get(`/api/dev/outbox/${invitation.id}`)).status).toBe(404);

    // Signed out: 401. A member, or a client user: 403.
    expect((await (await new ApiClient(app).init()).get('/api/dev/outbox')).status).toBe(401);
    const accountant = await member(firm.me.firm.id);
    expect((await accountant.get('/api/dev/outbox')).status).toBe(403);
    expect((await accountant.get(`/api/dev/outbox/${invitation.id}`)).status).toBe(403);
    const visitor = await new ApiClient(app).init();
    expect(
      (
        await visitor.post(`/api/public/invitations/${token}/accept`, {
          name: 'Karim',
          password: 'Marrakech-Souk-2026',
        })
      ).status,
    ).toBe(201);
    expect((await visitor.get('/api/dev/outbox')).status).toBe(403);
  });

  it('does not exist in production or with an SMTP server, whoever asks', async () => {
    const smtp = new TestSmtpServer();
    const smtpUrl = await smtp.start();
    for (const env of [{ NODE_ENV: 'production' }, { SMTP_URL: smtpUrl }] as Record<string, string>[]) {
      const other = await createHttpApp(testConfig(env));
      try {
        const anonymous = await new ApiClient(other).init();
        expect((await anonymous.get('/api/dev/outbox')).status).toBe(404);
        expect((await anonymous.get('/api/dev/outbox/2026-01-01T00-00-00-000Z_abcd0123')).status).toBe(404);
        const admin = await new ApiClient(other).init();
        await admin.signup();
        const res = await admin.get('/api/dev/outbox');
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('not_found');
      } finally {
        await other.close();
      }
    }
    await smtp.stop();
  });
});
