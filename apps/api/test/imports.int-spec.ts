import type { NestExpressApplication } from '@nestjs/platform-express';
import ExcelJS from 'exceljs';
import { TEMPLATE_EXAMPLES } from '../src/app/imports/template/template-content';
import { makeIce } from './support/clients';
import { allIssues, checkBatch, importBatch, uploadAndParse } from './support/imports';
import { ApiClient, createHttpApp, testConfig } from './support/test-app';

describe('bulk import API (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let firmA: ApiClient;

  beforeAll(async () => {
    app = await createHttpApp(testConfig({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
    firmA = await new ApiClient(app).init();
    await firmA.signup();
  });

  afterAll(async () => {
    await app.close();
  });

  async function template(lang: 'fr' | 'en' | 'ar' = 'fr'): Promise<Buffer> {
    const res = await firmA
      .get(`/api/imports/template?lang=${lang}`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    return res.body as Buffer;
  }

  it('the template re-uploaded untouched gives 0 rows and 0 errors; filled, it imports', async () => {
    const untouched = await uploadAndParse(firmA, await template('fr'), 'modele.xlsx');
    expect(untouched.status).toBe('mapping');
    expect(untouched.sheets).toEqual(['Clients', 'Instructions']);
    expect(untouched.headerRow).toBe(1);
    const checked = await checkBatch(firmA, untouched.id);
    expect(checked.summary).toMatchObject({ rows: 0, valid: 0, invalid: 0 });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await template('fr'));
    const sheet = workbook.getWorksheet('Clients');
    const ice = makeIce();
    sheet?.addRow([
      'Atlas Négoce',
      '5, avenue Hassan II',
      '10000',
      'Rabat',
      'Maroc',
      ice,
      '1234567',
      '',
      'Français',
      'Nadia Alaoui',
      '',
      `nadia.${ice}@atlas.ma`,
    ]);
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const batch = await uploadAndParse(firmA, filled, 'clients.xlsx');
    expect(batch.mapping).toMatchObject({ name: 0, ice: 5, contactEmail: 11, shareDocuments: null });
    const done = await checkBatch(firmA, batch.id);
    expect(done.summary).toMatchObject({ rows: 1, valid: 1, invalid: 0, toCreate: 1 });
    expect(await allIssues(firmA, batch.id, 'severity=error')).toEqual([]);
    const imported = await importBatch(firmA, batch.id, 'all');
    expect(imported.status).toBe('imported');
    expect(imported.summary).toMatchObject({ created: 1 });
    const list = await firmA.get(`/api/clients?q=${ice}`);
    expect(list.body.items.map((c: { ice: string }) => c.ice)).toEqual([ice]);
    expect(TEMPLATE_EXAMPLES.fr.ice).toHaveLength(15);
  });
});
