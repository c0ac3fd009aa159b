import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { TEST_REDIS_URL, TestSmtpServer, uniqueQueuePrefix } from '@passerelle/testing';
import type { ParsedMail } from 'mailparser';
import { randomUUID } from 'node:crypto';
import type { Client as PgClient } from 'pg';
import { buildOpenApiDocument } from '../src/http-app';
import { InvitationSweeper } from '../src/app/invitations/invitation-sweeper';
import { ApiClient, createContext, createHttpApp, testConfig } from './support/test-app';
import { adminDb, createClient, insertClients, recipient, tokenOf, waitFor } from './support/invitations';

// http: the test agent would not send the Secure cookies an https APP_URL turns on.
const APP_URL = 'http://app.passerelle.test';

/**
 * Activation end to end on the real services: PostgreSQL, Redis (Bull) with a worker context, and an SMTP
 * peer. The API enqueues; only the worker sends.
 */
describe('invitations', () => {
  const smtp = new TestSmtpServer();
  let env: Record<string, string>;
  let app: NestExpressApplication;
  let worker: INestApplicationContext;
  let db: PgClient;
  let staff: ApiClient;
  let firm: Awaited<ReturnType<ApiClient['signup']>>;

  beforeAll(async () => {
    env = {
      REDIS_URL: TEST_REDIS_URL,
      SMTP_URL: await smtp.start(),
      QUEUE_PREFIX: uniqueQueuePrefix(),
      APP_URL,
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      MAIL_RETRY_BASE_MS: '100',
    };
    app = await createHttpApp(testConfig(env));
    worker = await createContext(testConfig(env), 'worker');
    db = await adminDb();
    staff = await new ApiClient(app).init();
    firm = await staff.signup();
  });

  afterAll(async () => {
    await worker?.close();
    await app?.close();
    await db?.end();
    await smtp.stop();
  });

  const mailTo = (email: string) => smtp.waitFor((mail) => recipient(mail) === email);

  it('invites in French, English and Arabic; the link opens the invitation; accepting signs the client in', async () => {
    const clients = {
      fr: await createClient(staff, { contactLanguage: 'fr' }),
      en: await createClient(staff, { contactLanguage: 'en' }),
      ar: await createClient(staff, { contactLanguage: 'ar' }),
    };
    const invitations: Record<string, { id: string; status: string; email: string; language: string }> = {};
    for (const [lang, client] of Object.entries(clients)) {
      const res = await staff.post(`/api/clients/${client.id}/invitations`);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        clientId: client.id,
        email: client.email,
        status: 'queued',
        language: lang,
      });
      invitations[lang] = res.body;
      expect((await staff.get(`/api/clients/${client.id}`)).body.status).toBe('invited');
    }

    const mails: Record<string, ParsedMail> = {};
    for (const [lang, client] of Object.entries(clients)) mails[lang] = await mailTo(client.email);
    expect(mails['fr'].subject).toBe(`${firm.firmName} vous invite à rejoindre Passerelle`);
    expect(mails['en'].subject).toBe(`${firm.firmName} invites you to join Passerelle`);
    expect(mails['ar'].subject).toBe(`دعوة من ${firm.firmName} للانضمام إلى Passerelle`);
    expect(mails['ar'].html).toContain('<html lang="ar" dir="rtl">');
    for (const lang of ['fr', 'en', 'ar']) {
      const mail = mails[lang];
      expect(mail.messageId).toBe(`<invitation.${invitations[lang].id}@passerelle.local>`);
      expect(mail.text).toContain(`${APP_URL}/invitation/${tokenOf(mail)}`);
      expect(mail.html).toContain(`href="${APP_URL}/invitation/${tokenOf(mail)}"`);
      expect(mail.text).toContain(clients[lang as keyof typeof clients].name);
    }

    // The link works: what the public page shows.
    const token = tokenOf(mails['ar']);
    const visitor = await new ApiClient(app).init();
    const view = await visitor.get(`/api/public/invitations/${token}`);
    expect(view.status).toBe(200);
    expect(view.body).toEqual({
      firmName: firm.firmName,
      clientName: clients.ar.name,
      contactEmail: `k•••@${clients.ar.email.split('@')[1]}`,
      language: 'ar',
      expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    const days = (Date.parse(view.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);

    // Staff see it sent (recorded by the worker just after the SMTP answer); the token is in no API answer.
    const list = await waitFor(async () => {
      const res = await staff.get('/api/invitations');
      return res.body.items?.every((item: { status: string }) => item.status === 'sent') ? res : undefined;
    }, 'the three invitations recorded as sent');
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(3);
    expect(list.body.items.map((item: { status: string }) => item.status)).toEqual(['sent', 'sent', 'sent']);
    expect(list.body.items.every((item: { attempts: number }) => item.attempts === 1)).toBe(true);
    expect(JSON.stringify(list.body)).not.toContain(token);

    // Accept: a client user, signed in, whose folder is its own client and nothing else.
    const accepted = await visitor.post(`/api/public/invitations/${token}/accept`, {
      name: 'Karim Benjelloun',
      password: 'Tanger-Atlas-2026',
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.user).toMatchObject({
      name: 'Karim Benjelloun',
      email: clients.ar.email,
      role: 'client',
      // The contact reads Arabic: so does its interface, from the first page on.
      language: 'ar',
    });
    expect(accepted.body.firm).toEqual({ id: firm.me.firm.id, name: firm.firmName });
    const me = await visitor.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.role).toBe('client');
    const folder = await visitor.get('/api/folder');
    expect(folder.status).toBe(200);
    expect(folder.body.client.id).toBe(clients.ar.id);
    expect(folder.body.client.status).toBe('active');
    expect(folder.body.firm).toEqual({ id: firm.me.firm.id, name: firm.firmName });
    expect(
      folder.body.invitations.map((item: { id: string; status: string }) => [item.id, item.status]),
    ).toEqual([[invitations['ar'].id, 'accepted']]);
    expect((await visitor.get('/api/clients')).status).toBe(403);

    // Staff see the client active at once, and every step in its timeline.
    expect((await staff.get(`/api/clients/${clients.ar.id}`)).body.status).toBe('active');
    const timeline = await staff.get(`/api/clients/${clients.ar.id}/timeline`);
    expect(timeline.body.map((event: { action: string }) => event.action).slice(0, 3)).toEqual([
      'invitation.accepted',
      'invitation.sent',
      'invitation.queued',
    ]);
    const staffFolder = await staff.get(`/api/clients/${clients.ar.id}/folder`);
    expect(staffFolder.status).toBe(200);
    expect(staffFolder.body).toEqual(folder.body);

    // The client can sign in again with the password it chose.
    const again = await (
      await new ApiClient(app).init()
    ).post('/api/auth/login', {
      email: clients.ar.email,
      password: 'Tanger-Atlas-2026',
    });
    expect(again.status).toBe(200);
    expect(again.body.user.role).toBe('client');
  });

  it('refuses to activate, naming why: no e-mail, already in flight, archived, already active', async () => {
    const noEmail = await createClient(staff, { contactEmail: '' });
    const res = await staff.post(`/api/clients/${noEmail.id}/invitations`);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: 'client_no_contact_email',
      message:
        'Ce client n’a pas d’adresse e-mail de contact : ajoutez-la à sa fiche pour pouvoir l’inviter.',
    });

    const twice = await createClient(staff);
    expect((await staff.post(`/api/clients/${twice.id}/invitations`)).status).toBe(201);
    const second = await staff.post(`/api/clients/${twice.id}/invitations`);
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('invitation_in_flight');

    const archived = await createClient(staff);
    expect((await staff.post(`/api/clients/${archived.id}/archive`)).status).toBe(200);
    const refused = await staff.post(`/api/clients/${archived.id}/invitations`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('client_archived');

    await db.query(`UPDATE client SET status = 'active' WHERE id = $1`, [noEmail.id]);
    const active = await staff.post(`/api/clients/${noEmail.id}/invitations`);
    expect(active.status).toBe(409);
    expect(active.body.code).toBe('client_already_active');

    expect((await staff.post(`/api/clients/${randomUUID()}/invitations`)).status).toBe(404);
  });

  it('lets exactly one of two concurrent activations of a client through', async () => {
    const client = await createClient(staff);
    const answers = await Promise.all([
      staff.post(`/api/clients/${client.id}/invitations`),
      staff.post(`/api/clients/${client.id}/invitations`),
    ]);
    expect(answers.map((res) => res.status).sort()).toEqual([201, 409]);
    const rows = await db.query(`SELECT count(*)::int AS n FROM invitation WHERE client_id = $1`, [
      client.id,
    ]);
    expect(rows.rows[0].n).toBe(1);
  });

  it('resends with a new link that replaces the old one, and revokes', async () => {
    const client = await createClient(staff, { contactLanguage: 'en' });
    const first = (await staff.post(`/api/clients/${client.id}/invitations`)).body;
    const firstToken = tokenOf(await mailTo(client.email));
    smtp.clear();

    const resent = await staff.post(`/api/invitations/${first.id}/resend`);
    expect(resent.status).toBe(201);
    expect(resent.body.id).not.toBe(first.id);
    expect(resent.body.status).toBe('queued');
    const secondToken = tokenOf(await mailTo(client.email));
    expect(secondToken).not.toBe(firstToken);
    expect((await staff.get(`/api/invitations/${first.id}`)).body.status).toBe('revoked');

    const visitor = await new ApiClient(app).init();
    expect((await visitor.get(`/api/public/invitations/${firstToken}`)).status).toBe(404);
    expect((await visitor.get(`/api/public/invitations/${secondToken}`)).status).toBe(200);
    // Acting on the replaced invitation is refused: the newer one is the one to act on.
    const stale = await staff.post(`/api/invitations/${first.id}/resend`);
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('invitation_superseded');

    const revoked = await staff.post(`/api/invitations/${resent.body.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('revoked');
    expect((await staff.get(`/api/clients/${client.id}`)).body.status).toBe('not_invited');
    expect((await visitor.get(`/api/public/invitations/${secondToken}`)).status).toBe(404);
    const again = await staff.post(`/api/invitations/${resent.body.id}/revoke`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('invitation_not_revocable');
    const timeline = (await staff.get(`/api/clients/${client.id}/timeline`)).body as { action: string }[];
    expect(timeline.filter((event) => event.action === 'invitation.revoked')).toHaveLength(2);
  });

  describe('tokens', () => {
    const neutral = { statusCode: 404, code: 'invitation_invalid' };
    const password = { name: 'Nadia Alaoui', password: 'Casablanca-Port-2026' };

    async function invitedToken(): Promise<{ token: string; clientId: string; invitationId: string }> {
      const client = await createClient(staff);
      const invitation = (await staff.post(`/api/clients/${client.id}/invitations`)).body;
      return { token: tokenOf(await mailTo(client.email)), clientId: client.id, invitationId: invitation.id };
    }

    it('gives the same answer for an expired, revoked, used or unknown link', async () => {
      const visitor = await new ApiClient(app).init();
      const expired = await invitedToken();
      await db.query(`UPDATE invitation SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
        expired.invitationId,
      ]);
      const revoked = await invitedToken();
      await staff.post(`/api/invitations/${revoked.invitationId}/revoke`);
      const used = await invitedToken();
      expect((await visitor.post(`/api/public/invitations/${used.token}/accept`, password)).status).toBe(201);
      const unknown = 'A'.repeat(43);

      const answers: unknown[] = [];
      for (const token of [expired.token, revoked.token, used.token, unknown, 'not-even-a-token']) {
        const other = await new ApiClient(app).init();
        const view = await other.get(`/api/public/invitations/${token}`);
        const accept = await other.post(`/api/public/invitations/${token}/accept`, password);
        answers.push([view.status, view.body], [accept.status, accept.body]);
      }
      const expected = [
        404,
        { ...neutral, message: expect.stringMatching(/^Ce lien d’invitation n’est pas valide/) },
      ];
      expect(answers).toEqual(Array(10).fill(expected));
      expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    });

    it('creates exactly one user when one link is accepted 50 times at once', async () => {
      const { token, clientId } = await invitedToken();
      const visitors = await Promise.all(Array.from({ length: 50 }, () => new ApiClient(app).init()));
      const answers = await Promise.all(
        visitors.map((visitor) => visitor.post(`/api/public/invitations/${token}/accept`, password)),
      );
      const statuses = answers.map((res) => res.status);
      expect(statuses.filter((status) => status === 201)).toHaveLength(1);
      expect(statuses.filter((status) => status === 404)).toHaveLength(49);
      const users = await db.query(`SELECT count(*)::int AS n FROM app_user WHERE client_id = $1`, [
        clientId,
      ]);
      expect(users.rows[0].n).toBe(1);
    });

    it('checks the new password with the sign-up rules', async () => {
      const { token } = await invitedToken();
      const res = await (
        await new ApiClient(app).init()
      ).post(`/api/public/invitations/${token}/accept`, {
        name: '',
        password: 'short',
      });
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual({
        name: { code: 'required', message: 'Votre nom — ce champ est obligatoire' },
        password: {
          code: 'password_too_short',
          message: 'Mot de passe — le mot de passe doit contenir au moins 10 caractères',
        },
      });
    });
  });

  describe('bulk', () => {
    type Progress = {
      total: number;
      queued: number;
      sent: number;
      failed: number;
      skipped: number;
      done: boolean;
    };

    const finished = (id: string) =>
      waitFor(async () => {
        const res = await staff.get(`/api/invitations/bulk/${id}`);
        return res.body.done ? (res.body as Progress & { skippedClients: unknown[] }) : undefined;
      }, `bulk run ${id}`);

    it('invites a selection at once in the background, skipping clients that cannot be invited, with why', async () => {
      const ready = [await createClient(staff), await createClient(staff), await createClient(staff)];
      const noEmail = await createClient(staff, { contactEmail: '' });
      const archived = await createClient(staff);
      await staff.post(`/api/clients/${archived.id}/archive`);
      const unknown = randomUUID();

      const started = await staff.post('/api/invitations/bulk', {
        clientIds: [...ready.map((client) => client.id), noEmail.id, archived.id, unknown, ready[0].id],
      });
      expect(started.status).toBe(202);
      expect(started.body).toEqual({ id: expect.any(String) });

      const progress = await finished(started.body.id);
      expect(progress).toMatchObject({ total: 6, queued: 0, sent: 3, failed: 0, skipped: 3, done: true });
      expect(progress.skippedClients).toEqual(
        expect.arrayContaining([
          {
            clientId: noEmail.id,
            clientName: noEmail.name,
            reason: 'client_no_contact_email',
            message:
              'Ce client n’a pas d’adresse e-mail de contact : ajoutez-la à sa fiche pour pouvoir l’inviter.',
          },
          expect.objectContaining({ clientId: archived.id, reason: 'client_archived' }),
          expect.objectContaining({ clientId: unknown, clientName: null, reason: 'client_not_found' }),
        ]),
      );
      for (const client of ready) await mailTo(client.email);
      const recent = await staff.get('/api/invitations/bulk');
      expect(recent.body[0]).toMatchObject({ id: started.body.id, sent: 3, done: true });
    });

    it('invites every not-invited client matching the list filters', async () => {
      const { ids, tag } = await insertClients(db, firm.me.firm.id, 30);
      await db.query(`UPDATE client SET status = 'active' WHERE id = $1`, [ids[0]]);
      const started = await staff.post('/api/invitations/bulk', {
        filter: { q: `bulk ${tag}` },
        status: 'not_invited',
      });
      expect(started.status).toBe(202);
      const progress = await finished(started.body.id);
      expect(progress).toMatchObject({ total: 29, sent: 29, skipped: 0, failed: 0, done: true });
      const invited = await db.query(
        `SELECT count(*)::int AS n FROM client WHERE id = ANY ($1::uuid[]) AND status = 'invited'`,
        [ids],
      );
      expect(invited.rows[0].n).toBe(29);
    });

    it('walks every matching client, past the list’s capped count ("more than 1,000" with a search)', async () => {
      const { ids, tag } = await insertClients(db, firm.me.firm.id, 1_100);
      // No contact e-mail: each is skipped with its reason, so the walk is checked without sending 1,100 mails.
      await db.query(`UPDATE client SET contact_email = NULL WHERE id = ANY ($1::uuid[])`, [ids]);
      const listed = await staff.get(`/api/clients?q=${encodeURIComponent(`bulk ${tag}`)}`);
      expect(listed.body).toMatchObject({ total: 1_000, totalCapped: true });
      const started = await staff.post('/api/invitations/bulk', {
        filter: { q: `bulk ${tag}` },
        status: 'not_invited',
      });
      expect(await finished(started.body.id)).toMatchObject({
        total: 1_100,
        skipped: 1_100,
        sent: 0,
        done: true,
      });
    });

    it("invites the clients an import batch created, and answers 404 for another firm's batch", async () => {
      const batch = await db.query(
        `INSERT INTO import_batch (firm_id, status, file_name, file_size, file_sha256)
         VALUES ($1, 'imported', 'clients.xlsx', 1000, repeat('a', 64)) RETURNING id`,
        [firm.me.firm.id],
      );
      const batchId = batch.rows[0].id as string;
      const { ids } = await insertClients(db, firm.me.firm.id, 4);
      await db.query(`UPDATE client SET import_batch_id = $2 WHERE id = ANY ($1::uuid[])`, [ids, batchId]);
      const started = await staff.post('/api/invitations/bulk', { importBatchId: batchId });
      expect(started.status).toBe(202);
      expect(await finished(started.body.id)).toMatchObject({ total: 4, sent: 4, skipped: 0, done: true });

      const other = await new ApiClient(app).init();
      await other.signup();
      const refused = await other.post('/api/invitations/bulk', { importBatchId: batchId });
      expect(refused.status).toBe(404);
    });

    it('refuses a body naming no source, or two', async () => {
      const none = await staff.post('/api/invitations/bulk', {});
      expect(none.status).toBe(400);
      expect(none.body.code).toBe('invalid_request');
      const two = await staff.post('/api/invitations/bulk', { clientIds: [randomUUID()], filter: {} });
      expect(two.status).toBe(400);
      const tooMany = await staff.post('/api/invitations/bulk', {
        clientIds: Array.from({ length: 10_001 }, () => randomUUID()),
      });
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.fields.clientIds.code).toBe('out_of_range');
    });
  });

  it('reminds twice, then expires the invitation; staff see it', async () => {
    const client = await createClient(staff, { contactLanguage: 'fr' });
    const invitation = (await staff.post(`/api/clients/${client.id}/invitations`)).body;
    const firstToken = tokenOf(await mailTo(client.email));
    // The worker writes `sent` (and sent_at) just after the SMTP peer accepted the e-mail: age the row after.
    await waitFor(
      async () => (await staff.get(`/api/invitations/${invitation.id}`)).body.status === 'sent',
      'the invitation to be recorded as sent',
    );
    const sweeper = worker.get(InvitationSweeper);

    expect((await sweeper.sweep()).reminded).toBe(0);
    await db.query(`UPDATE invitation SET sent_at = now() - interval '3 days 1 minute' WHERE id = $1`, [
      invitation.id,
    ]);
    await sweeper.sweep();
    const reminder = await smtp.waitFor(
      (mail) => recipient(mail) === client.email && mail.subject?.startsWith('Rappel') === true,
    );
    expect(reminder.messageId).toBe(`<invitation.${invitation.id}.reminder-1@passerelle.local>`);
    expect(tokenOf(reminder)).not.toBe(firstToken);
    await waitFor(
      async () => (await staff.get(`/api/invitations/${invitation.id}`)).body.remindersSent === 1,
      'the first reminder',
    );
    await db.query(`UPDATE invitation SET sent_at = now() - interval '7 days 1 minute' WHERE id = $1`, [
      invitation.id,
    ]);
    await sweeper.sweep();
    await waitFor(
      async () => (await staff.get(`/api/invitations/${invitation.id}`)).body.remindersSent === 2,
      'the second reminder',
    );
    await db.query(`UPDATE invitation SET sent_at = now() - interval '13 days' WHERE id = $1`, [
      invitation.id,
    ]);
    expect((await sweeper.sweep()).reminded).toBe(0);

    // Both links of a live invitation work; once expired, neither does.
    const visitor = await new ApiClient(app).init();
    expect((await visitor.get(`/api/public/invitations/${firstToken}`)).status).toBe(200);
    await db.query(`UPDATE invitation SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      invitation.id,
    ]);
    expect((await sweeper.sweep()).expired).toBe(1);
    expect((await staff.get(`/api/invitations/${invitation.id}`)).body.status).toBe('expired');
    expect((await staff.get(`/api/clients/${client.id}`)).body.status).toBe('invitation_expired');
    expect((await visitor.get(`/api/public/invitations/${firstToken}`)).status).toBe(404);
    const mails = smtp.messages.filter((mail) => recipient(mail) === client.email);
    expect(mails.map((mail) => mail.subject)).toEqual([
      `${firm.firmName} vous invite à rejoindre Passerelle`,
      `Rappel : ${firm.firmName} vous attend sur Passerelle`,
      `Rappel : ${firm.firmName} vous attend sur Passerelle`,
    ]);
    // An expired client can be invited again.
    expect((await staff.post(`/api/clients/${client.id}/invitations`)).status).toBe(201);
  });

  describe('isolation', () => {
    let clientUser: ApiClient;
    let ownClientId: string;
    let otherClientId: string;

    beforeAll(async () => {
      const own = await createClient(staff);
      const other = await createClient(staff);
      otherClientId = other.id;
      ownClientId = own.id;
      await staff.post(`/api/clients/${own.id}/invitations`);
      const token = tokenOf(await mailTo(own.email));
      clientUser = await new ApiClient(app).init();
      const accepted = await clientUser.post(`/api/public/invitations/${token}/accept`, {
        name: 'Client User',
        password: 'Rabat-Atlas-2026',
      });
      expect(accepted.status).toBe(201);
    });

    it('answers 403 to a client user on every staff route', async () => {
      const document = buildOpenApiDocument(app);
      const clientRoutes = [
        /^\/api\/auth\//,
        /^\/api\/public\//,
        /^\/api\/health$/,
        /^\/api\/folder/,
        /\/folder$/,
      ];
      const checked: string[] = [];
      const wrong: string[] = [];
      for (const [path, operations] of Object.entries(document.paths)) {
        // The development outbox is absent (404) outside outbox mode; outbox.int-spec covers its roles.
        if (path.startsWith('/api/dev/') || clientRoutes.some((pattern) => pattern.test(path))) continue;
        for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
          if (!(operations as Record<string, unknown>)[method]) continue;
          const url = path.replace(/\{[^}]+\}/g, randomUUID());
          const res = await clientUser.request(method, url, method === 'get' ? undefined : {});
          checked.push(`${method.toUpperCase()} ${path}`);
          if (res.status !== 403) wrong.push(`${method.toUpperCase()} ${path} → ${res.status}`);
        }
      }
      expect(checked.length).toBeGreaterThan(20);
      expect(checked).toEqual(expect.arrayContaining(['GET /api/invitations', 'POST /api/invitations/bulk']));
      expect(wrong).toEqual([]);
    });

    it("answers 404 for another client's folder, and shows the client its own", async () => {
      expect((await clientUser.get(`/api/clients/${otherClientId}/folder`)).status).toBe(404);
      expect((await clientUser.get(`/api/clients/${randomUUID()}/folder`)).status).toBe(404);
      const own = await clientUser.get(`/api/clients/${ownClientId}/folder`);
      expect(own.status).toBe(200);
      expect(own.body.client.id).toBe(ownClientId);
      expect((await staff.get('/api/folder')).status).toBe(403);
    });

    it("answers 404 to another firm's staff on this firm's invitations and clients", async () => {
      const client = await createClient(staff);
      const invitation = (await staff.post(`/api/clients/${client.id}/invitations`)).body;
      const bulk = (await staff.post('/api/invitations/bulk', { clientIds: [otherClientId] })).body;
      const intruder = await new ApiClient(app).init();
      await intruder.signup();
      for (const [method, path] of [
        ['get', `/api/invitations/${invitation.id}`],
        ['post', `/api/invitations/${invitation.id}/resend`],
        ['post', `/api/invitations/${invitation.id}/revoke`],
        ['get', `/api/invitations/bulk/${bulk.id}`],
        ['post', `/api/clients/${client.id}/invitations`],
        ['get', `/api/clients/${client.id}/folder`],
      ] as const) {
        const res = await intruder.request(method, path, method === 'post' ? {} : undefined);
        expect([`${method} ${path}`, res.status]).toEqual([`${method} ${path}`, 404]);
      }
      expect((await intruder.get('/api/invitations')).body.total).toBe(0);
      expect((await intruder.get(`/api/invitations?clientId=${client.id}`)).body.items).toEqual([]);
      // Another firm's client ids in a bulk run are unknown clients, nothing more.
      const theirs = (await intruder.post('/api/invitations/bulk', { clientIds: [client.id] })).body;
      const progress = await waitFor(async () => {
        const res = await intruder.get(`/api/invitations/bulk/${theirs.id}`);
        return res.body.done ? res.body : undefined;
      }, 'the intruder run');
      expect(progress).toMatchObject({ total: 1, sent: 0, skipped: 1 });
      expect(progress.skippedClients).toEqual([
        expect.objectContaining({ clientId: client.id, clientName: null, reason: 'client_not_found' }),
      ]);
      expect((await staff.get(`/api/invitations/${invitation.id}`)).body.status).not.toBe('revoked');
    });
  });
});

describe('public invitation routes', () => {
  it('are rate-limited per client address, like login', async () => {
    const app = await createHttpApp(testConfig({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' }));
    try {
      const visitor = await new ApiClient(app).init();
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await visitor.get(`/api/public/invitations/${'B'.repeat(43)}`)).status);
      expect(statuses).toEqual([404, 404, 404, 429]);
      const accept = await visitor.post(`/api/public/invitations/${'B'.repeat(43)}/accept`, {
        name: 'Nadia',
        password: 'Casablanca-Port-2026',
      });
      expect([accept.status, accept.headers['retry-after']]).toEqual([404, undefined]);
    } finally {
      await app.close();
    }
  });
});
