import { FIELD_LABELS, TEMPLATE_FIELD_KEYS } from '@passerelle/domain-client';
import type { NestExpressApplication } from '@nestjs/platform-express';
import ExcelJS from 'exceljs';
import { breakChecksum, makeIce, moroccanClient } from './support/clients';
import {
  allIssues,
  checkBatch,
  clientRow,
  importBatch,
  uploadAndParse,
  xlsx,
  type BatchView,
  type IssueView,
} from './support/imports';
import { ApiClient, createHttpApp, testConfig } from './support/test-app';

/** The template's French headers (columns A–L), as the domain names them. */
const FR_HEADERS = TEMPLATE_FIELD_KEYS.map((key) => FIELD_LABELS[key].fr);

const keysOf = (issues: IssueView[]) => issues.map((i) => `${i.row}:${i.field}:${i.code}`).sort();

describe('bulk import, part 2: corrections, the file with its errors, undo (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let firmA: ApiClient;
  let firmB: ApiClient;

  beforeAll(async () => {
    app = await createHttpApp(
      testConfig({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000', IMPORT_MAX_FILE_MB: '7', IMPORT_MAX_ROWS: '5000' }),
    );
    firmA = await new ApiClient(app).init();
    await firmA.signup();
    firmB = await new ApiClient(app, 'en').init();
    await firmB.signup({ language: 'en' });
  });

  afterAll(async () => {
    await app.close();
  });

  async function download(client: ApiClient, path: string, language = 'fr') {
    const res = await client
      .get(path)
      .set('Accept-Language', language)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    return { status: res.status, body: res.body as Buffer, headers: res.headers };
  }

  async function checked(rows: string[][], name = 'clients.xlsx'): Promise<BatchView> {
    const batch = await uploadAndParse(firmA, await xlsx([FR_HEADERS, ...rows]), name);
    expect(batch.status).toBe('mapping');
    return checkBatch(firmA, batch.id);
  }

  it('tells the browser the upload limits of this installation', async () => {
    const res = await firmA.get('/api/imports/limits');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ maxFileMb: 7, maxRows: 5000, maxColumns: 60 });
  });

  it('re-checks a corrected row at once: its errors, the duplicates it causes or clears, the counts', async () => {
    const [ice2, ice3, ice5] = [makeIce(), makeIce(), makeIce()];
    const shared = `partage.${Date.now().toString(36)}@atlas.ma`;
    const batch = await checked([
      clientRow({ ice: ice2, contactEmail: shared }), // row 2
      clientRow({ ice: breakChecksum(ice3) }), // row 3: wrong check digits
      clientRow({ contactEmail: shared.toUpperCase() }), // row 4: repeats row 2's e-mail
      clientRow({ ice: ice5 }), // row 5
    ]);
    expect(batch.summary).toMatchObject({ rows: 4, valid: 2, invalid: 2, duplicates: 1, toCreate: 2 });
    expect(keysOf(await allIssues(firmA, batch.id, 'severity=error'))).toEqual([
      '3:ice:invalid_checksum',
      '4:contactEmail:duplicate_in_file',
    ]);

    // Row 3's ICE fixed: no error left on it; one row fewer in error.
    const fixed = await firmA.patch(`/api/imports/${batch.id}/rows/3`, { values: { ice: ice3 } });
    expect(fixed.status).toBe(200);
    expect(fixed.body.row).toBe(3);
    expect(fixed.body.issues.filter((i: IssueView) => i.severity === 'error')).toEqual([]);
    expect(fixed.body.summary).toMatchObject({ rows: 4, valid: 3, invalid: 1, duplicates: 1, toCreate: 3 });

    // Row 4 gets its own e-mail: the duplicate clears.
    const cleared = await firmA.patch(`/api/imports/${batch.id}/rows/4`, {
      values: { contactEmail: `propre.${Date.now().toString(36)}@atlas.ma` },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.summary).toMatchObject({ valid: 4, invalid: 0, duplicates: 0, toCreate: 4 });

    // Row 5 typed with row 3's ICE: it now repeats row 3 (the first occurrence stays valid).
    const repeated = await firmA.patch(`/api/imports/${batch.id}/rows/5`, { values: { ice: ` ${ice3} ` } });
    expect(repeated.body.issues).toEqual([
      expect.objectContaining({
        row: 5,
        column: 'F',
        header: 'ICE',
        field: 'ice',
        code: 'duplicate_in_file',
        severity: 'error',
        message: 'ICE — valeur en double dans le fichier (ligne 3)',
        value: ` ${ice3} `,
      }),
    ]);
    expect(repeated.body.summary).toMatchObject({ valid: 3, invalid: 1, duplicates: 1 });

    // Row 2, earlier in the file, takes row 5's ICE: row 5 is now the repeat of row 2, row 3's repeat is gone.
    await firmA.patch(`/api/imports/${batch.id}/rows/5`, { values: { ice: ice5 } });
    const earlier = await firmA.patch(`/api/imports/${batch.id}/rows/2`, { values: { ice: ice5 } });
    expect(earlier.body.issues.filter((i: IssueView) => i.severity === 'error')).toEqual([]);
    expect(keysOf(await allIssues(firmA, batch.id, 'severity=error'))).toEqual(['5:ice:duplicate_in_file']);
    const back = await firmA.patch(`/api/imports/${batch.id}/rows/2`, { values: { ice: ice2 } });
    expect(back.body.summary).toMatchObject({ valid: 4, invalid: 0, duplicates: 0, toCreate: 4 });

    // The batch's own GET says the same; the import creates the corrected values.
    const current = (await firmA.get(`/api/imports/${batch.id}`)).body as BatchView;
    expect(current.summary).toMatchObject({ rows: 4, valid: 4, invalid: 0, toCreate: 4 });
    const imported = await importBatch(firmA, batch.id, 'all');
    expect(imported.summary).toMatchObject({ created: 4 });
    const clients = await firmA.get(`/api/imports/${batch.id}/clients?pageSize=10`);
    expect(clients.body.items.map((c: { row: number; ice: string }) => [c.row, c.ice])).toEqual([
      [2, ice2],
      [3, ice3],
      [4, expect.any(String)],
      [5, ice5],
    ]);

    // The corrected client's timeline says where it came from and what was corrected.
    const row3 = clients.body.items[1] as { id: string };
    const timeline = await firmA.get(`/api/clients/${row3.id}/timeline`);
    expect(timeline.body).toEqual([
      expect.objectContaining({
        action: 'client.imported',
        data: { importBatchId: batch.id, fileName: 'clients.xlsx', row: 3, corrected: ['ice'] },
      }),
    ]);

    // The clients list filters on the batch (and searches within it).
    const listed = await firmA.get(`/api/clients?importBatchId=${batch.id}&pageSize=50`);
    expect(listed.body.total).toBe(4);
    const searched = await firmA.get(
      `/api/clients?importBatchId=${batch.id}&q=${encodeURIComponent(clients.body.items[3].name)}`,
    );
    expect(searched.body.items.map((c: { id: string }) => c.id)).toEqual([clients.body.items[3].id]);
  });

  it('marks a corrected row that matches an existing client as skipped, and counts it', async () => {
    const existing = moroccanClient();
    expect((await firmA.post('/api/clients', existing)).status).toBe(201);
    const batch = await checked([clientRow(), clientRow({ ice: 'pas un ICE' })]);
    expect(batch.summary).toMatchObject({ rows: 2, valid: 1, invalid: 1, toSkip: 0 });
    const res = await firmA.patch(`/api/imports/${batch.id}/rows/3`, {
      values: { ice: existing.ice as string },
    });
    expect(res.body.issues).toEqual([
      expect.objectContaining({ row: 3, field: 'ice', code: 'already_exists', severity: 'skip' }),
    ]);
    expect(res.body.summary).toMatchObject({ valid: 2, invalid: 0, toSkip: 1, toCreate: 1, duplicates: 1 });
  });

  it('refuses corrections it cannot apply, with a clear 4xx', async () => {
    const parsed = await uploadAndParse(firmA, await xlsx([FR_HEADERS, clientRow()]), 'pas-encore.xlsx');
    const early = await firmA.patch(`/api/imports/${parsed.id}/rows/2`, { values: { city: 'Fès' } });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'import_not_ready' });

    const batch = await checkBatch(firmA, parsed.id);
    const unmapped = await firmA.patch(`/api/imports/${batch.id}/rows/2`, {
      values: { shareDocuments: 'oui' },
    });
    expect(unmapped.status).toBe(400);
    expect(unmapped.body).toMatchObject({
      code: 'field_not_mapped',
      message:
        'Aucune colonne du fichier n’est associée à ce champ (Partager les documents avec votre cabinet comptable) : corrigez le mappage des colonnes.',
    });
    const unknown = await firmA.patch(`/api/imports/${batch.id}/rows/2`, { values: { colour: 'bleu' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields).toEqual({ colour: expect.objectContaining({ code: 'invalid_value' }) });
    const empty = await firmA.patch(`/api/imports/${batch.id}/rows/2`, { values: {} });
    expect(empty.status).toBe(400);
    const tooLong = await firmA.patch(`/api/imports/${batch.id}/rows/2`, {
      values: { city: 'x'.repeat(1001) },
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.fields).toEqual({ city: expect.objectContaining({ code: 'too_long' }) });
    expect((await firmA.patch(`/api/imports/${batch.id}/rows/1`, { values: { city: 'Fès' } })).status).toBe(
      404,
    );
    expect((await firmA.patch(`/api/imports/${batch.id}/rows/99`, { values: { city: 'Fès' } })).status).toBe(
      404,
    );
    expect((await firmA.patch(`/api/imports/${batch.id}/rows/x`, { values: { city: 'Fès' } })).status).toBe(
      404,
    );
    // Another firm does not see the batch at all.
    expect((await firmB.patch(`/api/imports/${batch.id}/rows/2`, { values: { city: 'Fès' } })).status).toBe(
      404,
    );
    expect((await download(firmB, `/api/imports/${batch.id}/error-file`)).status).toBe(404);
    expect((await firmB.post(`/api/imports/${batch.id}/undo`)).status).toBe(404);
  });

  it('gives the file with its errors: an Errors column, highlighted commented cells, formulas neutralised', async () => {
    const ice = makeIce();
    const batch = await checked([
      clientRow({ address: '=HYPERLINK("http://evil.example","clic")', ice: breakChecksum(ice) }),
      clientRow({ name: '+33 Conseil', contactName: '@Karim', city: '-Fès' }),
      clientRow({ postalCode: '2025', language: 'Klingon' }),
    ]);
    expect(batch.summary).toMatchObject({ rows: 3, invalid: 2 });

    const file = await download(firmA, `/api/imports/${batch.id}/error-file`);
    expect(file.status).toBe(200);
    expect(String(file.headers['content-type'])).toContain('spreadsheetml');
    expect(String(file.headers['content-disposition'])).toContain('clients-erreurs.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(file.body).buffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('Clients');
    expect(ws.getRow(1).values).toEqual([undefined, ...FR_HEADERS, 'Erreurs']);
    expect(ws.rowCount).toBe(4);
    // Row 2 of the sheet = the file's row 2: the formula is text, the bad ICE is red with its message.
    expect(ws.getCell('B2').value).toBe('\'=HYPERLINK("http://evil.example","clic")');
    expect(ws.getCell('F2').value).toBe(breakChecksum(ice));
    expect(ws.getCell('F2').fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expect(ws.getCell('F2').note).toBe('ICE — le numéro est invalide (clé de contrôle)');
    expect(ws.getCell('M2').value).toBe('ICE — le numéro est invalide (clé de contrôle)');
    // Row 3 has no error, but its cells are formula-safe too.
    expect([ws.getCell('A3').value, ws.getCell('D3').value, ws.getCell('J3').value]).toEqual([
      "'+33 Conseil",
      "'-Fès",
      "'@Karim",
    ]);
    expect(ws.getCell('M3').value).toBeNull();
    // Row 4: two errors, both in the Errors column, each cell with its own comment.
    expect(String(ws.getCell('M4').value).split('\n')).toHaveLength(2);
    expect(ws.getCell('C4').note).toContain('Code postal');
    expect(ws.getCell('I4').note).toContain('Langue');
    expect(ws.getCell('I4').value).toBe('Klingon');

    // In English for a user whose language is English.
    const theirs = await uploadAndParse(
      firmB,
      await xlsx([FR_HEADERS, clientRow({ ice: breakChecksum(ice) })]),
      'their-clients.xlsx',
    );
    await checkBatch(firmB, theirs.id);
    const english = await download(firmB, `/api/imports/${theirs.id}/error-file`, 'en');
    expect(String(english.headers['content-disposition'])).toContain('their-clients-errors.xlsx');
    const wbEn = new ExcelJS.Workbook();
    await wbEn.xlsx.load(new Uint8Array(english.body).buffer);
    expect(wbEn.worksheets[0].getCell('M1').value).toBe('Errors');
    expect(wbEn.worksheets[0].getCell('M2').value).toBe('ICE — the number is invalid (check digits)');
  });

  it('undoes an import: the clients go, the batch is undone and can be imported again; refused once one was invited', async () => {
    const batch = await checked([clientRow(), clientRow(), clientRow()], 'annuler.xlsx');
    const imported = await importBatch(firmA, batch.id, 'all');
    expect(imported.summary).toMatchObject({ created: 3 });
    const created = (await firmA.get(`/api/imports/${batch.id}/clients`)).body.items as { id: string }[];
    expect(created).toHaveLength(3);

    const undone = await firmA.post(`/api/imports/${batch.id}/undo`);
    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({
      id: batch.id,
      status: 'undone',
      summary: { rows: 3, created: 0, skipped: 3 },
    });
    expect((await firmA.get(`/api/imports/${batch.id}/clients`)).body.total).toBe(0);
    expect((await firmA.get(`/api/clients/${created[0].id}`)).status).toBe(404);
    expect((await firmA.get(`/api/clients?importBatchId=${batch.id}`)).body.total).toBe(0);
    const again = await firmA.post(`/api/imports/${batch.id}/undo`);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'import_not_ready' });

    // Checked and imported again: the same three clients are created anew.
    const rechecked = await checkBatch(firmA, batch.id);
    expect(rechecked.summary).toMatchObject({ rows: 3, valid: 3, toCreate: 3, toSkip: 0 });
    const reimported = await importBatch(firmA, batch.id, 'all');
    expect(reimported.summary).toMatchObject({ created: 3 });

    // One client invited: the undo is refused, naming it, and nothing is removed.
    const clients = (await firmA.get(`/api/imports/${batch.id}/clients`)).body.items as {
      id: string;
      name: string;
    }[];
    expect((await firmA.post(`/api/clients/${clients[1].id}/invitations`)).status).toBe(201);
    const refused = await firmA.post(`/api/imports/${batch.id}/undo`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'import_clients_invited',
      message: `Des clients de cet import ont déjà été invités (${clients[1].name}) : l’import ne peut plus être annulé. Archivez plutôt les clients à retirer.`,
    });
    expect((await firmA.get(`/api/imports/${batch.id}/clients`)).body.total).toBe(3);
  });
});
