import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { QUEUE_NAME } from '../src/app/jobs/bull-job-queue';
import { TEST_REDIS_URL, TestSmtpServer, uniqueQueuePrefix } from '@passerelle/testing';
import { ApiClient, createContext, createHttpApp, testConfig } from './support/test-app';

describe('queue on Redis, mail over SMTP', () => {
  const smtp = new TestSmtpServer();
  let app: NestExpressApplication;
  let worker: INestApplicationContext | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    env = { REDIS_URL: TEST_REDIS_URL, SMTP_URL: await smtp.start(), QUEUE_PREFIX: uniqueQueuePrefix() };
    app = await createHttpApp(testConfig(env));
  });

  afterAll(async () => {
    await worker?.close();
    await app.close();
    await smtp.stop();
  });

  it('reports PostgreSQL, Redis and SMTP as up', async () => {
    const res = await (await new ApiClient(app).init()).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'ok',
      database: { status: 'up', mode: 'postgresql' },
      queue: { status: 'up', mode: 'redis' },
      mail: { status: 'up', mode: 'smtp' },
    });
  });

  it('leaves jobs to the worker: the API enqueues, a worker context sends the e-mail', async () => {
    const client = await new ApiClient(app, 'en').init();
    const firm = await client.signup();
    const queue = app.get<Queue>(getQueueToken(QUEUE_NAME));
    const waiting = await queue.getJobs(['waiting', 'delayed', 'active']);
    expect(waiting.map((job) => job.id)).toContain(`welcome:${firm.me.user.id}`);
    expect(smtp.messages.find((m) => m.subject?.includes(firm.firmName))).toBeUndefined();

    worker = await createContext(testConfig(env), 'worker');
    const mail = await smtp.waitFor((m) => m.subject?.includes(firm.firmName) ?? false);
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe(firm.email);
    expect(mail.text).toContain(firm.name);
    // The shared e-mail layout, with the sign-in link as a button and in text.
    expect(mail.html).toContain('<html lang="fr" dir="ltr">');
    expect(mail.html).toMatch(/href="http:\/\/localhost:\d+\/login"/);
    expect(mail.text).toMatch(/Connexion : http:\/\/localhost:\d+\/login/);
  });

  it('collapses a job enqueued twice with the same id', async () => {
    const queue = app.get<Queue>(getQueueToken(QUEUE_NAME));
    await queue.pause();
    try {
      await queue.add('mail.welcome', {}, { jobId: 'same-id' });
      await queue.add('mail.welcome', {}, { jobId: 'same-id' });
      const jobs = await queue.getJobs(['waiting', 'paused']);
      expect(jobs.filter((job) => job.id === 'same-id')).toHaveLength(1);
      await (await queue.getJob('same-id'))?.remove();
    } finally {
      await queue.resume();
    }
  });
});
