import {
  createScratchDatabase,
  dropScratchDatabase,
  TEST_REDIS_URL,
  TestSmtpServer,
  uniqueQueuePrefix,
} from '@passerelle/testing';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpSession } from './support/http';
import { ProductProcess, startServer } from './support/product';

/** Production shape: PostgreSQL + Redis + SMTP, with the queue worker as its own process. */
describe('API and worker as separate processes on PostgreSQL, Redis and SMTP', () => {
  const smtp = new TestSmtpServer();
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-e2e-prod-'));
  let databaseUrl: string;
  let env: Record<string, string>;
  let api: ProductProcess;
  let worker: ProductProcess | undefined;
  let url: string;

  beforeAll(async () => {
    databaseUrl = await createScratchDatabase('passerelle_e2e');
    env = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: TEST_REDIS_URL,
      SMTP_URL: await smtp.start(),
      QUEUE_PREFIX: uniqueQueuePrefix(),
      DATA_DIR: dataDir,
    };
    ({ server: api, url } = await startServer(env));
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await smtp.stop();
    if (databaseUrl) await dropScratchDatabase(databaseUrl);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds the demo firm on the first start of an empty database', () => {
    expect(api.output).toMatch(/Demo firm created/);
  });

  it('processes a job enqueued by the API in the separately started worker', async () => {
    const suffix = randomBytes(3).toString('hex');
    const http = new HttpSession(url);
    expect((await http.request('GET', '/api/health')).body).toMatchObject({
      status: 'ok',
      database: { mode: 'postgresql' },
      queue: { mode: 'redis' },
      mail: { mode: 'smtp' },
    });
    const signup = await http.request('POST', '/api/auth/signup', {
      firmName: `Cabinet Tanger ${suffix}`,
      name: 'Youssef Idrissi',
      email: `youssef.${suffix}@tanger-audit.ma`,
      password: 'Detroit-De-Gibraltar',
    });
    expect(signup.status).toBe(201);

    // The API process does not run jobs when Redis is configured: nothing is sent until a worker starts.
    await new Promise((ok) => setTimeout(ok, 1500));
    expect(smtp.messages).toHaveLength(0);

    worker = new ProductProcess('worker', env);
    await worker.start(/Worker ready/);
    const mail = await smtp.waitFor((m) => m.subject?.includes(`Cabinet Tanger ${suffix}`) ?? false);
    expect(mail.text).toContain('Youssef Idrissi');
    await worker.waitForOutput(/mail\.welcome done/);
  });
});
