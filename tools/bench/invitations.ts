/**
 * Benchmark (not a test): 10,000 invitation e-mails through Redis/Bull and a worker process into an SMTP peer.
 *   npx nx build api && npm run bench:invitations   (needs PostgreSQL and Redis as for the tests)
 * Seeds a scratch database with 5 firms of 2,000 not-invited clients, starts the built API and one worker
 * (dist/apps/api/{main,worker}.js, default settings), starts one bulk activation per firm, and counts what the
 * SMTP peer receives. Prints messages/s, end-to-end time, duplicates and losses.
 * Target (issue 9) on the 2-core reference machine: ≥ 200 messages/s, 0 lost, 0 duplicated.
 */
import {
  createScratchDatabase,
  dropScratchDatabase,
  freePort,
  TEST_REDIS_URL,
  TestProcess,
  TestSmtpServer,
  uniqueQueuePrefix,
} from '@passerelle/testing';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { apiNodeFlags } from './node-flags';

const FIRMS = Number(process.env['BENCH_FIRMS'] ?? 5);
const PER_FIRM = Number(process.env['BENCH_CLIENTS_PER_FIRM'] ?? 2000);
const TOTAL = FIRMS * PER_FIRM;
const TIMEOUT_MS = Number(process.env['BENCH_TIMEOUT_S'] ?? 600) * 1000;

