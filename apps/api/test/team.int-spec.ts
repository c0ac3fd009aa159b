import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { TEST_REDIS_URL, TestSmtpServer, uniqueQueuePrefix } from '@passerelle/testing';
import type { ParsedMail } from 'mailparser';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Client as PgClient } from 'pg';
import { SweepAccountMailJob } from '../src/app/account-mail/account-mail-jobs';
import { TeamService } from '../src/app/team/team.service';
import { makeIce } from './support/clients';
import { checkBatch, importBatch, uploadAndParse } from './support/imports';
import { adminDb, createClient, recipient, waitFor } from './support/invitations';
import { ApiClient, createContext, createHttpApp, testConfig } from './support/test-app';

// http: the test agent would not send the Secure cookies an https APP_URL turns on.
const APP_URL = 'http://app.passerelle.test';

/** The token of a link to `${APP_URL}/<path>/…` in an e-mail's text, or throws. */
function linkToken(mail: ParsedMail, path: 'join' | 'reset-password'): string {
  const match = new RegExp(`/${path}/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])`).exec(mail.text ?? '');
  if (!match) throw new Error(`no /${path}/ link in "${mail.subject}"`);
  return match[1];
}

const tag = () => randomBytes(4).toString('hex');

/**
 * Team and accounts end to end on the real services: PostgreSQL (RLS), Redis (Bull) with a worker context,
 * and an SMTP peer. The API writes the outbox and enqueues; only the worker sends.
 */
