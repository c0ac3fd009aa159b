import type { NestExpressApplication } from '@nestjs/platform-express';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { breakChecksum, makeIce, moroccanClient } from './support/clients';
import { allIssues, checkBatch, uploadAndParse } from './support/imports';
import { ApiClient, createHttpApp, newFirm, testConfig } from './support/test-app';

/** Arabic as a UI language (issue 14): saved per user, and every API message written in it. */
describe('Arabic (real PostgreSQL)', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await createHttpApp(testConfig({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
  });

  afterAll(async () => {
    await app.close();
  });

  it('keeps ar as a user’s language: at sign-up, as a preference, in the database', async () => {
    const arabic = await new ApiClient(app, 'ar').init();
    const body = { ...newFirm(), language: 'ar' };
    const signup = await arabic.post('/api/auth/signup', body);
    expect(signup.status).toBe(201);
    expect(signup.body.user.language).toBe('ar');
    expect((await arabic.get('/api/auth/me')).body.user.language).toBe('ar');

    const french = await new ApiClient(app, 'fr').init();
    await french.signup();
    const changed = await french.patch('/api/auth/me/preferences', { language: 'ar' });
    expect(changed.status).toBe(200);
    expect(changed.body.user.language).toBe('ar');

    const db = new Client({ connectionString: process.env['INT_DATABASE_URL'] });
    await db.connect();
    try {
      const saved = await db.query('SELECT language FROM app_user WHERE email = $1', [body.email]);
      expect(saved.rows).toEqual([{ language: 'ar' }]);
      // The schema refuses what is not a UI language.
      await expect(
        db.query(`UPDATE app_user SET language = 'de' WHERE email = $1`, [body.email]),
      ).rejects.toThrow(/app_user_language_check/);
    } finally {
      await db.end();
    }
  });

  it('answers field and request errors in Arabic, for Accept-Language: ar and for an Arabic user', async () => {
    const visitor = await new ApiClient(app, 'ar').init();
    const bad = await visitor.post('/api/auth/signup', { ...newFirm(), email: 'not-an-email', name: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('يحتوي الطلب على أخطاء.');
    expect(bad.body.fields.email).toEqual({
      code: 'invalid_email',
      message: 'عنوان البريد الإلكتروني — عنوان البريد الإلكتروني غير صحيح',
    });
    expect(bad.body.fields.name).toEqual({ code: 'required', message: 'اسمك — هذه الخانة إلزامية' });

    // Signed in as an Arabic user, even with a French browser: the user's choice wins.
    const staff = await new ApiClient(app, 'fr').init();
    await staff.signup();
    await staff.patch('/api/auth/me/preferences', { language: 'ar' });
    const ice = breakChecksum(moroccanClient().ice as string);
    const client = await staff.post('/api/clients', moroccanClient({ ice, contactEmail: 'x@' }));
    expect(client.status).toBe(400);
    expect(client.body.fields.ice).toEqual({
      code: 'invalid_checksum',
      message: 'التعريف الموحد للمقاولة — الرقم غير صحيح (مفتاح التحقق)',
    });
    expect(client.body.fields.contactEmail.message).toBe(
      'البريد الإلكتروني لجهة الاتصال — عنوان البريد الإلكتروني غير صحيح',
    );
    const missing = await staff.get('/api/clients/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.message).toMatch(/[\u0621-\u064A]/);
  });

  it('checks an import in Arabic: findings, and the file with its errors, right to left', async () => {
    const staff = await new ApiClient(app, 'ar').init();
    await staff.post('/api/auth/signup', { ...newFirm(), language: 'ar' });
    const headers = [
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
    ];
    const ok = [
      'مخبزة النور',
      'شارع الحسن الثاني',
      '60000',
      'وجدة',
      'المغرب',
      makeIce(),
      '7654321',
      '',
      'العربية',
      'سعاد',
      'العربية',
      'souad@nour.ma',
    ];
    const bad = [
      'مطبعة الشرق',
      'شارع فاس',
      '600',
      'وجدة',
      'المغرب',
      '123',
      '7654321',
      '',
      'العربية',
      'يوسف',
      'العربية',
      'youssef@nour.ma',
    ];
    const csv = [headers, ok, bad].map((row) => row.join(';')).join('\r\n');
    const parsed = await uploadAndParse(staff, Buffer.from(`\ufeff${csv}`, 'utf8'), 'عملاء.csv');
    expect(parsed.status).toBe('mapping');
    const checked = await checkBatch(staff, parsed.id);
    expect(checked.summary).toMatchObject({ rows: 2, valid: 1, invalid: 1 });
    const findings = (await allIssues(staff, parsed.id)).map((issue) => [issue.field, issue.message]);
    expect(findings).toEqual([
      ['postalCode', 'الرمز البريدي — يتكون الرمز البريدي المغربي من 5 أرقام'],
      ['ice', 'التعريف الموحد للمقاولة — يجب أن يتكون الرقم من 15 رقمًا'],
    ]);

    const file = await staff
      .get(`/api/imports/${parsed.id}/error-file`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(file.body as Buffer).buffer);
    const sheet = workbook.getWorksheet('العملاء');
    expect(sheet?.views[0]).toMatchObject({ rightToLeft: true });
    expect(sheet?.getRow(1).getCell(13).value).toBe('الأخطاء');
    expect(String(sheet?.getRow(3).getCell(13).value)).toContain('يجب أن يتكون الرقم من 15 رقمًا');
    expect(sheet?.getRow(3).getCell(6).note).toBe('التعريف الموحد للمقاولة — يجب أن يتكون الرقم من 15 رقمًا');
  });
});
