/**
 * Benchmark (not a test): list endpoint latency on 100,000 clients of one firm.
 *   npm run bench:clients            (needs PostgreSQL as for the tests, and `npx nx build api`)
 * Seeds a scratch database, starts the built API against it, prints p50/p95 per query shape.
 * Target (issue 4): p95 ≤ 50 ms on the 2-core reference machine.
 */
import { createScratchDatabase, dropScratchDatabase } from '@passerelle/testing';
import { lookupKey } from '@passerelle/domain-validators';
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

const ROWS = Number(process.env['BENCH_ROWS'] ?? 100_000);
const ITERATIONS = Number(process.env['BENCH_ITERATIONS'] ?? 60);
const ROOT = resolve(__dirname, '../..');
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

function ice(i: number): string {
  const base = BigInt(i + 1) * 7919n;
  const check = (97n - ((base * 100n) % 97n)) % 97n || 97n;
  return (base * 100n + check).toString().padStart(15, '0').slice(-15);
}

async function seed(db: Client, firmId: string): Promise<void> {
  const started = Date.now();
  const batch = 1000;
  for (let from = 0; from < ROWS; from += batch) {
    const values: unknown[] = [];
    const tuples: string[] = [];
    for (let i = from; i < Math.min(ROWS, from + batch); i++) {
      const name = `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} ${KINDS[i % KINDS.length]} ${i}`;
      const city = CITIES[i % CITIES.length];
      const contactName = `Contact ${i}`;
      const email = `contact${i}@client${i}.ma`;
      const country = COUNTRIES[(i * 3) % COUNTRIES.length];
      const iceValue = country === 'MA' ? ice(i) : null;
      const taxId = String(1_000_000 + i);
      const row = [
        firmId,
        name,
        '1, avenue Hassan II',
        '20000',
        city,
        country,
        iceValue,
        taxId,
        'fr',
        contactName,
        'fr',
        email,
        i % 3 === 0,
        STATUSES[i % STATUSES.length],
        [name, iceValue ?? '', taxId, contactName, email, city].filter(Boolean).map(lookupKey).join(' '),
        new Date(Date.now() - i * 60_000),
      ];
      tuples.push(`(${row.map((_, k) => `$${values.length + k + 1}`).join(',')})`);
      values.push(...row);
    }
    await db.query(
      `INSERT INTO client (firm_id, name, address, postal_code, city, country, ice, tax_id, language, contact_name,
         contact_language, contact_email, share_documents, status, search_text, created_at) VALUES ${tuples.join(',')}`,
      values,
    );
  }
  await db.query('ANALYZE client');
  console.log(`seeded ${ROWS} clients in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function main(): Promise<void> {
  const databaseUrl = await createScratchDatabase('passerelle_bench');
  const port = 3900 + randomInt(0, 90);
  const url = `http://127.0.0.1:${port}`;
  const api = spawn(process.execPath, [join(ROOT, 'dist/apps/api/main.js')], {
    env: {
      PATH: process.env['PATH'] ?? '',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      SEED_DEMO: 'false',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-')),
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    let output = '';
    api.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    api.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    for (let i = 0; !output.includes('Passerelle is running'); i++) {
      if (i > 600 || api.exitCode !== null) throw new Error(`API did not start:\n${output}`);
      await new Promise((ok) => setTimeout(ok, 100));
    }
    // Sign up through the API (cookies + CSRF), then seed that firm directly.
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
    const me = await (
      await call('POST', '/api/auth/signup', {
        firmName: 'Bench',
        name: 'Bench',
        email: 'bench@bench.ma',
        password: 'bench-password-1',
      })
    ).json();
    const db = new Client({ connectionString: databaseUrl });
    db.on('error', () => undefined); // the scratch database is dropped with FORCE at the end
    await db.connect();
    try {
      await seed(db, me.firm.id);
    } finally {
      await db.end();
    }

    const shapes: [string, string][] = [
      ['first page, sorted by name', '/api/clients'],
      ['search "cedre" (common, accent-insensitive)', '/api/clients?q=cedre'],
      ['search an ICE fragment (rare)', `/api/clients?q=${ice(54320).slice(3, 11)}`],
      ['search an e-mail', '/api/clients?q=contact77777%40client'],
      ['filter status + sharing', '/api/clients?status=active&shareDocuments=true'],
      ['filter country, newest first, page 40', '/api/clients?country=MA&sort=createdAt&order=desc&page=40'],
      ['search + filter + sort by city', '/api/clients?q=atlas&status=not_invited&sort=city'],
      ['sorted by name, descending, page 3', '/api/clients?sort=name&order=desc&page=3'],
      ['sorted by city', '/api/clients?sort=city'],
      ['sorted by country name', '/api/clients?sort=country'],
      ['sorted by country name, descending, page 40', '/api/clients?sort=country&order=desc&page=40'],
      ['sorted by status (lifecycle)', '/api/clients?sort=status'],
      ['filter sharing, sorted by status', '/api/clients?shareDocuments=true&sort=status&order=desc'],
      ['search "cedre", sorted by country name', '/api/clients?q=cedre&sort=country'],
      ['search "atlas", sorted by status', '/api/clients?q=atlas&sort=status'],
    ];
    console.log(`\n${ITERATIONS} requests per shape, ${ROWS} clients:\n`);
    for (const [label, path] of shapes) {
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < ITERATIONS + 5; i++) {
        const started = performance.now();
        const res = await call('GET', path);
        const body = await res.json();
        if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
        total = body.total;
        if (i >= 5) times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
      console.log(
        `${label.padEnd(44)} p50 ${p(0.5).padStart(6)} ms   p95 ${p(0.95).padStart(6)} ms   (${total} matches)`,
      );
    }
  } finally {
    if (api.exitCode === null) {
      api.kill('SIGTERM');
      await new Promise((ok) => api.once('exit', ok));
    }
    if (process.env['BENCH_KEEP_DB']) console.log(`kept ${databaseUrl}`);
    else await dropScratchDatabase(databaseUrl);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
