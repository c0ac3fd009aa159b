import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { FIELD_LABELS } from '@passerelle/domain-client';
import { TEST_REDIS_URL, uniqueQueuePrefix } from '@passerelle/testing';
import ExcelJS from 'exceljs';
import { Client as PgClient } from 'pg';
import { IMPORT_TUNING } from '../src/app/imports/import-limits';
import { breakChecksum, makeIce, moroccanClient } from './support/clients';
import {
  allIssues,
  checkBatch,
  clientRow,
  importBatch,
  settled,
  uploadAndParse,
  uploadFile,
  xlsx,
  type IssueView,
} from './support/imports';
import { forgeDeclaredSize, oleFile, rawXlsx, workbookBuffer } from './support/spreadsheets';
import { ApiClient, createContext, createHttpApp, testConfig } from './support/test-app';

/** The bytes as exceljs's typings want them (an ArrayBuffer of exactly these bytes). */
function arrayBufferOf(bytes: Buffer): ArrayBuffer {
  return new Uint8Array(bytes).buffer;
}

/** A valid 24-digit Moroccan RIB (bank 007, locality 780). */
function makeRib(seed: number): string {
  const base = `007780${String(seed).padStart(16, '0')}`;
  const key = 97n - ((BigInt(base) * 100n) % 97n);
  return `${base}${String(key === 0n ? 97n : key).padStart(2, '0')}`;
}

const FR_HEADERS = [
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
];

const issueKeys = (issues: IssueView[]) => issues.map((i) => `${i.row}:${i.field}:${i.code}`).sort();

