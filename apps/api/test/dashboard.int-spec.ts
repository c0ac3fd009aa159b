import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { moroccanClient } from './support/clients';
import { ApiClient, createHttpApp, testConfig } from './support/test-app';

interface Dashboard {
  statusCounts: { status: string; count: number }[];
  total: number;
  archived: number;
  recentActivity: {
    action: string;
    actorName: string | null;
    targetId: string | null;
    targetLabel: string | null;
  }[];
  attention: { total: number; items: { kind: string; targetId: string; label: string }[] };
}

/** GET /api/dashboard: the firm at a glance, and nothing of any other firm's. */
describe('dashboard API (real PostgreSQL)', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await createHttpApp(testConfig({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
  });

  afterAll(async () => {
    await app.close();
  });

  async function setStatus(id: string, status: string): Promise<void> {
    const db = new Client({ connectionString: process.env['INT_DATABASE_URL'] });
    await db.connect();
    try {
      await db.query('UPDATE client SET status = $1, updated_at = now() WHERE id = $2', [status, id]);
    } finally {
      await db.end();
    }
  }

  it('counts clients per status, lists recent activity and what needs attention', async () => {
    const firm = await new ApiClient(app).init();
    const account = await firm.signup({ name: 'Salma Bennani' });
    const empty = (await firm.get('/api/dashboard')).body as Dashboard;
    expect(empty.total).toBe(0);
    expect(empty.statusCounts.map((c) => c.status)).toEqual([
      'not_invited',
      'invited',
      'active',
      'invitation_failed',
      'invitation_expired',
      'deactivated',
    ]);
    expect(empty.recentActivity.map((e) => [e.action, e.targetLabel])).toEqual([
      ['firm.signed_up', account.firmName],
    ]);
    expect(empty.attention).toEqual({ total: 0, items: [] });

    const ids: Record<string, string> = {};
    for (const name of ['Atlas Négoce', 'Boulangerie Rif', 'Cèdre Bleu', 'Dattes du Sud']) {
      const res = await firm.post('/api/clients', moroccanClient({ name }));
      expect(res.status).toBe(201);
      ids[name] = res.body.client.id;
    }
    await setStatus(ids['Atlas Négoce'], 'active');
    await setStatus(ids['Boulangerie Rif'], 'invitation_failed');
    await setStatus(ids['Cèdre Bleu'], 'invitation_failed');
    expect((await firm.post(`/api/clients/${ids['Cèdre Bleu']}/archive`)).status).toBe(200);
    // A new sign-in is not "activity" on the firm's data.
    expect(
      (await firm.post('/api/auth/login', { email: account.email, password: account.password })).status,
    ).toBe(200);

    const res = await firm.get('/api/dashboard');
    expect(res.status).toBe(200);
    const dashboard = res.body as Dashboard;
    expect(Object.fromEntries(dashboard.statusCounts.map((c) => [c.status, c.count]))).toEqual({
      not_invited: 1,
      invited: 0,
      active: 1,
      invitation_failed: 1,
      invitation_expired: 0,
      deactivated: 0,
    });
    expect(dashboard.total).toBe(3);
    expect(dashboard.archived).toBe(1);
    // The archived client's failure is not waiting for anyone any more.
    expect(dashboard.attention).toEqual({
      total: 1,
      items: [
        {
          kind: 'invitation_failed',
          targetType: 'client',
          targetId: ids['Boulangerie Rif'],
          label: 'Boulangerie Rif',
          since: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        },
      ],
    });
    expect(dashboard.recentActivity.map((e) => [e.action, e.targetLabel])).toEqual([
      ['client.archived', 'Cèdre Bleu'],
      ['client.created', 'Dattes du Sud'],
      ['client.created', 'Cèdre Bleu'],
      ['client.created', 'Boulangerie Rif'],
      ['client.created', 'Atlas Négoce'],
      ['firm.signed_up', account.firmName],
    ]);
    expect(dashboard.recentActivity[0]).toMatchObject({
      actorName: 'Salma Bennani',
      targetId: ids['Cèdre Bleu'],
    });

    // Another firm sees none of it.
    const other = await new ApiClient(app).init();
    const otherAccount = await other.signup();
    const theirs = (await other.get('/api/dashboard')).body as Dashboard;
    expect(theirs.total).toBe(0);
    expect(theirs.archived).toBe(0);
    expect(theirs.attention.total).toBe(0);
    expect(theirs.recentActivity.map((e) => e.targetLabel)).toEqual([otherAccount.firmName]);
  });

  it('keeps the most recent ten events and five attention items, with the full count', async () => {
    const firm = await new ApiClient(app).init();
    await firm.signup();
    for (let i = 1; i <= 12; i++) {
      const res = await firm.post(
        '/api/clients',
        moroccanClient({ name: `Client ${String(i).padStart(2, '0')}` }),
      );
      await setStatus(res.body.client.id, 'invitation_failed');
    }
    const dashboard = (await firm.get('/api/dashboard')).body as Dashboard;
    expect(dashboard.recentActivity).toHaveLength(10);
    expect(dashboard.recentActivity[0].targetLabel).toBe('Client 12');
    expect(dashboard.attention.total).toBe(12);
    expect(dashboard.attention.items.map((item) => item.label)).toEqual([
      'Client 12',
      'Client 11',
      'Client 10',
      'Client 09',
      'Client 08',
    ]);
  });

  it('needs a session', async () => {
    const anonymous = await new ApiClient(app).init();
    expect((await anonymous.get('/api/dashboard')).status).toBe(401);
  });
});
