/**
 * Benchmark (not a test): list endpoint latency, p50/p95 per query shape, through the built API.
 *   npm run bench:clients                                      one firm of 100,000 clients (issue 4)
 *   npm run bench:clients -- --firms 200 --total 2000000       one 100,000-client firm among 200 firms (issue 15)
 * Needs PostgreSQL as for the tests, and `npx nx build api`. Target: p95 ≤ 50 ms for every shape on the 2-core
 * reference machine.
 *
 * The clients are generated with set-based SQL (INSERT … SELECT generate_series, the search side table filled
 * in one statement per firm, each firm's rows together), then ANALYZEd. After the shapes, the benchmark times a
 * 100,000-row import into another firm of that database — the statements the import job runs: batches of
 * 2,000 rows through `INSERT … SELECT … FROM unnest(…)` as the application role, then client_search filled for
 * the batch in one statement — and the same rows through the per-row search trigger (what single creates
 * use); each twice, alternating, rolled back, with the database backend's CPU time when the server runs on this
 * machine (far steadier than the elapsed time on a shared machine). Shapes named "from a cursor" read page N + 1
 * with page N's nextCursor (keyset navigation). The load average is printed next to the figures.
 *
 * Options:
 *   --rows N          clients of the measured firm (default 100000, or BENCH_ROWS)
 *   --firms N         firms in the database (default 1); the others share --total minus --rows
 *   --total N         clients in the database (default --rows)
 *   --iterations N    requests per shape (default 60, or BENCH_ITERATIONS); 5 more warm up first
 *   --keep            keep the generated database; its URL goes to /tmp/passerelle-bench-clients-<firms>-<total>.json
 *   --reuse           use the database that file names (generating it first if there is none), and keep it
 *   --drop            drop the kept database named by that file, and exit
 *   --update          also measure after every client of the measured firm was updated once (as imports and
 *                     status changes do; no VACUUM in between), then VACUUM the tables
 *   --settle S        with --update: wait S seconds before measuring again, and say whether autovacuum (when the
 *                     server runs it) has vacuumed the two tables since the update
 *   --no-insert       skip the 100,000-row insert
 *   --only REGEX      run only the shapes whose label matches
 */
import { createScratchDatabase, dropScratchDatabase } from '@passerelle/testing';
import { lookupKey } from '@passerelle/domain-validators';
import { spawn } from 'node:child_process';
import { createHash, randomInt } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { apiNodeFlags } from './node-flags';

const ROOT = resolve(__dirname, '../..');
const PASSWORD = 'bench-password-1';
const EMAIL = 'bench@bench.ma';