/** CPU seconds a process has used so far (user + system), from /proc. */
function cpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds of every PostgreSQL backend serving `database` right now. */
function postgresCpuSeconds(database: string): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmdline.startsWith('postgres:') && cmdline.includes(` ${database} `))
        total += cpuSeconds(Number(pid));
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/** A cookie-keeping client that echoes the CSRF cookie, as the web app does. */
function session(baseUrl: string) {
  const cookies = new Map<string, string>();
  return async (method: string, path: string, body?: unknown) => {
    const res = await fetch(baseUrl + path, {
      method,
      headers: {
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-xsrf-token': cookies.get('XSRF-TOKEN') ?? '',
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      cookies.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
}

async function seedClients(db: Client, firmId: string, firm: number): Promise<string[]> {
  const rows = await db.query(
    `INSERT INTO client (firm_id, name, address, postal_code, city, country, language, contact_name,
                         contact_language, contact_email, search_text)
     SELECT $1, 'Client ' || $2 || '-' || g, '1, avenue Hassan II', '20000', 'Casablanca', 'MA', 'fr',
            'Contact ' || g, (ARRAY['fr', 'en', 'ar'])[1 + g % 3], 'contact-' || $2 || '-' || g || '@client.ma',
            'client' || $2 || g
       FROM generate_series(1, $3) AS g
     RETURNING id`,
    [firmId, firm, PER_FIRM],
  );
  return rows.rows.map((row: { id: string }) => row.id);
}

async function main(): Promise<void> {
  const databaseUrl = await createScratchDatabase('passerelle_bench_inv');
  const smtp = new TestSmtpServer({ headersOnly: true });
  const smtpUrl = await smtp.start();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env['TEST_REDIS_URL'] ?? TEST_REDIS_URL,
    SMTP_URL: smtpUrl,
    QUEUE_PREFIX: uniqueQueuePrefix(),
    APP_URL: baseUrl,
    PORT: String(port),
    SEED_DEMO: 'false',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-invitations-')),
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    // Settings to compare (defaults otherwise): WORKER_CONCURRENCY, MAIL_RATE_PER_SECOND, MAIL_RATE_PER_FIRM_PER_SECOND,
    // HEAP_GROWTH_PERCENT.
    ...Object.fromEntries(
      ['WORKER_CONCURRENCY', 'MAIL_RATE_PER_SECOND', 'MAIL_RATE_PER_FIRM_PER_SECOND', 'HEAP_GROWTH_PERCENT']
        .filter((name) => process.env[name])
        .map((name) => [name, process.env[name] as string]),
    ),
  };
  const api = new TestProcess(process.execPath, [...apiNodeFlags(), 'dist/apps/api/main.js'], env);
  // BENCH_WORKER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the worker.
  const workerArgs = (process.env['BENCH_WORKER_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  const worker = new TestProcess(
    process.execPath,
    [...apiNodeFlags(), ...workerArgs, 'dist/apps/api/worker.js'],
    env,
  );
  try {
    await api.start(/Passerelle is running/);
    await worker.start(/Worker ready/);

    const db = new Client({ connectionString: databaseUrl });
    db.on('error', () => undefined); // the scratch database is dropped with FORCE at the end
    await db.connect();
    const runs: { call: ReturnType<typeof session>; clientIds: string[] }[] = [];
    const seeding = Date.now();
    for (let firm = 1; firm <= FIRMS; firm++) {
      const call = session(baseUrl);
      await call('GET', '/api/health');
      const signup = await call('POST', '/api/auth/signup', {
        firmName: `Cabinet Bench ${firm}`,
        name: `Admin ${firm}`,
        email: `admin${firm}@bench-${env.QUEUE_PREFIX}.ma`,
        password: `Bench-password-${firm}`,
      });
      if (signup.status !== 201) throw new Error(`signup: ${signup.status} ${JSON.stringify(signup.body)}`);
      runs.push({ call, clientIds: await seedClients(db, signup.body.firm.id, firm) });
    }
    await db.query('ANALYZE client');
    console.log(
      `seeded ${FIRMS} firms × ${PER_FIRM} clients in ${((Date.now() - seeding) / 1000).toFixed(1)} s`,
    );
    // The welcome e-mails of the sign-ups are not part of the measure.
    await smtp.waitUntil(() => smtp.messages.length >= FIRMS, 30_000);
    smtp.clear();

    const database = new URL(databaseUrl).pathname.slice(1);
    const cpuBefore = {
      worker: cpuSeconds(worker.pid),
      api: cpuSeconds(api.pid),
      bench: process.cpuUsage(),
      postgres: postgresCpuSeconds(database),
    };
    const started = Date.now();
    for (const run of runs) {
      const res = await run.call('POST', '/api/invitations/bulk', { clientIds: run.clientIds });
      if (res.status !== 202) throw new Error(`bulk: ${res.status} ${JSON.stringify(res.body)}`);
    }
    const accepted = Date.now() - started;
    const invitations = () => smtp.messages.filter((mail) => mail.messageId?.startsWith('<invitation.'));
    const uniqueRecipients = () =>
      new Set(invitations().map((mail) => (mail.to && !Array.isArray(mail.to) ? mail.to.text : '')));
    let firstAt = 0;
    let reported = 0;
    for (;;) {
      const count = uniqueRecipients().size;
      if (count > 0 && firstAt === 0) firstAt = Date.now();
      if (count >= TOTAL) break;
      if (Date.now() - started > TIMEOUT_MS) break;
      if (Date.now() - reported > 5000) {
        reported = Date.now();
        console.log(`  ${count} / ${TOTAL} delivered after ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const lastAt = Date.now();
    const cpu = {
      worker: cpuSeconds(worker.pid) - cpuBefore.worker,
      api: cpuSeconds(api.pid) - cpuBefore.api,
      bench: (() => {
        const used = process.cpuUsage(cpuBefore.bench);
        return (used.user + used.system) / 1e6;
      })(),
      postgres: postgresCpuSeconds(database) - cpuBefore.postgres,
    };
    // Let late duplicates (if any) arrive before counting them.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const mails = invitations();
    const delivered = uniqueRecipients().size;
    const messageIds = new Set(mails.map((mail) => mail.messageId));
    const statuses = await db.query(
      `SELECT status, count(*)::int AS n FROM invitation GROUP BY status ORDER BY 1`,
    );
    await db.end();

    const seconds = (lastAt - started) / 1000;
    const sendingSeconds = (lastAt - (firstAt || started)) / 1000;
    const settings = [
      'WORKER_CONCURRENCY',
      'MAIL_RATE_PER_SECOND',
      'MAIL_RATE_PER_FIRM_PER_SECOND',
      'HEAP_GROWTH_PERCENT',
    ]
      .filter((name) => name in env)
      .map((name) => `${name}=${env[name as keyof typeof env]}`);
    console.log(
      `\n${TOTAL} invitations (${FIRMS} bulk runs of ${PER_FIRM}), API + 1 worker (${settings.join(', ') || 'default settings'})`,
    );
    console.log(`  bulk requests answered (202)   ${accepted} ms for all ${FIRMS}`);
    console.log(`  end-to-end time                ${seconds.toFixed(1)} s (first request → last e-mail)`);
    console.log(
      `  messages/s                     ${(delivered / seconds).toFixed(0)} end to end, ${(delivered / sendingSeconds).toFixed(0)} while sending`,
    );
    console.log(`  delivered                      ${delivered}`);
    console.log(`  lost                           ${TOTAL - delivered}`);
    console.log(
      `  duplicated                     ${mails.length - messageIds.size} (same Message-ID twice), ${mails.length - delivered} extra e-mails`,
    );
    console.log(
      `  invitation rows                ${statuses.rows.map((row) => `${row.status} ${row.n}`).join(', ')}`,
    );
    const perMessage = (seconds: number) =>
      `${((seconds * 1000) / Math.max(1, delivered)).toFixed(2)} ms/msg`;
    console.log(
      `  CPU used                       worker ${cpu.worker.toFixed(1)} s (${perMessage(cpu.worker)}), ` +
        `PostgreSQL ${cpu.postgres.toFixed(1)} s (${perMessage(cpu.postgres)}), API ${cpu.api.toFixed(1)} s, ` +
        `SMTP peer + bench ${cpu.bench.toFixed(1)} s`,
    );
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    console.log(
      `  machine load average           ${load} (2 cores; other work on the machine slows the figures)`,
    );
    const ok = delivered === TOTAL && mails.length === TOTAL && delivered / seconds >= 200;
    console.log(`\n  target ≥ 200 msg/s, 0 lost, 0 duplicated: ${ok ? 'met' : 'NOT met'}`);
  } finally {
    await worker.stop();
    await api.stop();
    await smtp.stop();
    if (process.env['BENCH_KEEP_DB']) console.log(`kept ${databaseUrl}`);
    else await dropScratchDatabase(databaseUrl);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