describe('bulk import API (real PostgreSQL, in-process jobs)', () => {
  let app: NestExpressApplication;
  let firmA: ApiClient;
  let firmB: ApiClient;
  let firmAId: string;

  beforeAll(async () => {
    app = await createHttpApp(testConfig({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
    firmA = await new ApiClient(app).init();
    firmAId = (await firmA.signup()).me.firm.id;
    firmB = await new ApiClient(app, 'en').init();
    await firmB.signup({ language: 'en' });
  });

  afterAll(async () => {
    await app.close();
  });

  async function download(
    client: ApiClient,
    path: string,
  ): Promise<{ status: number; body: Buffer; type: string }> {
    const res = await client
      .get(path)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    return { status: res.status, body: res.body as Buffer, type: String(res.headers['content-type']) };
  }

  async function superuser<T>(work: (db: PgClient) => Promise<T>): Promise<T> {
    const db = new PgClient({ connectionString: process.env['INT_DATABASE_URL'] });
    await db.connect();
    try {
      return await work(db);
    } finally {
      await db.end();
    }
  }

  describe('the template', () => {
    it('is an .xlsx with the headers in the user’s language, Text identifier columns, drop-downs and instructions', async () => {
      for (const [lang, first, sheetNames] of [
        ['fr', 'Nom client', ['Clients', 'Instructions']],
        ['en', 'Client name', ['Clients', 'Instructions']],
        ['ar', 'اسم العميل', ['Clients', 'تعليمات']],
      ] as const) {
        const file = await download(firmA, `/api/imports/template?lang=${lang}`);
        expect(file.status).toBe(200);
        expect(file.type).toContain('spreadsheetml');
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(arrayBufferOf(file.body));
        expect(wb.worksheets.map((ws) => ws.name)).toEqual(sheetNames);
        const ws = wb.getWorksheet('Clients');
        expect(ws?.getRow(1).getCell(1).value).toBe(first);
        expect(ws?.getCell('F3').numFmt).toBe('@');
        expect(ws?.getCell('C3').numFmt).toBe('@');
        expect(ws?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        expect(ws?.getCell('I3').dataValidation).toMatchObject({ type: 'list' });
      }
    });

    it('re-uploaded untouched gives 0 rows and 0 errors; filled with valid rows it imports with 0 errors', async () => {
      const untouched = await uploadAndParse(
        firmA,
        (await download(firmA, '/api/imports/template?lang=fr')).body,
        'modele.xlsx',
      );
      expect(untouched).toMatchObject({
        status: 'mapping',
        sheets: ['Clients', 'Instructions'],
        sheet: 'Clients',
        headerRow: 1,
      });
      expect(untouched.mappingSource).toBe('suggested');
      expect(Object.values(untouched.suggestions).map((s) => s.reason)).toEqual(
        Array(12).fill('template_header'),
      );
      const checked = await checkBatch(firmA, untouched.id);
      expect(checked.summary).toMatchObject({ rows: 0, valid: 0, invalid: 0, toCreate: 0 });
      expect(await allIssues(firmA, untouched.id)).toEqual([]);

      for (const lang of ['fr', 'en', 'ar'] as const) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(arrayBufferOf((await download(firmA, `/api/imports/template?lang=${lang}`)).body));
        const rows = [clientRow(), clientRow({ country: 'المغرب', language: 'Arabe' })];
        for (const row of rows) wb.getWorksheet('Clients')?.addRow(row);
        const batch = await uploadAndParse(
          firmA,
          Buffer.from(await wb.xlsx.writeBuffer()),
          `modele-${lang}.xlsx`,
        );
        expect(batch.mapping).toMatchObject({
          name: 0,
          address: 1,
          ice: 5,
          iban: 7,
          contactEmail: 11,
          shareDocuments: null,
        });
        const done = await checkBatch(firmA, batch.id);
        expect(done.summary).toMatchObject({ rows: 2, valid: 2, invalid: 0, toCreate: 2, toSkip: 0 });
        const imported = await importBatch(firmA, batch.id, 'all');
        expect(imported).toMatchObject({ status: 'imported', summary: { created: 2, skipped: 0 } });
      }
    });
  });

  it('reads a firm’s own layout: title row, blank rows, French headers in another order, extra columns, numeric identifiers, mailto links', async () => {
    const iceWithoutLeadingZero = (): string => {
      for (;;) {
        const ice = makeIce();
        if (!ice.startsWith('0')) return ice;
      }
    };
    const ices = [iceWithoutLeadingZero(), iceWithoutLeadingZero(), iceWithoutLeadingZero()];
    // An ICE whose leading zeros Excel dropped (numeric cell): padded back, with a warning.
    let shortIce = makeIce();
    while (!shortIce.startsWith('00')) shortIce = makeIce();
    const rib = makeRib(42);
    const bytes = await workbookBuffer((wb) => {
      const ws = wb.addWorksheet('Portefeuille');
      ws.getCell('A1').value = 'Portefeuille clients — cabinet Benali';
      ws.mergeCells('A1:H1');
      ws.getRow(3).values = [
        'Ville',
        'Raison sociale',
        'N° ICE',
        'Identifiant fiscal',
        'Courriel',
        'Remarque',
        'CP',
        'Adresse du siège',
        'Pays',
        'Langue',
        'Gérant',
        'RIB',
      ];
      ws.getRow(5).values = [
        'Rabat',
        'Atlas Négoce',
        Number(ices[0]),
        '1234567',
        { text: 'Écrire', hyperlink: `mailto:a.${ices[0]}@atlas.ma` },
        'VIP',
        '10000',
        '5, av. Hassan II',
        'Maroc',
        'Français',
        'Nadia Alaoui',
        rib,
      ];
      ws.getRow(7).values = [
        'Fès',
        'Fès Import',
        Number(shortIce),
        '7654321',
        `f.${ices[1]}@fes.ma`,
        '',
        '30000',
        'Route de Sefrou',
        'MA',
        'ar',
        'Omar Tazi',
        Number(rib),
      ];
      ws.getRow(8).values = [
        'Tanger',
        'Détroit SARL',
        Number(ices[2]),
        '2345678',
        `d.${ices[2]}@detroit.ma`,
        'à rappeler',
        '90000',
        'Bd Pasteur',
        'Maroc',
        'fr',
        'Leila Idrissi',
        '',
      ];
    });
    const batch = await uploadAndParse(firmA, bytes, 'portefeuille.xlsx');
    expect(batch).toMatchObject({ status: 'mapping', sheet: 'Portefeuille', headerRow: 3 });
    expect(batch.columns.slice(0, 3)).toEqual(['A', 'B', 'C']);
    expect(batch.mapping).toEqual({
      name: 1,
      address: 7,
      postalCode: 6,
      city: 0,
      country: 8,
      ice: 2,
      taxId: 3,
      iban: 11,
      language: 9,
      contactName: 10,
      contactLanguage: null,
      contactEmail: 4,
      shareDocuments: null,
      accountingSoftwareId: null,
    });
    expect(batch.sampleRows[0].slice(0, 5)).toEqual([
      'Rabat',
      'Atlas Négoce',
      String(Number(ices[0])),
      '1234567',
      `a.${ices[0]}@atlas.ma`,
    ]);

    const checked = await checkBatch(firmA, batch.id);
    expect(checked.summary).toMatchObject({ rows: 3, valid: 2, invalid: 1, warnings: 3, toCreate: 2 });
    const errors = await allIssues(firmA, batch.id, 'severity=error');
    expect(errors).toEqual([
      {
        row: 7,
        column: 'L',
        header: 'RIB',
        field: 'iban',
        code: 'precision_lost',
        severity: 'error',
        message:
          'IBAN — Excel a enregistré ce numéro comme un nombre et des chiffres ont été perdus : formatez la colonne en Texte et ressaisissez-le',
        value: String(Number(rib)).includes('e') ? expect.any(String) : String(Number(rib)),
      },
    ]);
    const warnings = await allIssues(firmA, batch.id, 'severity=warning');
    expect(warnings.map((w) => `${w.row}:${w.field}:${w.code}`)).toEqual([
      '5:contactLanguage:contact_language_defaulted',
      '7:ice:leading_zeros_restored',
      '7:contactLanguage:contact_language_defaulted',
      '8:contactLanguage:contact_language_defaulted',
    ]);

    const imported = await importBatch(firmA, batch.id, 'valid_only');
    expect(imported.summary).toMatchObject({ created: 2, skipped: 1 });
    const created = await firmA.get(`/api/imports/${batch.id}/clients`);
    expect(created.body).toMatchObject({ total: 2, page: 1 });
    expect(created.body.items.map((c: { row: number; ice: string }) => [c.row, c.ice])).toEqual([
      [5, ices[0]],
      [8, ices[2]],
    ]);
    expect((await firmB.get(`/api/imports/${batch.id}/clients`)).status).toBe(404);
    const found = await firmA.get(`/api/clients?q=${ices[0]}`);
    expect(found.body.items).toHaveLength(1);
    expect(found.body.items[0]).toMatchObject({
      ice: ices[0],
      contactEmail: `a.${ices[0]}@atlas.ma`,
      iban: `MA64${rib}`,
      language: 'fr',
      contactLanguage: 'fr',
    });
    const timeline = await firmA.get(`/api/clients/${found.body.items[0].id}/timeline`);
    expect(timeline.body).toEqual([
      expect.objectContaining({
        action: 'client.imported',
        data: { importBatchId: batch.id, fileName: 'portefeuille.xlsx', row: 5 },
      }),
    ]);
  });

  it('reads an English CSV with a BOM, a Windows-1252 semicolon CSV and Arabic headers', async () => {
    const en = clientRow({ country: 'Morocco', language: 'English', contactLanguage: 'French' });
    const csv = `\uFEFFCompany name,Address,Postal code,City,Country,ICE,Tax ID,IBAN,Language,Contact name,Contact language,Email\r\n${en
      .map((v) => (v.includes(',') ? `"${v}"` : v))
      .join(',')}\r\n`;
    const english = await uploadAndParse(firmA, Buffer.from(csv, 'utf8'), 'clients.csv');
    expect(english.sheets).toEqual([]);
    expect(english.mapping).toMatchObject({
      name: 0,
      address: 1,
      postalCode: 2,
      contactName: 9,
      contactEmail: 11,
    });
    expect((await checkBatch(firmA, english.id)).summary).toMatchObject({ rows: 1, valid: 1 });

    const fr = clientRow({ name: 'Société Générale d’Électricité', city: 'Fès', address: '3, rue d’Alger' });
    const latin1 = Buffer.from(
      [...`${FR_HEADERS.join(';')}\r\n${fr.join(';')}\r\n`].map((c) => (c === '’' ? 0x92 : c.charCodeAt(0))),
    );
    const windows = await uploadAndParse(firmA, latin1, 'export-excel.csv');
    const windowsChecked = await checkBatch(firmA, windows.id);
    expect(windowsChecked.summary).toMatchObject({ rows: 1, valid: 1 });
    expect(windows.sampleRows[0].slice(0, 4)).toEqual([
      'Société Générale d’Électricité',
      '3, rue d’Alger',
      '20250',
      'Fès',
    ]);

    const arabic = await uploadAndParse(
      firmA,
      await xlsx([
        [
          'اسم العميل',
          'العنوان',
          'الرمز البريدي',
          'المدينة',
          'البلد',
          'التعريف الموحد للمقاولة',
          'التعريف الضريبي',
          'رقم الحساب البنكي الدولي',
          'اللغة',
          'جهة الاتصال',
          'لغة جهة الاتصال',
          'البريد الإلكتروني لجهة الاتصال',
        ],
        clientRow({ name: 'شركة الأطلس', city: 'الرباط', country: 'المغرب', language: 'العربية' }),
      ]),
      'عملاء.xlsx',
    );
    expect(arabic.fileName).toBe('عملاء.xlsx');
    expect(arabic.mapping).toMatchObject({ name: 0, city: 3, country: 4, ice: 5, contactEmail: 11 });
    expect((await checkBatch(firmA, arabic.id)).summary).toMatchObject({ rows: 1, valid: 1, invalid: 0 });
  });

  it('reports 37 assorted errors among 1,000 rows exactly, by row, column and field', async () => {
    const rows: string[][] = [FR_HEADERS];
    const expected: string[] = [];
    const existing = await firmA.post('/api/clients', moroccanClient());
    expect(existing.status).toBe(201);
    const existingIce: string = existing.body.client.ice;
    let firstEmail = '';
    for (let i = 0; i < 1000; i++) {
      const sheetRow = i + 2;
      const kind = i % 27 === 5 && expected.length < 37 ? expected.length % 7 : -1;
      let row = clientRow();
      if (i === 0) firstEmail = row[11];
      switch (kind) {
        case 0:
          row = clientRow({ ice: breakChecksum(makeIce()) });
          expected.push(`${sheetRow}:ice:invalid_checksum`);
          break;
        case 1:
          row = clientRow({ city: '' });
          expected.push(`${sheetRow}:city:required`);
          break;
        case 2:
          row = clientRow({ country: 'Atlantide' });
          expected.push(`${sheetRow}:country:unknown_country`);
          break;
        case 3:
          row = clientRow({ contactEmail: 'karim@' });
          expected.push(`${sheetRow}:contactEmail:invalid_email`);
          break;
        case 4:
          row = clientRow({ contactEmail: firstEmail.toUpperCase() });
          expected.push(`${sheetRow}:contactEmail:duplicate_in_file`);
          break;
        case 5:
          row = clientRow({ taxId: '12345' });
          expected.push(`${sheetRow}:taxId:invalid_length`);
          break;
        case 6:
          row = clientRow({ postalCode: '2025' });
          expected.push(`${sheetRow}:postalCode:invalid_format`);
          break;
      }
      rows.push(row);
    }
    rows[500 + 1] = clientRow({ ice: existingIce });
    expect(expected).toHaveLength(37);

    const batch = await uploadAndParse(firmA, await xlsx(rows), 'mille.xlsx');
    const checked = await checkBatch(firmA, batch.id);
    expect(checked.summary).toMatchObject({
      rows: 1000,
      valid: 963,
      invalid: 37,
      toSkip: 1,
      toCreate: 962,
      duplicates: 6,
    });
    const errors = await allIssues(firmA, batch.id, 'severity=error');
    expect(issueKeys(errors)).toEqual([...expected].sort());
    const duplicate = errors.find((e) => e.code === 'duplicate_in_file');
    expect(duplicate).toMatchObject({
      column: 'L',
      header: 'Email du contact',
      message: `${FIELD_LABELS.contactEmail.fr} — valeur en double dans le fichier (ligne 2)`,
    });
    expect(await allIssues(firmA, batch.id, 'severity=skip')).toEqual([
      expect.objectContaining({ row: 502, field: 'ice', code: 'already_exists', severity: 'skip' }),
    ]);
    const byField = await firmA.get(`/api/imports/${batch.id}/errors?field=country&pageSize=2`);
    expect(byField.body).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(byField.body.items).toHaveLength(2);

    const refused = await firmA.post(`/api/imports/${batch.id}/import`, { mode: 'all' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'has_errors' });
    expect(refused.body.message).toContain('37');

    const imported = await importBatch(firmA, batch.id, 'valid_only');
    expect(imported.summary).toMatchObject({ created: 962, skipped: 38 });
    const count = await superuser((db) =>
      db.query(
        `SELECT count(*)::int AS n, count(s.client_id)::int AS searchable FROM client c LEFT JOIN client_search s ON s.client_id = c.id WHERE c.import_batch_id = $1`,
        [batch.id],
      ),
    );
    expect(count.rows[0]).toEqual({ n: 962, searchable: 962 });
    const search = await firmA.get(`/api/clients?q=${rows[10][5]}`);
    expect(search.body.total).toBe(1);

    // The same file again: everything is already there.
    const again = await uploadAndParse(firmA, await xlsx(rows), 'mille.xlsx');
    expect(again.fileSha256).not.toBe('');
    const rechecked = await checkBatch(firmA, again.id);
    expect(rechecked.summary).toMatchObject({ rows: 1000, invalid: 37, toCreate: 0, toSkip: 963 });
    expect((await importBatch(firmA, again.id, 'valid_only')).summary).toMatchObject({ created: 0 });
  });

  it('recognises the rows of a file imported before even without ICE or e-mail (same file, same row)', async () => {
    const tag = Date.now().toString(36);
    const rows = [
      FR_HEADERS,
      [
        'Boulangerie Dupont ' + tag,
        '3, rue de Rivoli',
        '75001',
        'Paris',
        'France',
        '',
        '',
        '',
        'fr',
        'Jean Dupont',
        '',
        '',
      ],
      [
        'Café Martin ' + tag,
        '8, quai Voltaire',
        '75007',
        'Paris',
        'France',
        '',
        '',
        '',
        'fr',
        'Lucie Martin',
        '',
        '',
      ],
    ];
    const file = await xlsx(rows);
    const first = await uploadAndParse(firmA, file, 'etranger.xlsx');
    expect((await checkBatch(firmA, first.id)).summary).toMatchObject({ rows: 2, valid: 2, toCreate: 2 });
    expect((await importBatch(firmA, first.id, 'all')).summary).toMatchObject({ created: 2 });

    const again = await uploadAndParse(firmA, file, 'etranger-copie.xlsx');
    expect(again.fileSha256).toBe(first.fileSha256);
    expect((await checkBatch(firmA, again.id)).summary).toMatchObject({
      rows: 2,
      valid: 2,
      toSkip: 2,
      toCreate: 0,
    });
    expect(await allIssues(firmA, again.id, 'severity=skip')).toEqual([
      expect.objectContaining({
        row: 2,
        field: 'name',
        code: 'already_imported',
        message: 'Nom client — cette ligne de ce fichier a déjà été importée',
      }),
      expect.objectContaining({ row: 3, field: 'name', code: 'already_imported' }),
    ]);
    expect((await importBatch(firmA, again.id, 'all')).summary).toMatchObject({ created: 0, skipped: 2 });
  });

  it('imports all or nothing: a failure in the middle of the insert leaves no client', async () => {
    const rows = [FR_HEADERS, ...Array.from({ length: 300 }, () => clientRow())];
    rows[250][0] = 'BOOM Industries';
    await superuser((db) =>
      db.query(`
        CREATE OR REPLACE FUNCTION test_refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.name LIKE 'BOOM%' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$;
        CREATE TRIGGER test_refuse_boom BEFORE INSERT ON client FOR EACH ROW EXECUTE FUNCTION test_refuse_boom();`),
    );
    const saved = IMPORT_TUNING.rowsPerBatch;
    IMPORT_TUNING.rowsPerBatch = 100;
    try {
      const batch = await uploadAndParse(firmA, await xlsx(rows), 'boom.xlsx');
      expect((await checkBatch(firmA, batch.id)).summary).toMatchObject({
        rows: 300,
        valid: 300,
        toCreate: 300,
      });
      const failed = await importBatch(firmA, batch.id, 'all');
      expect(failed.status).toBe('failed');
      expect(failed.error).toEqual({
        code: 'import_failed',
        message: expect.stringContaining('aucun client n’a été créé'),
      });
      const left = await superuser((db) =>
        db.query(
          `SELECT (SELECT count(*)::int FROM client WHERE import_batch_id = $1) AS clients,
                  (SELECT count(*)::int FROM audit_event WHERE action = 'client.imported' AND data->>'importBatchId' = $1::text) AS events`,
          [batch.id],
        ),
      );
      expect(left.rows[0]).toEqual({ clients: 0, events: 0 });
    } finally {
      IMPORT_TUNING.rowsPerBatch = saved;
      await superuser((db) =>
        db.query(`DROP TRIGGER test_refuse_boom ON client; DROP FUNCTION test_refuse_boom();`),
      );
    }
  });

  it('saves a mapping by name and applies it to the next file with the same headers', async () => {
    const headers = [
      'Société',
      'Siège',
      'Code',
      'Localité',
      'Nation',
      'Identifiant',
      'Fiscal',
      'Banque',
      'Idiome',
      'Dirigeant',
      'Idiome dirigeant',
      'Mail',
    ];
    const file = () => xlsx([headers, clientRow(), clientRow()]);
    const first = await uploadAndParse(firmA, await file(), 'maison.xlsx');
    const mapping = Object.fromEntries(
      [
        'name',
        'address',
        'postalCode',
        'city',
        'country',
        'ice',
        'taxId',
        'iban',
        'language',
        'contactName',
        'contactLanguage',
        'contactEmail',
      ].map((f, i) => [f, i]),
    );
    const bad = await firmA.request('put', `/api/imports/${first.id}/mapping`, {
      mapping: { ...mapping, city: 0 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('mapping_invalid');
    const name = `Maison ${Date.now()}`;
    const saved = await firmA.request('put', `/api/imports/${first.id}/mapping`, { mapping, saveAs: name });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ mappingSource: 'saved', savedMappingName: name, status: 'mapping' });
    expect((await checkBatch(firmA, first.id)).summary).toMatchObject({ rows: 2, valid: 2 });

    const second = await uploadAndParse(
      firmA,
      await xlsx([[...headers].reverse(), [...clientRow()].reverse()]),
      'maison-2.xlsx',
    );
    expect(second.mappingSource).toBe('saved');
    expect(second.savedMappingName).toBe(name);
    expect(second.mapping).toMatchObject({ name: 11, contactEmail: 0 });
    expect(second.suggestions['name']).toMatchObject({ reason: 'saved_mapping', savedMapping: name });

    const list = await firmA.get('/api/mappings');
    const entry = list.body.find((m: { name: string }) => m.name === name);
    expect(entry).toMatchObject({ fields: { name: 'societe', contactEmail: 'mail' } });
    const taken = await firmA.request('put', `/api/imports/${second.id}/mapping`, { mapping, saveAs: name });
    expect(taken.status).toBe(409);
    expect(taken.body.fields.saveAs.code).toBe('already_exists');
    const renamed = await firmA.patch(`/api/mappings/${entry.id}`, { name: `${name} bis` });
    expect(renamed.body.name).toBe(`${name} bis`);
    expect((await firmB.patch(`/api/mappings/${entry.id}`, { name: 'x' })).status).toBe(404);
    expect((await firmA.delete(`/api/mappings/${entry.id}`)).status).toBe(204);
    expect((await firmA.delete(`/api/mappings/${entry.id}`)).status).toBe(404);
  });

  it('refuses hostile and broken files with a clear code, at upload or when parsing', async () => {
    // Issue 11: each refused within 5 s while /api/health keeps answering (probed all along, in parallel).
    const probe = { running: true, slowestMs: 0, answers: 0 };
    const prober = (async () => {
      while (probe.running) {
        const started = Date.now();
        const res = await firmB.get('/api/health');
        if (res.status === 200) probe.answers++;
        probe.slowestMs = Math.max(probe.slowestMs, Date.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const within5s = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
      const started = Date.now();
      const result = await work();
      expect({ name, seconds: Math.ceil((Date.now() - started) / 1000) <= 5 }).toEqual({
        name,
        seconds: true,
      });
      return result;
    };
    const storedFiles = async () =>
      (
        await superuser((db) =>
          db.query(`SELECT count(*)::int AS n FROM stored_file WHERE firm_id = $1`, [firmAId]),
        )
      ).rows[0].n as number;
    const filesBefore = await storedFiles();
    const cases: [Buffer, string, number, string][] = [
      [Buffer.alloc(0), 'vide.csv', 422, 'empty_file'],
      [Buffer.from('%PDF-1.7\n...'), 'facture.xlsx', 415, 'unsupported_file_type'],
      [
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        'logo.xlsx',
        415,
        'unsupported_file_type',
      ],
      [oleFile(), 'ancien.xls', 415, 'legacy_xls'],
      [Buffer.from('Nom;Ville\nAtlas;Rabat\n\u0000'), 'nul.csv', 415, 'binary_content'],
      [oleFile('EncryptedPackage'), 'protege.xlsx', 422, 'encrypted_workbook'],
      [Buffer.alloc(21 * 1024 * 1024, 0x61), 'enorme.csv', 413, 'file_too_large'],
    ];
    for (const [bytes, name, status, code] of cases) {
      const res = await within5s(name, () => uploadFile(firmA, bytes, name));
      expect({ name, status: res.status, code: res.body.code }).toEqual({ name, status, code });
      expect(res.body.message.length).toBeGreaterThan(10);
    }
    const english = await uploadFile(firmB, oleFile(), 'old.xls');
    expect(english.body.message).toMatch(/^This file is in the Excel 97-2003 format/);
    expect((await firmA.request('post', '/api/imports')).body.code).toBe('multipart_required');
    const withoutFile = await firmA.request('post', '/api/imports').field('sheet', 'Clients');
    expect({ status: withoutFile.status, code: withoutFile.body.code }).toEqual({
      status: 400,
      code: 'file_required',
    });
    const unknownField = await uploadFile(firmA, Buffer.from('Nom\nAtlas\n'), 'a.csv', { colour: 'red' });
    expect(unknownField.body).toMatchObject({
      code: 'invalid_request',
      fields: { colour: { code: 'invalid_value' } },
    });

    const parsedLater: [Buffer, string, string][] = [
      [
        await rawXlsx({ sheetData: '', extra: { 'xl/media/zeros.bin': Buffer.alloc(8 * 1024 * 1024) } }),
        'bombe.xlsx',
        'inflated_too_large',
      ],
      [
        await rawXlsx({
          workbook:
            '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="&x;" sheetId="1" r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></sheets></workbook>',
        }),
        'xxe.xlsx',
        'xml_dtd_forbidden',
      ],
      [
        forgeDeclaredSize(
          await rawXlsx({ sheetData: '<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(3000) }),
          'xl/worksheets/sheet1.xml',
          50,
        ),
        'menteur.xlsx',
        'inflated_too_large',
      ],
      [Buffer.from(`${'a;'.repeat(1_000_000)}\n`), 'large.csv', 'too_many_columns'],
      [Buffer.from(`${'Nom;Ville\n'.repeat(2000)}\u0000`), 'nul-loin.csv', 'binary_content'],
    ];
    for (const [bytes, name, code] of parsedLater) {
      const batch = await within5s(name, async () => {
        const res = await uploadFile(firmA, bytes, name);
        expect(res.status).toBe(202);
        return settled(firmA, res.body.id);
      });
      expect({ name, status: batch.status, code: batch.error?.code }).toEqual({
        name,
        status: 'failed',
        code,
      });
      expect(batch.headers).toEqual([]);
    }
    // Nothing of a refused file is kept: neither the files refused at upload nor those refused when parsed.
    expect(await storedFiles()).toBe(filesBefore);
    probe.running = false;
    await prober;
    // Parsing runs in a worker thread: the API kept answering all along (a lenient bound for a shared CI
    // machine; locally the slowest answer is a few tens of ms).
    expect(probe.answers).toBeGreaterThan(10);
    expect(probe.slowestMs).toBeLessThan(1000);
  });

  it('lets the user pick another header row or sheet, and refuses steps out of order', async () => {
    const bytes = await workbookBuffer((wb) => {
      const first = wb.addWorksheet('Notes');
      first.addRow(['Raison sociale', 'Ville']);
      first.addRow(['Atlas', 'Rabat']);
      const second = wb.addWorksheet('Clients');
      second.addRow(['Export du 3 mars']);
      second.addRow(FR_HEADERS);
      second.addRow(clientRow());
    });
    const batch = await uploadAndParse(firmA, bytes, 'deux-feuilles.xlsx');
    expect(batch).toMatchObject({
      sheets: ['Notes', 'Clients'],
      sheet: 'Notes',
      headerRow: 1,
      headers: ['Raison sociale', 'Ville'],
    });
    const early = await firmA.post(`/api/imports/${batch.id}/import`, { mode: 'valid_only' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'import_not_ready' });
    expect(early.body.message).toContain('mapping');

    const header = await firmA.request('put', `/api/imports/${batch.id}/layout`, { headerRow: 2 });
    expect(header.status).toBe(200);
    expect(header.body).toMatchObject({
      status: 'mapping',
      headerRow: 2,
      headers: ['Atlas', 'Rabat'],
      sampleRows: [],
    });

    const sheet = await firmA.request('put', `/api/imports/${batch.id}/layout`, { sheet: 'Clients' });
    expect(sheet.status).toBe(200);
    const reparsed = await settled(firmA, batch.id);
    expect(reparsed).toMatchObject({
      status: 'mapping',
      sheet: 'Clients',
      headerRow: 2,
      headers: FR_HEADERS,
    });
    expect(reparsed.sampleRows).toHaveLength(1);
    const checked = await checkBatch(firmA, batch.id);
    expect(checked.summary).toMatchObject({ rows: 1, valid: 1 });
    expect(checked.progress).toEqual({ done: 1, total: 1 });

    const missing = await firmA.request('put', `/api/imports/${batch.id}/layout`, { sheet: 'Absente' });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({
      code: 'sheet_not_found',
      message: 'La feuille « Absente » n’existe pas dans ce classeur.',
    });
    expect((await settled(firmA, batch.id)).status).toBe('checked');
  });

  it('keeps batches to their firm: another firm gets 404 everywhere', async () => {
    const batch = await uploadAndParse(firmA, await xlsx([FR_HEADERS, clientRow()]), 'prive.xlsx');
    expect((await firmB.get(`/api/imports/${batch.id}`)).status).toBe(404);
    expect((await firmB.get(`/api/imports/${batch.id}/errors`)).status).toBe(404);
    expect((await firmB.post(`/api/imports/${batch.id}/check`)).status).toBe(404);
    expect((await firmB.post(`/api/imports/${batch.id}/import`, { mode: 'valid_only' })).status).toBe(404);
    expect((await firmB.request('put', `/api/imports/${batch.id}/mapping`, { mapping: {} })).status).toBe(
      404,
    );
    expect((await firmB.get('/api/imports/not-a-uuid')).status).toBe(404);
    const mine = await firmA.get('/api/imports?pageSize=200');
    expect(mine.body.items.map((b: { id: string }) => b.id)).toContain(batch.id);
    const theirs = await firmB.get('/api/imports?pageSize=200');
    expect(theirs.body.items.map((b: { id: string }) => b.id)).not.toContain(batch.id);
    expect(firmAId).toBeTruthy();
  });
});

describe('bulk import with the queue on Redis and a separate worker', () => {
  let app: NestExpressApplication;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    const env = {
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: uniqueQueuePrefix(),
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    };
    app = await createHttpApp(testConfig(env));
    worker = await createContext(testConfig(env), 'worker');
  });

  afterAll(async () => {
    await worker.close();
    await app.close();
  });

  it('parses, checks and imports in the worker process', async () => {
    const client = await new ApiClient(app).init();
    await client.signup();
    const rows = [FR_HEADERS, ...Array.from({ length: 12 }, () => clientRow())];
    const batch = await uploadAndParse(client, await xlsx(rows), 'worker.xlsx');
    expect(batch.status).toBe('mapping');
    expect((await checkBatch(client, batch.id)).summary).toMatchObject({ rows: 12, valid: 12 });
    const imported = await importBatch(client, batch.id, 'all');
    expect(imported).toMatchObject({
      status: 'imported',
      summary: { created: 12 },
      progress: { done: 12, total: 12 },
    });
  });
});
