import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  apiWorkerProcess,
  ScratchRedis,
  TEST_REDIS_URL,
  TestProcess,
  TestSmtpServer,
  uniqueQueuePrefix,
} from '@passerelle/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client as PgClient } from 'pg';
import { InvitationSweeper } from '../src/app/invitations/invitation-sweeper';
import { JobQueue } from '../src/app/jobs/job-queue';
import { ApiClient, createContext, createHttpApp, testConfig } from './support/test-app';
import {
  adminDb,
  countByRecipient,
  createClient,
  insertClients,
  recipient,
  waitFor,
} from './support/invitations';

/**
 * Delivery under faults, with real processes: an SMTP peer answering 4xx/5xx, a queue that refuses the job
 * after the commit, a scratch Redis stopped and restarted by its PID, a worker process killed by its PID.
 * Nothing is lost; nothing is sent twice except by a worker killed mid-send (at most once per kill).
 */
describe('invitation delivery faults', () => {
  const smtp = new TestSmtpServer();
  let smtpUrl: string;
  let db: PgClient;

  beforeAll(async () => {
    db = await adminDb();
    smtpUrl = await smtp.start();
  });

  afterAll(async () => {
    await db?.end();
    await smtp.stop();
  });

  async function statusCounts(bulkId: string): Promise<Record<string, number>> {
    const rows = await db.query(
      `SELECT status, count(*)::int AS n FROM invitation WHERE bulk_id = $1 GROUP BY status`,
      [bulkId],
    );
    return Object.fromEntries(rows.rows.map((row) => [row.status, row.n]));
  }

  describe('SMTP replies and a lost enqueue', () => {
    let app: NestExpressApplication;
    let worker: INestApplicationContext;
    let staff: ApiClient;

    beforeAll(async () => {
      const env = {
        REDIS_URL: TEST_REDIS_URL,
        SMTP_URL: smtpUrl,
        QUEUE_PREFIX: uniqueQueuePrefix(),
        MAIL_RETRY_BASE_MS: '200',
      };
      app = await createHttpApp(testConfig(env));
      worker = await createContext(testConfig(env), 'worker');
      staff = await new ApiClient(app).init();
      await staff.signup();
    });

    afterAll(async () => {
      smtp.respondWith();
      await worker?.close();
      await app?.close();
    });

    it('retries 451 three times with back-off, then delivers once: attempts = 4', async () => {
      const client = await createClient(staff);
      let refusals = 0;
      smtp.respondWith((mail) =>
        recipient(mail) === client.email && refusals++ < 3
          ? { code: 451, message: '4.7.1 Greylisted, try again later' }
          : undefined,
      );
      const started = Date.now();
      const invitation = (await staff.post(`/api/clients/${client.id}/invitations`)).body;
      await smtp.waitFor((mail) => recipient(mail) === client.email);
      const elapsed = Date.now() - started;
      const final = await waitFor(async () => {
        const res = await staff.get(`/api/invitations/${invitation.id}`);
        return res.body.status === 'sent' ? res.body : undefined;
      }, 'the invitation to be sent');

      expect(final.attempts).toBe(4);
      expect(final.lastSmtpReply).toMatch(/^250 /);
      expect(smtp.received.filter((mail) => recipient(mail) === client.email)).toHaveLength(4);
      expect(smtp.messages.filter((mail) => recipient(mail) === client.email)).toHaveLength(1);
      // Waits of at least 100 + 200 + 400 ms (half of 200 × 2^(n-1) at the least, with jitter).
      expect(elapsed).toBeGreaterThanOrEqual(700);
      const timeline = (await staff.get(`/api/clients/${client.id}/timeline`)).body as {
        action: string;
        data: { reply?: string };
      }[];
      const retries = timeline.filter((event) => event.action === 'invitation.retry_scheduled');
      expect(retries).toHaveLength(3);
      expect(retries[0].data.reply).toBe('451 4.7.1 Greylisted, try again later');
      expect((await staff.get(`/api/clients/${client.id}`)).body.status).toBe('invited');
    });

    it('fails after one try on 550, keeping the reply for staff', async () => {
      const client = await createClient(staff);
      smtp.respondWith((mail) =>
        recipient(mail) === client.email
          ? { code: 550, message: '5.1.1 <' + client.email + '>: Recipient address rejected' }
          : undefined,
      );
      const invitation = (await staff.post(`/api/clients/${client.id}/invitations`)).body;
      const final = await waitFor(async () => {
        const res = await staff.get(`/api/invitations/${invitation.id}`);
        return res.body.status === 'failed' ? res.body : undefined;
      }, 'the invitation to fail');
      expect(final.attempts).toBe(1);
      expect(final.lastSmtpReply).toBe(`550 5.1.1 <${client.email}>: Recipient address rejected`);
      expect((await staff.get(`/api/clients/${client.id}`)).body.status).toBe('invitation_failed');
      const listed = await staff.get(`/api/invitations?status=failed&clientId=${client.id}`);
      expect(listed.body.items.map((item: { lastSmtpReply: string }) => item.lastSmtpReply)).toEqual([
        final.lastSmtpReply,
      ]);
      // Not tried again, not even by the sweeper.
      await worker.get(InvitationSweeper).sweep(0);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(smtp.received.filter((mail) => recipient(mail) === client.email)).toHaveLength(1);
      // Staff can send it again once the address is fixed; the failed client may be activated anew.
      expect((await staff.post(`/api/clients/${client.id}/invitations`)).status).toBe(201);
    });

    it('sends an invitation whose job never reached the queue (the API died after the commit): the sweeper', async () => {
      smtp.respondWith();
      const client = await createClient(staff);
      const spy = jest
        .spyOn(app.get(JobQueue), 'enqueueMany')
        .mockRejectedValueOnce(new Error('Redis did not accept the job'));
      const res = await staff.post(`/api/clients/${client.id}/invitations`);
      spy.mockRestore();
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('queued');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(smtp.received.filter((mail) => recipient(mail) === client.email)).toHaveLength(0);

      expect((await worker.get(InvitationSweeper).sweep(0)).requeued).toBeGreaterThanOrEqual(1);
      await smtp.waitFor((mail) => recipient(mail) === client.email);
      const sent = await waitFor(async () => {
        const current = await staff.get(`/api/invitations/${res.body.id}`);
        return current.body.status === 'sent' ? current.body : undefined;
      }, 'the swept invitation to be sent');
      expect(sent.attempts).toBe(1);
    });
  });

  describe('Redis stopped and restarted during a bulk run of 1,000', () => {
    const redis = new ScratchRedis();
    let app: NestExpressApplication;
    let worker: INestApplicationContext;

    afterAll(async () => {
      await worker?.close();
      await app?.close();
      await redis.stop();
    });

    it('delivers all 1,000, none twice', async () => {
      smtp.clear();
      const env = {
        REDIS_URL: await redis.start(),
        SMTP_URL: smtpUrl,
        QUEUE_PREFIX: uniqueQueuePrefix(),
        INVITATION_SWEEP_INTERVAL_SECONDS: '1',
        INVITATION_REQUEUE_AFTER_SECONDS: '3',
        INVITATION_LEASE_SECONDS: '10',
        MAIL_RATE_PER_FIRM_PER_SECOND: '150',
      };
      app = await createHttpApp(testConfig(env));
      worker = await createContext(testConfig(env), 'worker');
      const staff = await new ApiClient(app).init();
      const firm = await staff.signup();
      const { ids } = await insertClients(db, firm.me.firm.id, 1000);
      const bulk = await staff.post('/api/invitations/bulk', { clientIds: ids });
      expect(bulk.status).toBe(202);

      await smtp.waitUntil(() => smtp.messages.length >= 150, 60_000);
      await redis.stop(); // every queued job is gone with it
      const deliveredWhileDown = smtp.messages.length;
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await redis.start();

      await smtp.waitUntil(() => countByRecipient(smtp.messages).size >= 1000, 120_000);
      const counts = countByRecipient(smtp.messages);
      expect(counts.size).toBe(1000);
      expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
      expect(smtp.messages).toHaveLength(1000);
      expect(deliveredWhileDown).toBeLessThan(1000);
      await waitFor(
        async () => (await statusCounts(bulk.body.id))['sent'] === 1000,
        'all 1,000 recorded as sent',
      );
      const progress = await staff.get(`/api/invitations/bulk/${bulk.body.id}`);
      expect(progress.body).toMatchObject({ total: 1000, sent: 1000, queued: 0, failed: 0, done: true });
    }, 240_000);
  });

  describe('worker process killed mid-run', () => {
    let app: NestExpressApplication;
    let worker: TestProcess;

    afterAll(async () => {
      await worker?.stop();
      await app?.close();
    });

    // One job at a time: a killed worker can have sent at most the e-mails it had in flight without recording
    // them (WORKER_CONCURRENCY of them); with one in flight, at most one duplicate per kill.
    it('is finished by a restarted worker; duplicates at most one per kill', async () => {
      smtp.clear();
      const env = {
        REDIS_URL: TEST_REDIS_URL,
        SMTP_URL: smtpUrl,
        QUEUE_PREFIX: uniqueQueuePrefix(),
        INVITATION_SWEEP_INTERVAL_SECONDS: '1',
        INVITATION_REQUEUE_AFTER_SECONDS: '3',
        INVITATION_LEASE_SECONDS: '3',
        MAIL_RATE_PER_FIRM_PER_SECOND: '150',
        WORKER_CONCURRENCY: '1',
      };
      app = await createHttpApp(testConfig(env));
      const staff = await new ApiClient(app).init();
      const firm = await staff.signup();
      const { ids } = await insertClients(db, firm.me.firm.id, 300);
      const workerEnv = {
        ...env,
        DATABASE_URL: process.env['INT_DATABASE_URL'] ?? '',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'passerelle-worker-')),
      };
      worker = apiWorkerProcess(workerEnv);
      await worker.start(/Worker ready/);
      const bulk = await staff.post('/api/invitations/bulk', { clientIds: ids });
      expect(bulk.status).toBe(202);

      let kills = 0;
      for (const threshold of [60, 180]) {
        await smtp.waitUntil(() => smtp.messages.length >= threshold, 90_000);
        await worker.kill('SIGKILL');
        kills++;
        worker = apiWorkerProcess(workerEnv);
        await worker.start(/Worker ready/);
      }

      await smtp.waitUntil(() => countByRecipient(smtp.messages).size >= 300, 120_000);
      const counts = countByRecipient(smtp.messages);
      expect(counts.size).toBe(300);
      const duplicates = smtp.messages.length - counts.size;
      expect(duplicates).toBeLessThanOrEqual(kills);
      await waitFor(
        async () => (await statusCounts(bulk.body.id))['sent'] === 300,
        'all 300 recorded as sent',
      );
    }, 240_000);
  });
});
