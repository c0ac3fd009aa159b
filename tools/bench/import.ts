/**
 * Benchmark (not a test): bulk import through the API on real PostgreSQL.
 *   npm run bench:import            (needs PostgreSQL as for the tests, and `npx nx build api`)
 * Generates .xlsx files of 10,000 and 100,000 rows (13 columns: the template's twelve plus a note;
 * accented French and Arabic text; 2 % invalid rows), starts the built API against a scratch database
 * (jobs in-process: the API process parses), and times upload → parse → check → import. Prints seconds per
 * stage, the parsing process's peak RSS, and how many cells read back differ from what was written.
 * Targets (issue 10): 100,000 rows ≤ 8 s end to end with peak RSS ≤ 300 MB; 10,000 rows ≤ 1.5 s; 0 altered.
 *   BENCH_SIZES=10000 npm run bench:import      (only some sizes)
 *   BENCH_VERBOSE=1 prints the API's import log lines (BENCH_ALL_LOGS=1: all its output, e.g. with
 *   BENCH_API_NODE_ARGS=--trace-gc, which passes Node.js flags to the API process).
 */
import { createScratchDatabase, dropScratchDatabase } from '@passerelle/testing';
import ExcelJS from 'exceljs';
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { apiNodeFlags } from './node-flags';

const ROOT = resolve(__dirname, '../..');
const SIZES = (process.env['BENCH_SIZES'] ?? '10000,100000').split(',').map(Number);
/** BENCH_EMBEDDED=1: the embedded database (PGlite behind pglite-socket) instead of PostgreSQL. */
const EMBEDDED = !!process.env['BENCH_EMBEDDED'];
const HEADERS = [
  'Nom client',
  'Adresse',
  'Code postal',
  'Ville',
  'Pays',
  'ICE',
  'IF',
  'IBAN',
  'Langue',
  'Contact',
  'Langue contact',
  'Email du contact',
  'Remarque',
];
const CITIES = ['Casablanca', 'Fès', 'Marrakech', 'Tétouan', 'Kénitra', 'الرباط', 'طنجة', 'Meknès'];
const NAMES = [
  'Cèdre',
  'Étoile',
  'Médina',
  'Zellige',
  'الأطلس',
  'النخيل',
  'Kasbah',
  'Œuvre',
  'Argan',
  'الصحراء',
];
const PEOPLE = [
  'Karim Benjelloun',
  'Nadia El Fassi',
  'Hélène Müller',
  'محمد العلوي',
  'فاطمة الزهراء',
  'Zoé Aït-Ali',
];
const NOTES = [
  'à rappeler — très bon client',
  'ملاحظة: عميل مهم',
  'Déjà vu à Fès ; RIB à vérifier',
  '«Priorité» n°1',
];

function ice(i: number): string {
  const base = BigInt(i + 1) * 7919n;
  const check = (97n - ((base * 100n) % 97n)) % 97n || 97n;
  return (base * 100n + check).toString().padStart(15, '0').slice(-15);
}

function rib(i: number): string {
  const base = `007780${String(i).padStart(16, '0')}`;
  const key = 97n - ((BigInt(base) * 100n) % 97n);
  return `${base}${String(key === 0n ? 97n : key).padStart(2, '0')}`;
}

/** Row i of the file (2 % invalid: a broken ICE check digit). */
function row(i: number): string[] {
  const invalid = i % 50 === 7;
  const goodIce = ice(i);
  const badIce = goodIce.slice(0, 14) + String((Number(goodIce[14]) + 1) % 10);
  return [
    `${NAMES[i % NAMES.length]} ${NAMES[(i * 7) % NAMES.length]} ${i}`,
    `${(i % 200) + 1}, rue Ibn Batouta — الطابق ${i % 9}`,
    String(10000 + (i % 80000)).padStart(5, '0'),
    CITIES[i % CITIES.length],
    i % 3 === 0 ? 'المغرب' : 'Maroc',
    invalid ? badIce : goodIce,
    String(1_000_000 + i),
    i % 4 === 0 ? `MA64${rib(i)}` : '',
    i % 2 ? 'Français' : 'العربية',
    PEOPLE[i % PEOPLE.length],
    i % 5 ? 'fr' : 'ar',
    `contact.${i}@client-${i % 997}.ma`,
    NOTES[i % NOTES.length],
  ];
}

async function writeFile(rows: number, path: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = workbook.addWorksheet('Clients');
  sheet.addRow(HEADERS).commit();
  for (let i = 0; i < rows; i++) sheet.addRow(row(i)).commit();
  sheet.commit();
  await workbook.commit();
}