describe('team and accounts', () => {
  const smtp = new TestSmtpServer();
  let env: Record<string, string>;
  let app: NestExpressApplication;
  let worker: INestApplicationContext;
  let db: PgClient;

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
  });

  afterAll(async () => {
    await worker?.close();
    await app?.close();
    await db?.end();
    await smtp.stop();
  });

  const mailTo = (email: string, subject?: RegExp) =>
    smtp.waitFor((mail) => recipient(mail) === email && (!subject || subject.test(mail.subject ?? '')));
  const mailsTo = (email: string) => smtp.messages.filter((mail) => recipient(mail) === email);

  /** A new firm with its admin signed in. */
  async function newAdmin(language: 'fr' | 'en' = 'fr') {
    const admin = await new ApiClient(app, language).init();
    const firm = await admin.signup({ language });
    return { admin, firm };
  }

  /** Invites `email` as `role`, accepts from the e-mail's link; returns the new user's signed-in client. */
  async function join(admin: ApiClient, role: 'admin' | 'member', email = `collab-${tag()}@atlas.ma`) {
    const invited = await admin.post('/api/team/invitations', { email, role, language: 'fr' });
    expect(invited.status).toBe(201);
    const token = linkToken(await mailTo(email), 'join');
    const member = await new ApiClient(app).init();
    const accepted = await member.post(`/api/public/team-invitations/${token}/accept`, {
      name: 'Youssef Alaoui',
      password: 'Rabat-Comptable-2026',
    });
    expect(accepted.status).toBe(201);
    return { member, id: accepted.body.user.id as string, email, password: 'Rabat-Comptable-2026' };
  }

  it('invites a member in French, English and Arabic; the link shows the invitation; accepting signs the member in', async () => {
    const { admin, firm } = await newAdmin();
    const emails = { fr: `fr-${tag()}@atlas.ma`, en: `en-${tag()}@atlas.ma`, ar: `ar-${tag()}@atlas.ma` };
    const created: Record<string, { id: string }> = {};
    for (const lang of ['fr', 'en', 'ar'] as const) {
      const res = await admin.post('/api/team/invitations', {
        email: emails[lang],
        name: lang === 'fr' ? '  Youssef  Alaoui ' : undefined,
        role: lang === 'ar' ? 'admin' : 'member',
        language: lang,
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        email: emails[lang],
        name: lang === 'fr' ? 'Youssef Alaoui' : null,
        role: lang === 'ar' ? 'admin' : 'member',
        language: lang,
        status: 'pending',
        delivery: 'queued',
        invitedBy: firm.name,
      });
      created[lang] = res.body;
    }
    const mails = {
      fr: await mailTo(emails.fr),
      en: await mailTo(emails.en),
      ar: await mailTo(emails.ar),
    };
    expect(mails.fr.subject).toBe(`${firm.name} vous invite à rejoindre ${firm.firmName} sur Passerelle`);
    expect(mails.fr.text).toContain('Bonjour Youssef Alaoui,');
    expect(mails.fr.text).toContain('en tant que collaborateur.');
    expect(mails.en.subject).toBe(`${firm.name} invites you to join ${firm.firmName} on Passerelle`);
    expect(mails.en.text).toContain('Hello,');
    expect(mails.ar.subject).toBe(`${firm.name} يدعوكم للانضمام إلى ${firm.firmName} على Passerelle`);
    expect(mails.ar.html).toContain('<html lang="ar" dir="rtl">');
    expect(mails.ar.text).toContain('بصفة مسؤول');
    for (const lang of ['fr', 'en', 'ar'] as const) {
      const token = linkToken(mails[lang], 'join');
      expect(mails[lang].messageId).toMatch(/^<team-invitation\.[0-9a-f-]{36}@passerelle\.local>$/);
      expect(mails[lang].text).toContain(`${APP_URL}/join/${token}`);
      expect(mails[lang].html).toContain(`href="${APP_URL}/join/${token}"`);
    }

    // Only hashes are stored; the admin sees the e-mail sent, never the token.
    const token = linkToken(mails.fr, 'join');
    const stored = await db.query(`SELECT token_hash FROM team_invitation WHERE id = $1`, [created['fr'].id]);
    expect(stored.rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    // The SMTP peer has the messages; the worker records "sent" just after the server's answer.
    const team = await waitFor(async () => {
      const res = await admin.get('/api/team');
      const delivered = (res.body.invitations ?? []).every(
        (i: { delivery: string }) => i.delivery === 'sent',
      );
      return delivered ? res : undefined;
    }, 'the three invitations recorded as sent');
    expect(team.status).toBe(200);
    expect(team.body.canManage).toBe(true);
    expect(team.body.members).toEqual([
      expect.objectContaining({
        name: firm.name,
        email: firm.email,
        role: 'admin',
        active: true,
        isYou: true,
      }),
    ]);
    expect(team.body.invitations.map((i: { email: string }) => i.email)).toEqual([
      emails.ar,
      emails.en,
      emails.fr,
    ]);
    expect(team.body.invitations.map((i: { delivery: string }) => i.delivery)).toEqual([
      'sent',
      'sent',
      'sent',
    ]);
    expect(JSON.stringify(team.body)).not.toContain(token);

    // The link: what the public page shows.
    const visitor = await new ApiClient(app).init();
    const view = await visitor.get(`/api/public/team-invitations/${token}`);
    expect(view.status).toBe(200);
    expect(view.body).toEqual({
      firmName: firm.firmName,
      email: `f•••@atlas.ma`,
      name: 'Youssef Alaoui',
      role: 'member',
      invitedBy: firm.name,
      language: 'fr',
      expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      emailTaken: false,
    });
    const days = (Date.parse(view.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);

    // Accepting: a weak password is named on its field; then the account, signed in with a new CSRF token.
    const weak = await visitor.post(`/api/public/team-invitations/${token}/accept`, {
      name: 'Youssef Alaoui',
      password: 'azertyuiop',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.fields.password.code).toBe('password_too_common');
    const csrfBefore = visitor.authHeaders()['x-xsrf-token'];
    const accepted = await visitor.post(`/api/public/team-invitations/${token}/accept`, {
      name: 'Youssef Alaoui',
      password: 'Rabat-Comptable-2026',
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toEqual({
      user: {
        id: expect.any(String),
        name: 'Youssef Alaoui',
        email: emails.fr,
        role: 'member',
        language: 'fr',
      },
      firm: { id: firm.me.firm.id, name: firm.firmName },
    });
    expect(accepted.headers['set-cookie']?.toString()).toMatch(/psl_session=[^;]+;.*HttpOnly/i);
    expect(visitor.authHeaders()['x-xsrf-token']).not.toBe(csrfBefore);
    expect((await visitor.get('/api/auth/me')).body.user.role).toBe('member');

    // Single use; the admin sees the new member and no longer the invitation.
    const again = await new ApiClient(app).init();
    const reused = await again.post(`/api/public/team-invitations/${token}/accept`, {
      name: 'Intrus',
      password: 'Autre-Mot-De-Passe-2026',
    });
    expect(reused.status).toBe(404);
    expect(reused.body.code).toBe('team_invitation_invalid');
    expect((await again.get(`/api/public/team-invitations/${token}`)).status).toBe(404);
    const after = (await admin.get('/api/team')).body;
    expect(after.members.map((m: { email: string }) => m.email).sort()).toEqual(
      [firm.email, emails.fr].sort(),
    );
    expect(after.invitations.map((i: { email: string }) => i.email)).toEqual([emails.ar, emails.en]);
    const audit = await db.query(
      `SELECT action FROM audit_event WHERE firm_id = $1 AND action LIKE 'team.%' ORDER BY created_at`,
      [firm.me.firm.id],
    );
    expect(audit.rows.map((row) => row.action)).toEqual([
      'team.invitation_created',
      'team.invitation_created',
      'team.invitation_created',
      'team.invitation_accepted',
    ]);
  });

  it('lets a member create, import and invite clients and add a configuration inline, and nothing an admin keeps', async () => {
    const { admin } = await newAdmin();
    const { member } = await join(admin, 'member');

    // What members may do.
    const client = await createClient(member, { contactLanguage: 'fr' });
    expect((await member.post(`/api/clients/${client.id}/invitations`)).status).toBe(201);
    const config = await member.post('/api/accounting-software/configs', {
      label: 'Odoo du cabinet',
      product: 'odoo',
      deliveryMethod: 'email',
      deliveryEmail: 'factures@odoo.example.ma',
    });
    expect(config.status).toBe(201);
    const csv = [
      'Nom client;Adresse;Code postal;Ville;Pays;ICE;IF;IBAN;Langue;Contact;Langue contact;Email du contact',
      `Société Membre ${tag()};3, rue de Fès;20250;Casablanca;Maroc;${makeIce()};1234567;;fr;Karim Benjelloun;fr;import-${tag()}@atlas.ma`,
    ].join('\n');
    const batch = await uploadAndParse(member, Buffer.from(csv, 'utf8'), 'clients.csv');
    expect(batch.status).toBe('mapping');
    await checkBatch(member, batch.id);
    expect(await importBatch(member, batch.id, 'all')).toMatchObject({
      status: 'imported',
      summary: { created: 1 },
    });
    expect((await member.get('/api/clients')).body.total).toBe(2);

    // What only admins may do: 403 before anything is looked up.
    const someId = randomUUID();
    const forbidden: [string, () => ReturnType<ApiClient['get']>][] = [
      [
        'edit a configuration',
        () =>
          member.request('put', `/api/accounting-software/configs/${config.body.id}`, {
            label: 'Odoo',
            product: 'odoo',
            deliveryMethod: 'email',
            deliveryEmail: 'x@odoo.example.ma',
          }),
      ],
      [
        'set the firm default',
        () => member.post(`/api/accounting-software/configs/${config.body.id}/default`),
      ],
      ['rename a mapping', () => member.patch(`/api/mappings/${someId}`, { name: 'Nouveau nom' })],
      ['delete a mapping', () => member.delete(`/api/mappings/${someId}`)],
      [
        'invite a colleague',
        () => member.post('/api/team/invitations', { email: 'x@atlas.ma', role: 'member', language: 'fr' }),
      ],
      ['resend an invitation', () => member.post(`/api/team/invitations/${someId}/resend`)],
      ['cancel an invitation', () => member.delete(`/api/team/invitations/${someId}`)],
      ['change a role', () => member.patch(`/api/team/${someId}`, { role: 'admin' })],
      ['deactivate', () => member.post(`/api/team/${someId}/deactivate`)],
      ['reactivate', () => member.post(`/api/team/${someId}/reactivate`)],
    ];
    for (const [what, call] of forbidden) {
      const res = await call();
      expect({ what, status: res.status, code: res.body.code }).toEqual({
        what,
        status: 403,
        code: 'forbidden',
      });
    }

    // The team list, read-only: members, no invitations.
    const team = await member.get('/api/team');
    expect(team.status).toBe(200);
    expect(team.body.canManage).toBe(false);
    expect(team.body.invitations).toEqual([]);
    expect(team.body.members).toHaveLength(2);
  });

  it('applies a role change on the next request, and refuses to leave the firm without an active admin', async () => {
    const { admin, firm } = await newAdmin('en');
    const { member, id } = await join(admin, 'member');
    const invite = () =>
      member.post('/api/team/invitations', {
        email: `next-${tag()}@atlas.ma`,
        role: 'member',
        language: 'en',
      });
    expect((await invite()).status).toBe(403);

    const promoted = await admin.patch(`/api/team/${id}`, { role: 'admin' });
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({ id, role: 'admin', active: true, isYou: false });
    expect((await invite()).status).toBe(201); // same session, no new sign-in
    const demoted = await admin.patch(`/api/team/${id}`, { role: 'member' });
    expect(demoted.body.role).toBe('member');
    expect((await invite()).status).toBe(403);

    // The only active admin can be neither demoted nor deactivated, by anyone.
    const selfDemote = await admin.patch(`/api/team/${firm.me.user.id}`, { role: 'member' });
    expect(selfDemote.status).toBe(409);
    expect(selfDemote.body).toMatchObject({
      code: 'last_admin',
      message: 'The firm must keep at least one active administrator.',
    });
    expect((await admin.post(`/api/team/${firm.me.user.id}/deactivate`)).body.code).toBe('last_admin');
    expect((await admin.patch(`/api/team/${id}`, { role: 'owner' })).body.fields.role.code).toBe(
      'invalid_value',
    );

    // Two admins demoting each other at the same moment (both past the role check): exactly one wins.
    await admin.patch(`/api/team/${id}`, { role: 'admin' });
    const team = app.get(TeamService);
    const as = (userId: string) =>
      ({
        userId,
        firmId: firm.me.firm.id,
        role: 'admin',
        language: 'en',
        sessionId: randomUUID(),
        clientId: null,
      }) as const;
    const outcomes = await Promise.allSettled([
      team.changeRole(as(firm.me.user.id), id, 'member'),
      team.changeRole(as(id), firm.me.user.id, 'member'),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refusal = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(refusal?.reason).toMatchObject({ status: 409, code: 'last_admin' });
    const admins = await db.query(
      `SELECT count(*)::int AS n FROM app_user WHERE firm_id = $1 AND role = 'admin' AND deactivated_at IS NULL`,
      [firm.me.firm.id],
    );
    expect(admins.rows[0].n).toBe(1);
    const changes = await db.query(
      `SELECT data FROM audit_event WHERE firm_id = $1 AND action = 'user.role_changed' ORDER BY created_at`,
      [firm.me.firm.id],
    );
    expect(changes.rows.map((row) => `${row.data.from}→${row.data.to}`)).toEqual([
      'member→admin',
      'admin→member',
      'member→admin',
      'admin→member',
    ]);
  });

  it('deactivating ends the sessions at once and refuses sign-in; reactivating lets the user back', async () => {
    const { admin, firm } = await newAdmin();
    const { member, id, email, password } = await join(admin, 'member');
    const laptop = await new ApiClient(app).init();
    expect((await laptop.post('/api/auth/login', { email, password })).status).toBe(200);

    const deactivated = await admin.post(`/api/team/${id}/deactivate`);
    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toMatchObject({ id, active: false, deactivatedAt: expect.any(String) });
    expect((await member.get('/api/auth/me')).status).toBe(401);
    expect((await laptop.get('/api/clients')).status).toBe(401);
    expect(
      (await db.query(`SELECT count(*)::int AS n FROM session WHERE user_id = $1`, [id])).rows[0].n,
    ).toBe(0);

    const signIn = await new ApiClient(app).init();
    const refused = await signIn.post('/api/auth/login', { email, password });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: 'account_deactivated',
      message: 'Votre compte a été désactivé. Contactez l’administrateur de votre cabinet pour le réactiver.',
    });
    // A wrong password says nothing more than for anyone else.
    expect((await signIn.post('/api/auth/login', { email, password: 'not-the-password' })).body.code).toBe(
      'invalid_credentials',
    );
    // Nor does a forgotten-password request send anything.
    expect((await signIn.post('/api/auth/password-reset', { email })).status).toBe(202);

    const team = (await admin.get('/api/team')).body;
    expect(team.members.map((m: { id: string; active: boolean }) => [m.id, m.active])).toEqual([
      [firm.me.user.id, true],
      [id, false],
    ]);
    expect((await admin.post(`/api/team/${id}/reactivate`)).body).toMatchObject({
      active: true,
      deactivatedAt: null,
    });
    expect((await signIn.post('/api/auth/login', { email, password })).status).toBe(200);
    const audit = await db.query(
      `SELECT action, data FROM audit_event WHERE firm_id = $1 AND target_id = $2 AND action LIKE 'user.%activated'
        ORDER BY created_at`,
      [firm.me.firm.id, id],
    );
    expect(audit.rows).toEqual([
      { action: 'user.deactivated', data: { sessionsEnded: 2 } },
      { action: 'user.reactivated', data: {} },
    ]);
    const resetAsked = await db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE target_id = $1 AND action = 'user.password_reset_requested'`,
      [id],
    );
    expect(resetAsked.rows[0].n).toBe(0);
    expect(mailsTo(email).filter((mail) => /mot de passe/i.test(mail.subject ?? ''))).toEqual([]);
  });

  it('refuses an address that already has an account or a pending invitation; a resend or a cancel kills the old link', async () => {
    const { admin } = await newAdmin('en');
    const other = await newAdmin();
    const { email: memberEmail } = await join(admin, 'member');

    const taken = await admin.post('/api/team/invitations', {
      email: other.firm.email,
      role: 'member',
      language: 'fr',
    });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('email_has_account');
    const mine = await admin.post('/api/team/invitations', {
      email: memberEmail.toUpperCase(),
      role: 'member',
      language: 'fr',
    });
    expect(mine.body.code).toBe('already_member');

    const email = `pending-${tag()}@atlas.ma`;
    const first = await admin.post('/api/team/invitations', { email, role: 'member', language: 'en' });
    expect(first.status).toBe(201);
    const twice = await admin.post('/api/team/invitations', { email, role: 'admin', language: 'en' });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({
      code: 'team_invitation_pending',
      message: 'An invitation is already pending for this address: resend it from the list of invitations.',
    });
    const oldToken = linkToken(await mailTo(email), 'join');

    const resent = await admin.post(`/api/team/invitations/${first.body.id}/resend`);
    expect(resent.status).toBe(200);
    await smtp.waitUntil(() => mailsTo(email).length === 2);
    const newToken = linkToken(mailsTo(email)[1], 'join');
    expect(newToken).not.toBe(oldToken);
    const visitor = await new ApiClient(app).init();
    expect((await visitor.get(`/api/public/team-invitations/${oldToken}`)).status).toBe(404);
    expect((await visitor.get(`/api/public/team-invitations/${newToken}`)).status).toBe(200);

    expect((await admin.delete(`/api/team/invitations/${first.body.id}`)).status).toBe(204);
    expect((await visitor.get(`/api/public/team-invitations/${newToken}`)).body.code).toBe(
      'team_invitation_invalid',
    );
    const closed = await admin.post(`/api/team/invitations/${first.body.id}/resend`);
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('team_invitation_closed');
    expect((await admin.get('/api/team')).body.invitations).toEqual([]);

    // An invitation past its date reads `expired`, its link is dead, and a new invitation may replace it.
    const late = await admin.post('/api/team/invitations', { email, role: 'member', language: 'en' });
    await smtp.waitUntil(() => mailsTo(email).length === 3);
    const lateToken = linkToken(mailsTo(email)[2], 'join');
    await db.query(`UPDATE team_invitation SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      late.body.id,
    ]);
    expect((await admin.get('/api/team')).body.invitations[0]).toMatchObject({
      id: late.body.id,
      status: 'expired',
    });
    expect((await visitor.get(`/api/public/team-invitations/${lateToken}`)).status).toBe(404);
    expect(
      (await admin.post('/api/team/invitations', { email, role: 'member', language: 'en' })).status,
    ).toBe(201);

    // The link of an address that got an account in the meantime says so before anyone types a password.
    const racing = `racing-${tag()}@atlas.ma`;
    await admin.post('/api/team/invitations', { email: racing, role: 'member', language: 'fr' });
    const racingToken = linkToken(await mailTo(racing), 'join');
    await new ApiClient(app).init().then((c) => c.signup({ email: racing }));
    expect((await visitor.get(`/api/public/team-invitations/${racingToken}`)).body.emailTaken).toBe(true);
    const conflict = await visitor.post(`/api/public/team-invitations/${racingToken}/accept`, {
      name: 'Double',
      password: 'Rabat-Comptable-2026',
    });
    expect(conflict.status).toBe(409);
    expect(conflict.body.code).toBe('account_email_taken');
  });

  it('keeps firms apart: another firm’s team, invitations and users answer 404', async () => {
    const a = await newAdmin();
    const b = await newAdmin();
    const { id: memberA } = await join(a.admin, 'member');
    const invitationA = (
      await a.admin.post('/api/team/invitations', {
        email: `a-${tag()}@atlas.ma`,
        role: 'member',
        language: 'fr',
      })
    ).body.id as string;

    const teamB = (await b.admin.get('/api/team')).body;
    expect(teamB.members.map((m: { id: string }) => m.id)).toEqual([b.firm.me.user.id]);
    expect(teamB.invitations).toEqual([]);
    for (const res of [
      await b.admin.patch(`/api/team/${memberA}`, { role: 'admin' }),
      await b.admin.post(`/api/team/${memberA}/deactivate`),
      await b.admin.post(`/api/team/${memberA}/reactivate`),
      await b.admin.post(`/api/team/invitations/${invitationA}/resend`),
      await b.admin.delete(`/api/team/invitations/${invitationA}`),
      await b.admin.patch(`/api/team/not-a-uuid`, { role: 'admin' }),
    ])
      expect([res.status, res.body.code]).toEqual([404, 'not_found']);
    const still = await db.query(`SELECT role, deactivated_at FROM app_user WHERE id = $1`, [memberA]);
    expect(still.rows[0]).toEqual({ role: 'member', deactivated_at: null });
  });

  it('resets a forgotten password: same answer for any address, a single-use link, every session ended, a notice', async () => {
    const { admin, firm } = await newAdmin();
    const phone = await new ApiClient(app).init();
    expect((await phone.post('/api/auth/login', { email: firm.email, password: firm.password })).status).toBe(
      200,
    );

    const visitor = await new ApiClient(app).init();
    const known = await visitor.post('/api/auth/password-reset', { email: firm.email.toUpperCase() });
    const unknown = await visitor.post('/api/auth/password-reset', { email: `nobody-${tag()}@atlas.ma` });
    expect([known.status, known.text, known.headers['content-type']]).toEqual([202, '', undefined]);
    expect([unknown.status, unknown.text, unknown.headers['content-type']]).toEqual([202, '', undefined]);
    const invalid = await visitor.post('/api/auth/password-reset', { email: 'not an address' });
    expect(invalid.body.fields.email.code).toBe('invalid_email');

    const mail = await mailTo(firm.email, /^Réinitialisez/);
    expect(mail.subject).toBe('Réinitialisez votre mot de passe Passerelle');
    expect(mail.text).toContain(`Bonjour ${firm.name},`);
    expect(mail.text).toContain(`(${firm.email})`);
    const token = linkToken(mail, 'reset-password');
    expect(mail.html).toContain(`href="${APP_URL}/reset-password/${token}"`);

    const view = await visitor.get(`/api/auth/password-reset/${token}`);
    expect(view.status).toBe(200);
    expect(view.body.email).toBe(`a•••@${firm.email.split('@')[1]}`);
    const minutes = (Date.parse(view.body.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(59);
    expect(minutes).toBeLessThanOrEqual(60);

    const weak = await visitor.post(`/api/auth/password-reset/${token}`, { password: 'aaaaaaaaaaaa' });
    expect(weak.status).toBe(400);
    expect(weak.body.fields.password.code).toBe('password_repeated');
    const done = await visitor.post(`/api/auth/password-reset/${token}`, { password: 'Nouveau-Depart-2026' });
    expect(done.status).toBe(204);

    // Every session ended; the new password works, the old one not; the link worked once.
    expect((await admin.get('/api/auth/me')).status).toBe(401);
    expect((await phone.get('/api/auth/me')).status).toBe(401);
    const again = await visitor.post(`/api/auth/password-reset/${token}`, { password: 'Encore-Autre-2026' });
    expect([again.status, again.body.code]).toEqual([404, 'reset_link_invalid']);
    const signIn = await new ApiClient(app).init();
    expect(
      (await signIn.post('/api/auth/login', { email: firm.email, password: firm.password })).status,
    ).toBe(401);
    expect(
      (await signIn.post('/api/auth/login', { email: firm.email, password: 'Nouveau-Depart-2026' })).status,
    ).toBe(200);

    const notice = await mailTo(firm.email, /modifié$/);
    expect(notice.subject).toBe('Votre mot de passe Passerelle a été modifié');
    expect(notice.text).toContain('toutes vos sessions ont été fermées');
    expect(notice.text).toContain(`${APP_URL}/forgot-password`);
    // No e-mail for the unknown address; stored: a hash, used once.
    expect(smtp.messages.filter((m) => recipient(m).startsWith('nobody-'))).toEqual([]);
    const stored = await db.query(`SELECT token_hash, used_at FROM password_reset WHERE firm_id = $1`, [
      firm.me.firm.id,
    ]);
    expect(stored.rows).toEqual([
      { token_hash: expect.stringMatching(/^[0-9a-f]{64}$/), used_at: expect.any(Date) },
    ]);
    expect(JSON.stringify(stored.rows)).not.toContain(token);
  });

  it('lets a reset link expire after an hour, revokes it with a newer request, and counts requests per address', async () => {
    const { firm } = await newAdmin('en');
    const visitor = await new ApiClient(app, 'en').init();
    await visitor.post('/api/auth/password-reset', { email: firm.email });
    const first = linkToken(await mailTo(firm.email, /^Reset/), 'reset-password');
    await db.query(`UPDATE password_reset SET expires_at = now() - interval '1 second' WHERE firm_id = $1`, [
      firm.me.firm.id,
    ]);
    const expired = await visitor.post(`/api/auth/password-reset/${first}`, {
      password: 'Nouveau-Depart-2026',
    });
    expect(expired.status).toBe(404);
    expect(expired.body.message).toBe(
      'This reset link is not valid: it has expired (it lasts one hour), has already been used or was replaced by a newer one. Ask for a new link.',
    );

    await visitor.post('/api/auth/password-reset', { email: firm.email });
    await smtp.waitUntil(
      () => mailsTo(firm.email).filter((m) => /^Reset/.test(m.subject ?? '')).length === 2,
    );
    await visitor.post('/api/auth/password-reset', { email: firm.email });
    await smtp.waitUntil(
      () => mailsTo(firm.email).filter((m) => /^Reset/.test(m.subject ?? '')).length === 3,
    );
    const resets = mailsTo(firm.email).filter((m) => /^Reset/.test(m.subject ?? ''));
    const [second, third] = [linkToken(resets[1], 'reset-password'), linkToken(resets[2], 'reset-password')];
    expect((await visitor.get(`/api/auth/password-reset/${second}`)).status).toBe(404);
    expect((await visitor.get(`/api/auth/password-reset/${third}`)).status).toBe(200);

    // PASSWORD_RESET_PER_EMAIL_PER_HOUR (5): the sixth request still answers 202, and sends nothing.
    const resetMails = () => mailsTo(firm.email).filter((m) => /^Reset/.test(m.subject ?? '')).length;
    for (const expected of [4, 5]) {
      expect((await visitor.post('/api/auth/password-reset', { email: firm.email })).status).toBe(202);
      await smtp.waitUntil(() => resetMails() === expected);
    }
    expect((await visitor.post('/api/auth/password-reset', { email: firm.email })).status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(resetMails()).toBe(5);
    const requested = await db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE firm_id = $1 AND action = 'user.password_reset_requested'`,
      [firm.me.firm.id],
    );
    expect(requested.rows[0].n).toBe(5);
  });

  it('rate-limits forgotten-password requests per client address', async () => {
    const limited = await createHttpApp(
      testConfig({ ...env, LOGIN_RATE_LIMIT_PER_MINUTE: '3', QUEUE_PREFIX: uniqueQueuePrefix() }),
    );
    try {
      const visitor = await new ApiClient(limited).init();
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push(
          (await visitor.post('/api/auth/password-reset', { email: `x${i}-${tag()}@atlas.ma` })).status,
        );
      expect(statuses).toEqual([202, 202, 202, 429]);
    } finally {
      await limited.close();
    }
  });

  it('tells the user when the password changes from the account page, and queues lost e-mails again', async () => {
    const { admin, firm } = await newAdmin('en');
    const changed = await admin.post('/api/auth/me/password', {
      currentPassword: firm.password,
      newPassword: 'Changed-From-Account-2026',
    });
    expect(changed.status).toBe(204);
    const notice = await mailTo(firm.email, /changed$/);
    expect(notice.subject).toBe('Your Passerelle password was changed');
    expect(notice.text).toContain(
      'It was changed from the “My account” page; your other sessions were ended.',
    );

    // An e-mail whose job was lost (Redis emptied, API died after commit) is queued again by the sweeper.
    const email = `lost-${tag()}@atlas.ma`;
    const invitation = await admin.post('/api/team/invitations', { email, role: 'member', language: 'en' });
    await mailTo(email);
    await db.query(
      `UPDATE account_mail SET status = 'queued', sent_at = NULL, updated_at = now() - interval '1 hour'
        WHERE subject_id = $1`,
      [invitation.body.id],
    );
    expect(await worker.get(SweepAccountMailJob).sweep(60)).toBeGreaterThanOrEqual(1);
    await smtp.waitUntil(() => mailsTo(email).length === 2);
    const row = await waitFor(async () => {
      const rows = await db.query(`SELECT status, attempts FROM account_mail WHERE subject_id = $1`, [
        invitation.body.id,
      ]);
      return rows.rows[0]?.status === 'sent' && rows.rows;
    }, 'the resent e-mail recorded');
    expect(row).toEqual([{ status: 'sent', attempts: 2 }]);
  });
});