interface Options {
  rows: number;
  firms: number;
  total: number;
  iterations: number;
  keep: boolean;
  reuse: boolean;
  drop: boolean;
  update: boolean;
  settle: number;
  insert: boolean;
  only?: RegExp;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string, fallback: number): number => {
    const at = argv.indexOf(`--${name}`);
    if (at < 0) return fallback;
    const parsed = Number(argv[at + 1]);
    if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${name} needs a positive integer`);
    return parsed;
  };
  const flag = (name: string) => argv.includes(`--${name}`);
  const rows = value('rows', Number(process.env['BENCH_ROWS'] ?? 100_000));
  const firms = value('firms', 1);
  const total = value('total', rows);
  if (total < rows) throw new Error('--total must be at least --rows');
  if (firms > 1 && total - rows < firms - 1) throw new Error('--total leaves fewer than one client per firm');
  const only = argv.indexOf('--only');
  return {
    rows,
    firms,
    total,
    iterations: value('iterations', Number(process.env['BENCH_ITERATIONS'] ?? 60)),
    keep: flag('keep') || flag('reuse'),
    reuse: flag('reuse'),
    drop: flag('drop'),
    update: flag('update'),
    settle: argv.includes('--settle') ? value('settle', 0) : 0,
    insert: !flag('no-insert'),
    only: only >= 0 ? new RegExp(argv[only + 1], 'i') : undefined,
  };
}

const CITIES = [
  'Casablanca',
  'Rabat',
  'Fès',
  'Marrakech',
  'Tanger',
  'Agadir',
  'Meknès',
  'Oujda',
  'Kénitra',
  'Tétouan',
];
const WORDS = [
  'Atlas',
  'Cèdre',
  'Argan',
  'Sahara',
  'Médina',
  'Oasis',
  'Riad',
  'Zellige',
  'Safran',
  'Menthe',
  'Étoile',
  'Kasbah',
];
const KINDS = [
  'SARL',
  'SA',
  'SARL AU',
  'SNC',
  'Coopérative',
  'Négoce',
  'Import Export',
  'Services',
  'Conseil',
  'Transport',
];
const STATUSES = ['not_invited', 'not_invited', 'not_invited', 'invited', 'active', 'invitation_failed'];
/** Mostly Moroccan companies, some abroad (country sort ranks them by name in the user's language). */
const COUNTRIES = ['MA', 'MA', 'MA', 'MA', 'MA', 'MA', 'MA', 'FR', 'BE', 'ES', 'SN', 'CI', 'DE'];

/** The ICE of generated client i (valid check digits); the same formula as the SQL generator's. */
function ice(i: number): string {
  const base = BigInt(i + 1) * 7919n;
  const check = (97n - ((base * 100n) % 97n)) % 97n || 97n;
  return (base * 100n + check).toString().padStart(15, '0').slice(-15);
}

/**
 * Clients first..last of one firm, set-based. Client i: name "<word> <word> <kind> i", a city, mostly Moroccan,
 * e-mail contact<i>@client<i>.ma, a sixth of them sharing documents… search_text is what the API's
 * clientSearchText() would store (lookupKey of each part), built from the vocabulary's keys computed here.
 * The per-row trigger is skipped (app.bulk_client_insert, as imports do) and client_search filled in one
 * statement per firm.
 */
async function generateClients(db: Client, firmId: string, first: number, last: number): Promise<void> {
  await db.query('BEGIN');
  await db.query(`SELECT set_config('app.bulk_client_insert', 'on', true)`);
  await db.query(
    `INSERT INTO client (firm_id, name, address, postal_code, city, country, ice, tax_id, language, contact_name,
                         contact_language, contact_email, share_documents, status, search_text, archived_at,
                         created_at, updated_at)
     SELECT $1, g.name, '1, avenue Hassan II', '20000', g.city, g.country, g.ice, g.tax_id, 'fr', 'Contact ' || g.i,
            'fr', g.email, g.i % 3 = 0, ($7::text[])[1 + g.i % 6], 
            concat_ws(' ', g.name_key, g.ice, g.tax_id, 'contact' || g.i, 'contact' || g.i || 'client' || g.i || 'ma',
                      g.city_key),
            CASE WHEN g.i % 97 = 1 THEN now() END, g.at, g.at
       FROM (SELECT i, ($3::text[])[1 + i % 12] || ' ' || ($3::text[])[1 + i * 7 % 12] || ' ' || ($5::text[])[1 + i % 10]
                       || ' ' || i AS name,
                    ($4::text[])[1 + i % 12] || ($4::text[])[1 + i * 7 % 12] || ($6::text[])[1 + i % 10] || i AS name_key,
                    ($8::text[])[1 + i % 10] AS city, ($9::text[])[1 + i % 10] AS city_key,
                    ($10::text[])[1 + i * 3 % 13] AS country,
                    CASE WHEN ($10::text[])[1 + i * 3 % 13] = 'MA' THEN
                      right(lpad(((i + 1)::bigint * 791900 + coalesce(nullif((97 - (i + 1)::bigint * 791900 % 97) % 97, 0), 97))::text,
                                 15, '0'), 15)
                    END AS ice,
                    (1000000 + i)::text AS tax_id,
                    'contact' || i || '@client' || i || '.ma' AS email,
                    now() - i * interval '1 minute' AS at
               FROM generate_series($2::int, $11::int) AS i) g`,
    [
      firmId,
      first,
      WORDS,
      WORDS.map(lookupKey),
      KINDS,
      KINDS.map(lookupKey),
      STATUSES,
      CITIES,
      CITIES.map(lookupKey),
      COUNTRIES,
      last,
    ],
  );
  await db.query(
    `INSERT INTO client_search (client_id, firm_id, search_text, name_key, city_key, country, status, share_documents,
                                accounting_software_id, archived, created_at, updated_at)
     SELECT c.id, c.firm_id, c.search_text, c.name_sort, c.city_sort, c.country, c.status, c.share_documents,
            c.accounting_software_id, c.archived_at IS NOT NULL, c.created_at, c.updated_at
       FROM client c WHERE c.firm_id = $1`,
    [firmId],
  );
  await db.query('COMMIT');
}

/** Sizes of the other firms: from half to one and a half times their average, in a fixed order. */
function otherFirmSizes(options: Options): number[] {
  const others = options.firms - 1;
  const share = options.total - options.rows;
  if (others === 0) return [];
  const weights = Array.from({ length: others }, (_, k) => 0.5 + (others === 1 ? 0.5 : k / (others - 1)));
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(1, Math.floor((share * w) / sum)));
  sizes[sizes.length - 1] += share - sizes.reduce((a, b) => a + b, 0);
  return sizes;
}

/**
 * The measured firm (signed up through the API) takes clients 0..rows-1, placed in the middle of the
 * generation order so that its rows sit between other firms' rows on disk, as in a shared database.
 */
async function generate(db: Client, firmId: string, options: Options): Promise<void> {
  const started = Date.now();
  const sizes = otherFirmSizes(options);
  const firmIds: string[] = sizes.length
    ? (
        await db.query<{ id: string }>(
          `INSERT INTO firm (name) SELECT 'Cabinet ' || k FROM generate_series(1, $1::int) k RETURNING id`,
          [sizes.length],
        )
      ).rows.map((row) => row.id)
    : [];
  const order = [...firmIds.map((id, k) => ({ id, size: sizes[k] }))];
  order.splice(Math.floor(order.length / 2), 0, { id: firmId, size: options.rows });
  let next = options.rows;
  let done = 0;
  for (const firm of order) {
    if (firm.id === firmId) await generateClients(db, firmId, 0, options.rows - 1);
    else {
      await generateClients(db, firm.id, next, next + firm.size - 1);
      next += firm.size;
    }
    done += firm.size;
    if (order.length > 1)
      process.stdout.write(
        `\rgenerating: ${done} / ${options.total} clients, ${((Date.now() - started) / 1000).toFixed(0)} s`,
      );
  }
  await db.query('VACUUM ANALYZE client');
  await db.query('VACUUM ANALYZE client_search');
  console.log(
    `\ngenerated ${options.total} clients in ${options.firms} firm(s) in ${((Date.now() - started) / 1000).toFixed(1)} s (with VACUUM ANALYZE)`,
  );
}

/**
 * 100,000 clients imported into another firm: what the import job does (clientWriter: batches of 2,000 through
 * unnest as the application role, the per-row search trigger off, then client_search_fill_batch), and the same
 * rows with the per-row trigger on. Both rolled back; the firm is a generated one, so the measured firm's index
 * ranges get no dead entries.
 */
async function timeInsert(db: Client, firmId: string, rows: number): Promise<void> {
  const base = 10_000_000;
  const batchSize = 2000;
  const columns = (from: number, to: number) => {
    const t: Record<string, unknown[]> = {};
    const push = (k: string, v: unknown) => (t[k] ??= []).push(v);
    for (let i = from; i < to; i++) {
      const n = base + i;
      const name = `${WORDS[i % 12]} ${WORDS[(i * 5) % 12]} ${KINDS[i % 10]} import ${n}`;
      const city = CITIES[i % 10];
      const country = COUNTRIES[(i * 3) % 13];
      const iceValue = country === 'MA' ? ice(n) : null;
      const email = `import${n}@societe${n}.ma`;
      push('import_key', `${'b'.repeat(64)}:${i + 2}`);
      push('name', name);
      push('address', '12, rue de Fès');
      push('postal_code', '20250');
      push('city', city);
      push('country', country);
      push('ice', iceValue);
      push('tax_id', String(20_000_000 + i));
      push('iban', null);
      push('language', 'fr');
      push('contact_name', `Contact ${n}`);
      push('contact_language', 'fr');
      push('contact_email', email);
      push('share_documents', false);
      push('accounting_software_id', null);
      push(
        'search_text',
        [name, iceValue, String(20_000_000 + i), `Contact ${n}`, email, city]
          .filter(Boolean)
          .map((p) => lookupKey(p as string))
          .join(' '),
      );
    }
    return t;
  };
  const batches = Array.from({ length: Math.ceil(rows / batchSize) }, (_, b) =>
    columns(b * batchSize, Math.min(rows, (b + 1) * batchSize)),
  );
  // The backend's own CPU time (when the server is on this machine): far less sensitive to other processes'
  // load than the elapsed time.
  const pid = (await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  const cpu = (): number | undefined => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      return undefined;
    }
  };
  const modes = ['import (set-based search fill)', 'per-row search trigger'] as const;
  for (const mode of [...modes, ...modes]) {
    await db.query('BEGIN');
    await db.query('SET LOCAL ROLE passerelle_app');
    await db.query(`SELECT set_config('app.firm_id', $1, true)`, [firmId]);
    const batch = (
      await db.query<{ id: string }>(
        `INSERT INTO import_batch (firm_id, status, file_name, file_size, file_sha256)
         VALUES ($1, 'importing', 'bench.xlsx', 1, $2) RETURNING id`,
        [firmId, createHash('sha256').update(mode).digest('hex')],
      )
    ).rows[0].id;
    const cpuBefore = cpu();
    const started = performance.now();
    if (mode.startsWith('import')) await db.query(`SELECT set_config('app.bulk_client_insert', 'on', true)`);
    for (const t of batches) {
      await db.query(
        `INSERT INTO client (firm_id, import_batch_id, import_key, name, address, postal_code, city, country, ice,
                             tax_id, iban, language, contact_name, contact_language, contact_email, share_documents,
                             accounting_software_id, search_text)
         SELECT $1, $2, t.import_key, t.name, t.address, t.postal_code, t.city, t.country, t.ice, t.tax_id, t.iban,
                t.language, t.contact_name, t.contact_language, t.contact_email, t.share_documents,
                t.accounting_software_id, t.search_text
           FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                       $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::boolean[],
                       $17::uuid[], $18::text[])
             AS t(import_key, name, address, postal_code, city, country, ice, tax_id, iban, language, contact_name,
                  contact_language, contact_email, share_documents, accounting_software_id, search_text)
         ON CONFLICT DO NOTHING`,
        [
          firmId,
          batch,
          ...[
            'import_key',
            'name',
            'address',
            'postal_code',
            'city',
            'country',
            'ice',
            'tax_id',
            'iban',
            'language',
            'contact_name',
            'contact_language',
            'contact_email',
            'share_documents',
            'accounting_software_id',
            'search_text',
          ].map((k) => t[k]),
        ],
      );
    }
    const inserted = performance.now();
    let fill = '';
    if (mode.startsWith('import')) {
      await db.query(`SELECT set_config('app.bulk_client_insert', 'off', true)`);
      await db.query('SELECT client_search_fill_batch($1)', [batch]);
      fill = `, client_search fill ${((performance.now() - inserted) / 1000).toFixed(2)} s`;
    }
    const elapsed = (performance.now() - started) / 1000;
    const cpuAfter = cpu();
    await db.query('ROLLBACK');
    const backend =
      cpuBefore !== undefined && cpuAfter !== undefined
        ? `, backend CPU ${(cpuAfter - cpuBefore).toFixed(2)} s`
        : '';
    console.log(
      `insert ${rows} clients, ${mode.padEnd(30)} ${elapsed.toFixed(2)} s (client rows ${((inserted - started) / 1000).toFixed(2)} s${fill}${backend})   load ${load()}`,
    );
  }
}

function load(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
}

interface State {
  databaseUrl: string;
  firmId: string;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const stateFile = join(tmpdir(), `passerelle-bench-clients-${options.firms}-${options.total}.json`);
  const saved: State | undefined = existsSync(stateFile)
    ? JSON.parse(readFileSync(stateFile, 'utf8'))
    : undefined;
  if (options.drop) {
    if (saved) await dropScratchDatabase(saved.databaseUrl);
    rmSync(stateFile, { force: true });
    console.log(saved ? `dropped ${saved.databaseUrl}` : `nothing kept in ${stateFile}`);
    return;
  }
  const reusing = options.reuse && saved ? saved : undefined;
  const databaseUrl = reusing?.databaseUrl ?? (await createScratchDatabase('passerelle_bench'));
  if (options.keep && !reusing) writeFileSync(stateFile, JSON.stringify({ databaseUrl, firmId: '' }));
  const port = 3900 + randomInt(0, 90);
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-'));
  const api = spawn(process.execPath, [...apiNodeFlags(), join(ROOT, 'dist/apps/api/main.js')], {
    env: {
      PATH: process.env['PATH'] ?? '',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      SEED_DEMO: 'false',
      DATA_DIR: dataDir,
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const db = new Client({ connectionString: databaseUrl });
  db.on('error', () => undefined); // the scratch database is dropped with FORCE at the end
  let output = '';
  try {
    api.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    api.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const startedAt = Date.now();
    // Migrations run at start-up: on a kept database, a new one may build indexes over millions of rows.
    for (let i = 0; !output.includes('Passerelle is running'); i++) {
      if (i > 36_000 || api.exitCode !== null) throw new Error(`API did not start:\n${output}`);
      await new Promise((ok) => setTimeout(ok, 100));
    }
    console.log(`API started (migrations included) in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
    const cookies = new Map<string, string>();
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(url + path, {
        method,
        headers: {
          cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          'x-xsrf-token': cookies.get('XSRF-TOKEN') ?? '',
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        cookies.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
      }
      return res;
    };
    await call('GET', '/api/health');
    await db.connect();
    let firmId: string;
    if (reusing) {
      const res = await call('POST', '/api/auth/login', { email: EMAIL, password: PASSWORD });
      if (res.status !== 200 && res.status !== 201)
        throw new Error(`login: ${res.status} ${await res.text()}`);
      firmId = reusing.firmId;
      console.log(`reusing ${databaseUrl}`);
    } else {
      // Sign up through the API (cookies + CSRF), then generate that firm's clients and the others directly.
      const res = await call('POST', '/api/auth/signup', {
        firmName: 'Bench',
        name: 'Bench',
        email: EMAIL,
        password: PASSWORD,
      });
      firmId = ((await res.json()) as { firm: { id: string } }).firm.id;
      await generate(db, firmId, options);
      if (options.keep) {
        writeFileSync(stateFile, JSON.stringify({ databaseUrl, firmId } satisfies State));
        console.log(`kept ${databaseUrl} (named in ${stateFile}; --drop removes it)`);
      }
    }

    const shapes: [string, string][] = [
      ['first page, sorted by name', '/api/clients'],
      ['search "cedre" (common, accent-insensitive)', '/api/clients?q=cedre'],
      ['search "casa" (very common)', '/api/clients?q=casa'],
      ['search "sa" (two letters: no trigram)', '/api/clients?q=sa'],
      ['search "zq" (two letters, no match)', '/api/clients?q=zq'],
      ['search an ICE fragment (rare)', `/api/clients?q=${ice(54320).slice(3, 11)}`],
      ['search an e-mail (rare)', '/api/clients?q=contact77777%40client'],
      ['search with no match', '/api/clients?q=zzqx'],
      ['filter status + sharing', '/api/clients?status=active&shareDocuments=true'],
      ['filter country, newest first, page 40', '/api/clients?country=MA&sort=createdAt&order=desc&page=40'],
      ['search + filter + sort by city', '/api/clients?q=atlas&status=not_invited&sort=city'],
      ['search "cedre", sorted by name, page 200', '/api/clients?q=cedre&page=200'],
      ['search "cedre", page 200 from page 199\'s cursor', 'cursor:/api/clients?q=cedre&page=199'],
      ['sorted by name, descending, page 3', '/api/clients?sort=name&order=desc&page=3'],
      ['sorted by name, page 400 (deep)', '/api/clients?sort=name&page=400'],
      ["sorted by name, page 400 from page 399's cursor", 'cursor:/api/clients?sort=name&page=399'],
      ['by status, descending, page 100 from a cursor', 'cursor:/api/clients?sort=status&order=desc&page=99'],
      ['sorted by city', '/api/clients?sort=city'],
      ['sorted by creation, oldest first', '/api/clients?sort=createdAt'],
      ['sorted by last change, newest first', '/api/clients?sort=updatedAt&order=desc'],
      ['sorted by country name', '/api/clients?sort=country'],
      ['sorted by country name, descending, page 40', '/api/clients?sort=country&order=desc&page=40'],
      ['sorted by status (lifecycle)', '/api/clients?sort=status'],
      ['filter sharing, sorted by status', '/api/clients?shareDocuments=true&sort=status&order=desc'],
      ['archived clients', '/api/clients?archived=true'],
      ['search "cedre", sorted by country name', '/api/clients?q=cedre&sort=country'],
      ['search "atlas", sorted by status', '/api/clients?q=atlas&sort=status'],
      ['search "cedre", newest first', '/api/clients?q=cedre&sort=createdAt&order=desc'],
    ];
    const measure = async (title: string) => {
      console.log(`\n${title} — ${options.iterations} requests per shape, load average ${load()}:\n`);
      for (const [label, shape] of shapes) {
        let path = shape;
        if (options.only && !options.only.test(label)) continue;
        // "cursor:<page N>": page N + 1 read with page N's nextCursor (keyset navigation), N fetched once.
        if (path.startsWith('cursor:')) {
          const previous = path.slice('cursor:'.length);
          const body = (await (await call('GET', previous)).json()) as { nextCursor: string | null };
          if (!body.nextCursor) throw new Error(`${previous}: no nextCursor`);
          const page = Number(new URL(previous, url).searchParams.get('page'));
          path = previous.replace(
            `page=${page}`,
            `page=${page + 1}&after=${encodeURIComponent(body.nextCursor)}`,
          );
        }
        const times: number[] = [];
        let total = '';
        for (let i = 0; i < options.iterations + 5; i++) {
          const started = performance.now();
          const res = await call('GET', path);
          const body = (await res.json()) as { total: number; totalCapped?: boolean };
          if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
          total = `${body.totalCapped ? 'more than ' : ''}${body.total}`;
          if (i >= 5) times.push(performance.now() - started);
        }
        times.sort((a, b) => a - b);
        const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
        console.log(
          `${label.padEnd(46)} p50 ${p(0.5).padStart(6)} ms   p95 ${p(0.95).padStart(6)} ms   (${total} matches)`,
        );
      }
      console.log(`\nload average after: ${load()}`);
    };
    const scale = `${options.rows} clients in a database of ${options.total} clients / ${options.firms} firm(s)`;
    await measure(scale);
    if (options.update) {
      const started = Date.now();
      await db.query(`UPDATE client SET updated_at = now() WHERE firm_id = $1`, [firmId]);
      console.log(
        `\nupdated the firm's ${options.rows} clients once (per-row search trigger) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      if (options.settle) {
        const updated = new Date();
        await new Promise((ok) => setTimeout(ok, options.settle * 1000));
        const vacuumed = await db.query<{ relname: string; at: Date | null }>(
          `SELECT relname, greatest(last_autovacuum, last_vacuum) AS at FROM pg_stat_user_tables
            WHERE relname IN ('client', 'client_search') ORDER BY relname`,
        );
        const since = vacuumed.rows.map(
          (row) =>
            `${row.relname} ${row.at && row.at > updated ? `vacuumed ${((row.at.getTime() - updated.getTime()) / 1000).toFixed(0)} s after the update` : 'not vacuumed since'}`,
        );
        console.log(`waited ${options.settle} s: ${since.join(', ')}`);
      }
      await measure(
        `${scale}, after every client of the firm was updated once (${options.settle ? `then ${options.settle} s` : 'no VACUUM'})`,
      );
    }
    if (options.insert) {
      const other = await db.query<{ id: string }>(
        `SELECT id FROM firm WHERE id <> $1 ORDER BY name LIMIT 1`,
        [firmId],
      );
      console.log('');
      await timeInsert(db, other.rows[0]?.id ?? firmId, 100_000);
    }
    if (options.keep && (options.update || options.insert)) {
      // Leave the kept database as the next run expects it: dead rows of the update and the rolled-back
      // inserts removed (autovacuum may be off on a test server).
      const started = Date.now();
      await db.query('VACUUM ANALYZE client');
      await db.query('VACUUM ANALYZE client_search');
      console.log(`VACUUM ANALYZE in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } catch (error) {
    if (api.exitCode !== null) console.error(`the API exited (${api.exitCode}):\n${output.slice(-4000)}`);
    throw error;
  } finally {
    await db.end().catch(() => undefined);
    if (api.exitCode === null) {
      api.kill('SIGTERM');
      await new Promise((ok) => api.once('exit', ok));
    }
    rmSync(dataDir, { recursive: true, force: true });
    if (!options.keep) await dropScratchDatabase(databaseUrl);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