function rss(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

function peakRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

async function main(): Promise<void> {
  const databaseUrl = await createScratchDatabase('passerelle_bench_import');
  const port = 3900 + randomInt(0, 90);
  const url = `http://127.0.0.1:${port}`;
  const work = mkdtempSync(join(tmpdir(), 'bench-import-'));
  const api = spawn(process.execPath, [...apiNodeFlags(), join(ROOT, 'dist/apps/api/main.js')], {
    env: {
      PATH: process.env['PATH'] ?? '',
      ...(EMBEDDED ? {} : { DATABASE_URL: databaseUrl }),
      PORT: String(port),
      SEED_DEMO: 'false',
      DATA_DIR: work,
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const db = new Client({ connectionString: databaseUrl });
  db.on('error', () => undefined);
  try {
    let output = '';
    api.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    api.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    for (let i = 0; !output.includes('Passerelle is running'); i++) {
      if (i > 600 || api.exitCode !== null) throw new Error(`API did not start:\n${output}`);
      await new Promise((ok) => setTimeout(ok, 100));
    }
    const cookies = new Map<string, string>();
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(url + path, {
        method,
        headers: {
          cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          'x-xsrf-token': cookies.get('XSRF-TOKEN') ?? '',
          ...(body && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}),
        },
        body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
      });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        cookies.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
      }
      return res;
    };
    await call('GET', '/api/health');
    console.log(`API process RSS after start: ${rss(api.pid ?? 0).toFixed(0)} MB`);
    if (!EMBEDDED) await db.connect();

    /**
     * Polls until the batch leaves `running`; returns it, the seconds it took and the API process's largest
     * resident size seen meanwhile (sampled at each poll).
     */
    const until = async (id: string, running: string) => {
      const started = performance.now();
      let peak = rss(api.pid ?? 0);
      for (;;) {
        const batch = await (await call('GET', `/api/imports/${id}`)).json();
        peak = Math.max(peak, rss(api.pid ?? 0));
        if (batch.status !== running) return { batch, seconds: (performance.now() - started) / 1000, peak };
        await new Promise((ok) => setTimeout(ok, 20));
      }
    };

    for (const size of SIZES) {
      // A firm per file, so one run's clients are not the next one's "already existing" rows.
      cookies.clear();
      await call('GET', '/api/health');
      await call('POST', '/api/auth/signup', {
        firmName: `Bench ${size}`,
        name: 'Bench',
        email: `bench-${size}@bench.ma`,
        password: 'bench-password-1',
      });
      const path = join(work, `clients-${size}.xlsx`);
      const writing = performance.now();
      await writeFile(size, path);
      const bytes = readFileSync(path);
      console.log(
        `\n${size.toLocaleString('en')} rows: ${(statSync(path).size / 1024 / 1024).toFixed(1)} MB .xlsx written in ${((performance.now() - writing) / 1000).toFixed(1)} s`,
      );

      const rssBefore = rss(api.pid ?? 0);
      const start = performance.now();
      const form = new FormData();
      form.append('file', new Blob([bytes]), `clients-${size}.xlsx`);
      const uploaded = await call('POST', '/api/imports', form);
      const { id } = await uploaded.json();
      if (uploaded.status !== 202) throw new Error(`upload: ${uploaded.status} ${id}`);
      const uploadSeconds = (performance.now() - start) / 1000;
      const parse = await until(id, 'parsing');
      if (parse.batch.status !== 'mapping') throw new Error(`parse: ${JSON.stringify(parse.batch.error)}`);
      const rssAfterParse = peakRss(api.pid ?? 0);

      const checkStart = performance.now();
      await call('POST', `/api/imports/${id}/check`);
      const check = await until(id, 'checking');
      const checkSeconds = (performance.now() - checkStart) / 1000;
      const importStart = performance.now();
      await call('POST', `/api/imports/${id}/import`, { mode: 'valid_only' });
      const run = await until(id, 'importing');
      const importSeconds = (performance.now() - importStart) / 1000;
      const total = (performance.now() - start) / 1000;
      if (run.batch.status !== 'imported') throw new Error(`import: ${JSON.stringify(run.batch.error)}`);

      // Every cell as stored after reading, against what was written (the embedded database is private).
      const stored = EMBEDDED
        ? { rows: [] }
        : await db.query(
            `SELECT row_number, cells FROM import_row WHERE batch_id = $1 AND row_number > 1 ORDER BY row_number`,
            [id],
          );
      let altered = 0;
      for (const record of stored.rows as { row_number: number; cells: unknown[] }[]) {
        const expected = row(record.row_number - 2);
        expected.forEach((text, column) => {
          const cell = record.cells[column];
          if ((cell ?? '') !== text) altered++;
        });
      }
      const missing = EMBEDDED ? 0 : size - stored.rows.length;
      const summary = run.batch.summary;
      console.log(`  upload   ${uploadSeconds.toFixed(2)} s`);
      console.log(`  parse    ${parse.seconds.toFixed(2)} s`);
      console.log(
        `  check    ${checkSeconds.toFixed(2)} s   (${summary.valid} valid, ${summary.invalid} invalid)`,
      );
      console.log(`  import   ${importSeconds.toFixed(2)} s   (${summary.created} clients created)`);
      console.log(`  total    ${total.toFixed(2)} s end to end`);
      console.log(
        `  RSS      ${rssBefore.toFixed(0)} MB before upload; while parsing ≤ ${parse.peak.toFixed(0)} MB, checking ≤ ${check.peak.toFixed(0)} MB, importing ≤ ${run.peak.toFixed(0)} MB (API process, which parses; sampled every 20 ms)`,
      );
      console.log(
        `  VmHWM    ${rssAfterParse.toFixed(0)} MB after parsing, ${peakRss(api.pid ?? 0).toFixed(0)} MB at the end (includes sign-up's password hashing)`,
      );
      if (!EMBEDDED) console.log(`  altered  ${altered} cells, ${missing} rows missing`);
      if (process.env['BENCH_VERBOSE']) {
        console.log(
          output
            .split('\n')
            .filter(
              (line) => line.includes('[Imports]') || (!!process.env['BENCH_ALL_LOGS'] && line.length > 0),
            )
            .join('\n'),
        );
      }
      if (check.batch.status !== 'checked') throw new Error('check did not finish');
    }
  } finally {
    await db.end().catch(() => undefined);
    if (api.exitCode === null) {
      api.kill('SIGTERM');
      await new Promise((ok) => api.once('exit', ok));
    }
    rmSync(work, { recursive: true, force: true });
    if (process.env['BENCH_KEEP_DB']) console.log(`kept ${databaseUrl}`);
    else await dropScratchDatabase(databaseUrl);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
