import type { NestExpressApplication } from '@nestjs/platform-express';
import { apiWorkerProcess, ScratchRedis, TestProcess, uniqueQueuePrefix } from '@passerelle/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client as PgClient } from 'pg';
import { ImportSweeper } from '../src/app/imports/import-sweeper';
import { makeIce } from './support/clients';
import { checkBatch, settled, uploadAndParse, type BatchView } from './support/imports';
import { adminDb, waitFor } from './support/invitations';
import { ApiClient, createHttpApp, testConfig } from './support/test-app';

const HEADER =
  'Nom client;Adresse;Code postal;Ville;Pays;ICE;IF;Langue;Contact;Langue contact;Email du contact';

/** A Windows-style `;` CSV of `count` valid clients (ICE and e-mail unique). */
function csv(count: number, tag: string): Buffer {
  const lines = [HEADER];
  for (let i = 0; i < count; i++) {
    lines.push(
      `Société ${tag} ${i};${i} rue de Fès;20250;Casablanca;Maroc;${makeIce()};${1_000_000 + i};fr;` +
        `Karim Benjelloun;ar;contact.${tag}.${i}@atlas.ma`,
    );
  }
  return Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
}

/**
 * Import steps under faults, with real processes: the queue worker and a scratch Redis killed by their PIDs
 * in the middle of an import (its job is lost with Redis), a step whose job never reached the queue, a step
 * that never finishes. The sweeper queues lost steps again; nothing is imported twice, nothing stays running.
 */
describe('import steps under faults', () => {
  const redis = new ScratchRedis();
  let db: PgClient;
  let app: NestExpressApplication;
  let worker: TestProcess;
  let workerEnv: Record<string, string>;
  let staff: ApiClient;

  beforeAll(async () => {
    db = await adminDb();
    const env = {
      REDIS_URL: await redis.start(),
      QUEUE_PREFIX: uniqueQueuePrefix(),
      // Sweeps run when the test says (ImportSweeper.sweep), not on a timer.
      IMPORT_SWEEP_INTERVAL_SECONDS: '3600',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    };
    app = await createHttpApp(testConfig(env));
    staff = await new ApiClient(app).init();
    await staff.signup();
    workerEnv = {
      ...env,
      DATABASE_URL: process.env['INT_DATABASE_URL'] ?? '',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'passerelle-worker-')),
    };
    worker = apiWorkerProcess(workerEnv);
    await worker.start(/Worker ready/);
  });

  afterAll(async () => {
    await worker?.stop();
    await app?.close();
    await redis.stop();
    await db?.end();
  });

  const sweeper = () => app.get(ImportSweeper);

  async function clientsOf(batchId: string): Promise<{ clients: number; keys: number }> {
    const rows = await db.query(
      `SELECT count(*)::int AS clients, count(DISTINCT import_key)::int AS keys FROM client WHERE import_batch_id = $1`,
      [batchId],
    );
    return rows.rows[0];
  }

  it('finishes an import whose worker and Redis were killed mid-transaction, each client once', async () => {
    const rows = 20_000;
    const parsed = await uploadAndParse(staff, csv(rows, 'kill'), 'clients-kill.csv');
    expect(parsed.status).toBe('mapping');
    const checked = await checkBatch(staff, parsed.id);
    expect(checked.status).toBe('checked');
    expect(checked.summary.toCreate).toBe(rows);

    expect((await staff.post(`/api/imports/${parsed.id}/import`, { mode: 'all' })).status).toBe(202);
    // Killed once the import's transaction has inserted a first slice of rows (progress moved).
    await waitFor(async () => {
      const batch = (await staff.get(`/api/imports/${parsed.id}`)).body as BatchView;
      if (batch.status !== 'importing') throw new Error(`the import ended before the kill: ${batch.status}`);
      return batch.progress.done > 0 ? batch : undefined;
    }, 'the import to be under way');
    await worker.kill('SIGKILL');
    await redis.stop();

    // The dead worker's transaction never commits: nothing of it is visible, the batch still says importing.
    expect(await clientsOf(parsed.id)).toEqual({ clients: 0, keys: 0 });
    expect(((await staff.get(`/api/imports/${parsed.id}`)).body as BatchView).status).toBe('importing');

    await redis.start(); // empty: the job is gone with it
    worker = apiWorkerProcess(workerEnv);
    await worker.start(/Worker ready/);
    // A fresh batch is not stale yet; with no threshold it is queued again.
    expect(await sweeper().sweep(3600)).toEqual({ requeued: 0, failed: 0 });
    expect(await sweeper().sweep(0)).toEqual({ requeued: 1, failed: 0 });

    const done = await settled(staff, parsed.id, 120_000);
    expect(done.status).toBe('imported');
    expect(done.summary.created).toBe(rows);
    expect(await clientsOf(parsed.id)).toEqual({ clients: rows, keys: rows });
    // Queued again while it runs or once it is done: the same job id, nothing runs twice.
    expect(await sweeper().sweep(0)).toEqual({ requeued: 0, failed: 0 });
  }, 240_000);

  it('runs a check whose job never reached the queue (the API died after the commit)', async () => {
    const parsed = await uploadAndParse(staff, csv(3, 'lost'), 'clients-lost.csv');
    expect(parsed.status).toBe('mapping');
    // What POST /check commits before it enqueues, without the enqueue.
    await db.query(
      `UPDATE import_batch SET status = 'checking', revision = revision + 1, step_attempts = 0,
              updated_at = now() - interval '10 minutes' WHERE id = $1`,
      [parsed.id],
    );
    expect(await sweeper().sweep()).toEqual({ requeued: 1, failed: 0 });
    const checked = await settled(staff, parsed.id);
    expect(checked.status).toBe('checked');
    expect(checked.summary.valid).toBe(3);
    expect(checked.summary.toCreate).toBe(3);
  });

  it('fails with internal a step started five times without finishing, instead of queuing it for ever', async () => {
    const parsed = await uploadAndParse(staff, csv(3, 'loop'), 'clients-loop.csv');
    await db.query(
      `UPDATE import_batch SET status = 'checking', revision = revision + 1, step_attempts = 5,
              updated_at = now() - interval '10 minutes' WHERE id = $1`,
      [parsed.id],
    );
    expect(await sweeper().sweep()).toEqual({ requeued: 0, failed: 1 });
    const batch = (await staff.get(`/api/imports/${parsed.id}`)).body as BatchView;
    expect(batch.status).toBe('failed');
    expect(batch.error?.code).toBe('internal');
  });
});
