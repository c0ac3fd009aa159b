import type { NestExpressApplication } from '@nestjs/platform-express';
import { TestS3Server, TestSmtpServer } from '@passerelle/testing';
import JSZip from 'jszip';
import type { ParsedMail } from 'mailparser';
import { createHash, randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { Client as PgClient } from 'pg';
import type { Response } from 'supertest';
import { FileStore } from '../src/app/documents/storage/file-store';
import { SweepDocumentDeliveriesJob } from '../src/app/documents/delivery/document-delivery-jobs';
import { ApiClient, createHttpApp, testConfig } from './support/test-app';
import { adminDb, createClient, recipient, waitFor } from './support/invitations';
import { hashPassword } from '../src/app/auth/passwords';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const MB = 1024 * 1024;

/** Small files of each accepted type: the right first bytes, then random bytes (each one unique). */
const samples = {
  pdf: () => Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), randomBytes(2000)]),
  jpeg: () =>
    Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), Buffer.from('JFIF'), randomBytes(3000)]),
  png: () =>
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(1500)]),
  heic: () =>
    Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic\0\0\0\0mif1heic'), randomBytes(2500)]),
  webp: () => Buffer.concat([Buffer.from('RIFF\x24\0\0\0WEBPVP8 ', 'latin1'), randomBytes(1200)]),
  xml: () =>
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?>\n<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">` +
        `<cbc:ID xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">F-${randomBytes(6).toString('hex')}</cbc:ID></Invoice>\n`,
    ),
};
const EXPECTED_TYPES = {
  pdf: ['application/pdf', 'facture.pdf'],
  jpeg: ['image/jpeg', 'photo.jpg'],
  png: ['image/png', 'scan.png'],
  heic: ['image/heic', 'IMG_0001.HEIC'],
  webp: ['image/webp', 'recu.webp'],
  xml: ['application/xml', 'facture-ubl.xml'],
} as const;

function entry(zip: JSZip, name: string): JSZip.JSZipObject {
  const file = zip.file(name);
  if (!file) throw new Error(`no ${name} in the zip`);
  return file;
}

function binary(res: Response): Buffer {
  return res.body as Buffer;
}

/**
 * Client documents end to end, run once per storage backend — PostgreSQL chunks, and an S3 bucket served
 * by s3rver in this process — with the same assertions: real PostgreSQL, an SMTP peer for the invitations
 * and the delivery to the accounting software's inbox, jobs in-process.
 */
describe.each([['postgres'], ['s3']])('client documents (%s storage)', (backend) => {
  const smtp = new TestSmtpServer();
  const s3 = new TestS3Server();
  const inbox = `factures-${randomBytes(4).toString('hex')}@logiciel.test`;
  let app: NestExpressApplication;
  let db: PgClient;
  let staff: ApiClient;
  let firm: Awaited<ReturnType<ApiClient['signup']>>;
  let otherStaff: ApiClient;
  let clientA: { id: string; email: string; name: string };
  let clientB: { id: string; email: string; name: string };
  let userA: ApiClient;
  let userB: ApiClient;
  let port: number;

  /**
   * The client's user, as accepting its invitation leaves it (the invitation flow itself is tested in
   * invitations.int-spec.ts): written to the table, then signed in through the API.
   */
  async function clientUser(client: { id: string; email: string }): Promise<ApiClient> {
    const password = 'Tanger-Atlas-2026';
    await db.query(
      `INSERT INTO app_user (firm_id, email, name, password_hash, role, client_id)
       VALUES ($1, $2, 'Karim Benjelloun', $3, 'client', $4)`,
      [firm.me.firm.id, client.email, await hashPassword(password), client.id],
    );
    await db.query(`UPDATE client SET status = 'active' WHERE id = $1`, [client.id]);
    const user = await new ApiClient(app).init();
    const login = await user.post('/api/auth/login', { email: client.email, password });
    expect(login.status).toBe(200);
    return user;
  }

  function upload(user: ApiClient, files: { data: Buffer; name: string; type?: string }[], fields = {}) {
    const req = user.post('/api/folder/documents');
    for (const [key, value] of Object.entries(fields)) req.field(key, String(value));
    for (const file of files)
      req.attach('files', file.data, {
        filename: file.name,
        contentType: file.type ?? 'application/octet-stream',
      });
    return req;
  }

  /** A download read as bytes, whatever its Content-Type. */
  const download = (user: ApiClient, path: string) =>
    user
      .get(path)
      .buffer(true)
      .parse((res, done) => {
        const stream = res as unknown as NodeJS.ReadableStream;
        const parts: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => parts.push(chunk));
        stream.on('end', () => done(null, Buffer.concat(parts)));
      });

  beforeAll(async () => {
    const env: Record<string, string> = {
      SMTP_URL: await smtp.start(),
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      MAIL_RETRY_BASE_MS: '100',
      DOCUMENT_MAX_FILE_MB: '8',
    };
    if (backend === 's3') env['S3_URL'] = await s3.start();
    app = await createHttpApp(testConfig(env));
    await app.listen(0, '127.0.0.1');
    port = (app.getHttpServer().address() as AddressInfo).port;
    expect(app.get(FileStore).backendKind).toBe(backend);
    db = await adminDb();
    staff = await new ApiClient(app).init();
    firm = await staff.signup();
    const software = await staff.post('/api/accounting-software/configs', {
      label: 'Odoo — factures',
      product: 'odoo',
      deliveryMethod: 'email',
      deliveryEmail: inbox,
    });
    expect(software.status).toBe(201);
    const shared = { shareDocuments: true, accountingSoftwareId: software.body.id, contactLanguage: 'fr' };
    clientA = await createClient(staff, shared);
    clientB = await createClient(staff, shared);
    userA = await clientUser(clientA);
    userB = await clientUser(clientB);
    otherStaff = await new ApiClient(app).init();
    await otherStaff.signup();
  });

  afterAll(async () => {
    await app?.close();
    await db?.end();
    await smtp.stop();
    if (backend === 's3') await s3.stop();
  });

  it('accepts each type by its content, with the sniffed type and a sanitised name', async () => {
    for (const [kind, [contentType, name]] of Object.entries(EXPECTED_TYPES)) {
      const data = samples[kind as keyof typeof samples]();
      // The declared type is wrong on purpose: only the bytes count.
      const res = await upload(userA, [{ data, name, type: 'text/html' }], {
        category: 'invoice',
        period: '2026-11',
      });
      expect(res.status).toBe(201);
      expect(res.body.documents).toHaveLength(1);
      expect(res.body.documents[0]).toMatchObject({
        clientId: clientA.id,
        kind,
        contentType,
        fileName: name,
        size: data.length,
        sha256: sha256(data),
        category: 'invoice',
        period: '2026-11',
        status: 'new',
        duplicate: false,
        deletable: true,
      });
    }
  });

  it('refuses a renamed executable with 415 naming the file and the accepted types, and keeps nothing', async () => {
    const before = await storedFiles();
    const exe = Buffer.concat([Buffer.from('MZ\x90\0\x03\0\0\0', 'latin1'), randomBytes(4000)]);
    const res = await upload(userA, [{ data: exe, name: 'facture.pdf', type: 'application/pdf' }]);
    expect(res.status).toBe(415);
    expect(res.body).toEqual({
      statusCode: 415,
      code: 'document_type_unsupported',
      message:
        '« facture.pdf » n’est pas d’un type accepté. Types acceptés : PDF, JPEG, PNG, HEIC, WebP ou XML (UBL) (reconnus à leur contenu, pas à leur nom).',
    });
    // Several files in one request: all or none (the good one before the bad one is not kept either).
    const mixed = await upload(userA, [
      { data: samples.pdf(), name: 'ok.pdf' },
      { data: exe, name: 'setup.exe' },
    ]);
    expect(mixed.status).toBe(415);
    expect(mixed.body.message).toContain('« setup.exe »');
    expect(await storedFiles()).toBe(before);
  });

  it('refuses an over-size file while it streams, without reading it whole', async () => {
    const before = await storedFiles();
    const total = 64 * MB;
    let sent = 0;
    const boundary = '----passerelle' + randomBytes(8).toString('hex');
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="big.pdf"\r\n` +
        `Content-Type: application/pdf\r\n\r\n%PDF-1.7\n`,
    );
    const piece = randomBytes(64 * 1024);
    const answer = await new Promise<{ status: number; body: string; sentWhenAnswered: number }>(
      (resolve, reject) => {
        let answered = false;
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/api/folder/documents',
            headers: { ...userA.authHeaders(), 'content-type': `multipart/form-data; boundary=${boundary}` },
          },
          (res) => {
            const sentWhenAnswered = sent;
            answered = true;
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (body += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sentWhenAnswered }));
          },
        );
        req.on('error', (error) => (answered ? undefined : reject(error)));
        // A sender of 64 MB: the answer must come long before the end.
        const body = Readable.from(
          (async function* () {
            yield head;
            sent += head.length;
            while (sent < total && !answered) {
              yield piece;
              sent += piece.length;
              await new Promise((r) => setImmediate(r));
            }
            yield Buffer.from(`\r\n--${boundary}--\r\n`);
          })(),
        );
        body.pipe(req);
      },
    );
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({
      code: 'document_too_large',
      message:
        '« big.pdf » est trop volumineux (8 MB au maximum par fichier) : réduisez-le (PDF compressé, photo moins lourde) ou découpez-le.',
    });
    // Answered once the 8 MB limit was crossed (plus what the loopback socket buffers hold), not after 64 MB.
    expect(answer.sentWhenAnswered).toBeLessThan(24 * MB);
    expect(await storedFiles()).toBe(before);
  });

  it('downloads exactly the uploaded bytes (SHA-256), as an attachment with the sniffed type', async () => {
    // Several PostgreSQL chunks / more than one S3 multipart part.
    const data = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(7 * MB)]);
    const res = await upload(userA, [{ data, name: 'Relevé été 2026.pdf' }], { category: 'bank_statement' });
    expect(res.status).toBe(201);
    const doc = res.body.documents[0];
    expect(doc.sha256).toBe(sha256(data));

    const own = await download(userA, `/api/folder/documents/${doc.id}/content`);
    expect(own.status).toBe(200);
    expect(sha256(binary(own))).toBe(sha256(data));
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.headers['x-content-type-options']).toBe('nosniff');
    expect(own.headers['content-disposition']).toBe(
      `attachment; filename="Releve ete 2026.pdf"; filename*=UTF-8''Relev%C3%A9%20%C3%A9t%C3%A9%202026.pdf`,
    );
    // The client's own download does not count as the firm's.
    expect((await userA.get(`/api/folder/documents?q=releve`)).body.items[0].firmDownloadedAt).toBeNull();

    const firmCopy = await download(staff, `/api/clients/${clientA.id}/documents/${doc.id}/content`);
    expect(firmCopy.status).toBe(200);
    expect(sha256(binary(firmCopy))).toBe(sha256(data));
    const listed = (await userA.get(`/api/folder/documents?q=releve`)).body.items[0];
    expect(listed.firmDownloadedAt).not.toBeNull();
    expect(listed.deletable).toBe(false);
  });

  it('flags the same file uploaded twice as a duplicate and keeps it once', async () => {
    const data = samples.png();
    const first = await upload(userA, [{ data, name: 'ticket.png' }]);
    const before = await storedFiles();
    const second = await upload(userA, [{ data, name: 'ticket (copie).png' }]);
    expect(second.status).toBe(201);
    expect(second.body.documents[0]).toMatchObject({ id: first.body.documents[0].id, duplicate: true });
    expect(second.body.documents[0].fileName).toBe('ticket.png');
    expect(await storedFiles()).toBe(before);
    const both = await upload(userA, [
      { data: samples.jpeg(), name: 'a.jpg' },
      { data, name: 'again.png' },
    ]);
    expect(both.body.documents.map((d: { duplicate: boolean }) => d.duplicate)).toEqual([false, true]);
  });

  it('keeps each client to its own folder and each firm to its own clients', async () => {
    const mine = (await upload(userB, [{ data: samples.pdf(), name: 'b.pdf' }])).body.documents[0];
    const ofA = (await upload(userA, [{ data: samples.pdf(), name: 'a.pdf' }])).body.documents[0];
    // Client A's user on client B's document: 404 (not 403), whatever the route.
    expect((await userA.get(`/api/folder/documents/${mine.id}/content`)).status).toBe(404);
    expect((await userA.delete(`/api/folder/documents/${mine.id}`)).status).toBe(404);
    const listB = await userB.get('/api/folder/documents');
    expect(listB.body.items.map((d: { id: string }) => d.id)).toEqual([mine.id]);
    // A client user on the staff routes: 403; staff on the client routes: 403.
    expect((await userA.get(`/api/clients/${clientA.id}/documents`)).status).toBe(403);
    expect((await staff.get('/api/folder/documents')).status).toBe(403);
    // Another firm's staff: 404 on the client, on the document, on marking it.
    expect((await otherStaff.get(`/api/clients/${clientA.id}/documents`)).status).toBe(404);
    expect((await otherStaff.get(`/api/clients/${clientA.id}/documents/${ofA.id}/content`)).status).toBe(404);
    expect(
      (await otherStaff.post(`/api/clients/${clientA.id}/documents/${ofA.id}/processed`, { processed: true }))
        .status,
    ).toBe(404);
    // A document id under the wrong client of the right firm: 404.
    expect((await staff.get(`/api/clients/${clientB.id}/documents/${ofA.id}/content`)).status).toBe(404);
    // Malformed ids: 404.
    expect((await staff.get(`/api/clients/${clientA.id}/documents/not-a-uuid/content`)).status).toBe(404);
  });

  it('answers 403 sharing_off with a clear message while the client does not share documents', async () => {
    const quiet = await createClient(staff, { shareDocuments: false });
    const res = await staff.get(`/api/clients/${quiet.id}/documents`);
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      statusCode: 403,
      code: 'sharing_off',
      message:
        'Le partage de documents est désactivé pour ce client. Le cabinet peut l’activer dans la fiche du client (« Partager les documents avec votre cabinet comptable »).',
    });
  });

  it('lets the client delete within 24 hours only while the firm has not downloaded it', async () => {
    const kept = (await upload(userA, [{ data: samples.pdf(), name: 'garder.pdf' }])).body.documents[0];
    const wrong = (await upload(userA, [{ data: samples.pdf(), name: 'erreur.pdf' }])).body.documents[0];
    const old = (await upload(userA, [{ data: samples.pdf(), name: 'ancien.pdf' }])).body.documents[0];
    expect((await userA.delete(`/api/folder/documents/${wrong.id}`)).status).toBe(204);
    expect((await userA.get(`/api/folder/documents/${wrong.id}/content`)).status).toBe(404);

    await download(staff, `/api/clients/${clientA.id}/documents/${kept.id}/content`);
    const downloaded = await userA.delete(`/api/folder/documents/${kept.id}`);
    expect(downloaded.status).toBe(409);
    expect(downloaded.body.code).toBe('document_delete_closed');
    expect(downloaded.body.message).toContain('votre cabinet l’a déjà téléchargé');

    await db.query(`UPDATE document SET uploaded_at = now() - interval '25 hours' WHERE id = $1`, [old.id]);
    const late = await userA.delete(`/api/folder/documents/${old.id}`);
    expect(late.status).toBe(409);
    expect(late.body.message).toContain('il y a plus de 24 heures');
  });

  it('staff mark documents processed and back; filters narrow the list; uploads are audited', async () => {
    const doc = (
      await upload(userA, [{ data: samples.webp(), name: 'caisse.webp' }], {
        category: 'receipt',
        period: '2026-10',
        note: 'Ticket de caisse du 12 octobre',
      })
    ).body.documents[0];
    const marked = await staff.post(`/api/clients/${clientA.id}/documents/${doc.id}/processed`, {
      processed: true,
    });
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ id: doc.id, status: 'processed' });
    expect(marked.body.processedAt).not.toBeNull();

    const filtered = await staff.get(`/api/clients/${clientA.id}/documents?category=receipt&period=2026-10`);
    expect(filtered.body.items.map((d: { id: string }) => d.id)).toEqual([doc.id]);
    expect((await staff.get(`/api/clients/${clientA.id}/documents?q=octobre`)).body.items[0].id).toBe(doc.id);
    const processedOnly = await staff.get(`/api/clients/${clientA.id}/documents?status=processed`);
    expect(processedOnly.body.items.map((d: { id: string }) => d.id)).toEqual([doc.id]);
    const badPeriod = await staff.get(`/api/clients/${clientA.id}/documents?period=2026-13`);
    expect(badPeriod.status).toBe(400);
    expect(badPeriod.body.fields.period.code).toBe('invalid_format');

    const back = await staff.post(`/api/clients/${clientA.id}/documents/${doc.id}/processed`, {
      processed: false,
    });
    expect(back.body).toMatchObject({ status: 'new', processedAt: null });

    const timeline = await staff.get(`/api/clients/${clientA.id}/timeline`);
    const staffActions = ['document.uploaded', 'document.processed', 'document.reopened'];
    const actions = timeline.body
      .filter((e: { action: string; data: { documentId?: string } }) => e.data.documentId === doc.id)
      .map((e: { action: string }) => e.action)
      .filter((action: string) => staffActions.includes(action));
    expect(actions).toEqual(['document.reopened', 'document.processed', 'document.uploaded']);
  });

  it('shows the firm how many new documents each client has, in the clients list and on the dashboard', async () => {
    const fresh = await createClient(staff, {
      shareDocuments: true,
      accountingSoftwareId: (await staff.get(`/api/clients/${clientA.id}`)).body.accountingSoftwareId,
    });
    const user = await clientUser(fresh);
    const before = (await staff.get('/api/dashboard')).body.newDocuments;
    const docs = (
      await upload(user, [
        { data: samples.pdf(), name: '1.pdf' },
        { data: samples.png(), name: '2.png' },
        { data: samples.jpeg(), name: '3.jpg' },
      ])
    ).body.documents;
    const row = async () =>
      (await staff.get(`/api/clients?q=${encodeURIComponent(fresh.name)}`)).body.items.find(
        (item: { id: string }) => item.id === fresh.id,
      );
    expect((await row()).newDocuments).toBe(3);
    expect((await staff.get('/api/dashboard')).body.newDocuments).toEqual({
      total: before.total + 3,
      clients: before.clients + 1,
    });
    await staff.post(`/api/clients/${fresh.id}/documents/${docs[0].id}/processed`, { processed: true });
    expect((await row()).newDocuments).toBe(2);
    expect((await staff.get(`/api/clients/${fresh.id}/documents`)).body).toMatchObject({
      total: 3,
      newCount: 2,
    });
  });

  it('e-mails each new document to the accounting software’s inbox, with the attachment', async () => {
    const data = samples.pdf();
    const doc = (await upload(userA, [{ data, name: 'facture-fournisseur.pdf' }], { category: 'invoice' }))
      .body.documents[0];
    const mail: ParsedMail = await smtp.waitFor(
      (m) => recipient(m) === inbox && m.attachments.some((a) => a.filename === 'facture-fournisseur.pdf'),
    );
    expect(mail.messageId).toBe(`<document.${doc.id}@passerelle.local>`);
    expect(mail.subject).toBe(`[${clientA.name}] Facture — facture-fournisseur.pdf`);
    const attachment = mail.attachments.find((a) => a.filename === 'facture-fournisseur.pdf');
    expect(attachment?.contentType).toBe('application/pdf');
    expect(sha256(attachment?.content as Buffer)).toBe(sha256(data));

    const delivered = await waitFor(async () => {
      const list = await staff.get(`/api/clients/${clientA.id}/documents?q=fournisseur`);
      const item = list.body.items[0];
      return item.delivery.status === 'sent' ? item : null;
    }, 'delivery recorded');
    expect(delivered.delivery).toMatchObject({ status: 'sent', email: inbox, attempts: 1 });
    expect(delivered.delivery.lastReply).toMatch(/^250 /);
    // The client sees that it went, not where to nor what the server said.
    const own = (await userA.get('/api/folder/documents?q=fournisseur')).body.items[0];
    expect(own.delivery).toMatchObject({ status: 'sent', email: null, lastReply: null });
  });

  it('queues a delivery again when its job was lost (the sweeper)', async () => {
    const doc = (await upload(userB, [{ data: samples.pdf(), name: 'perdu.pdf' }])).body.documents[0];
    await smtp.waitFor(
      (m) => recipient(m) === inbox && m.attachments.some((a) => a.filename === 'perdu.pdf'),
    );
    // Pretend the queue lost the job of a queued delivery: back to queued, aged past the requeue delay.
    await db.query(
      `UPDATE document_delivery SET status = 'queued', updated_at = now() - interval '10 minutes' WHERE document_id = $1`,
      [doc.id],
    );
    const requeued = await app.get(SweepDocumentDeliveriesJob).sweep(60);
    expect(requeued).toBeGreaterThanOrEqual(1);
    await waitFor(
      async () =>
        smtp.messages.filter((m) => m.messageId === `<document.${doc.id}@passerelle.local>`).length === 2,
      'the swept delivery sent',
    );
  });

  it('zips a selection, and exports a period with a formula-safe CSV index', async () => {
    const exportConfig = await staff.post('/api/accounting-software/configs', {
      label: `Sage export ${backend}`,
      product: 'sage-100',
      deliveryMethod: 'export',
      exportFormat: 'csv',
      exportFrequency: 'monthly',
    });
    const exporting = await createClient(staff, {
      shareDocuments: true,
      accountingSoftwareId: exportConfig.body.id,
      contactLanguage: 'fr',
    });
    const user = await clientUser(exporting);
    const one = samples.pdf();
    const two = samples.jpeg();
    const a = (
      await upload(user, [{ data: one, name: 'scan.pdf' }], { period: '2026-09', note: '=HYPERLINK("x")' })
    ).body.documents[0];
    const b = (
      await upload(user, [{ data: two, name: 'scan.jpg' }], { period: '2026-09', category: 'receipt' })
    ).body.documents[0];
    await upload(user, [{ data: samples.png(), name: 'autre.png' }], { period: '2026-08' });

    const exported = await download(staff, `/api/clients/${exporting.id}/documents/export?period=2026-09`);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toBe('application/zip');
    const zip = await JSZip.loadAsync(binary(exported));
    expect(Object.keys(zip.files).sort()).toEqual(['index.csv', 'scan.jpg', 'scan.pdf']);
    expect(sha256(await entry(zip, 'scan.pdf').async('nodebuffer'))).toBe(sha256(one));
    expect(sha256(await entry(zip, 'scan.jpg').async('nodebuffer'))).toBe(sha256(two));
    const index = (await entry(zip, 'index.csv').async('string')).replace(/^\ufeff/, '').split('\r\n');
    expect(index[0]).toBe('Fichier,Catégorie,Période,Déposé le,Taille (octets),SHA-256,Statut,Note');
    expect(index[1]).toBe(
      `scan.pdf,Autre,2026-09,${a.uploadedAt},${one.length},${sha256(one)},new,"'=HYPERLINK(""x"")"`,
    );
    expect(index[2]).toBe(`scan.jpg,Reçu / ticket,2026-09,${b.uploadedAt},${two.length},${sha256(two)},new,`);

    const selection = await download(
      staff,
      `/api/clients/${exporting.id}/documents/archive?ids=${a.id},${b.id}`,
    );
    expect(selection.status).toBe(200);
    expect(Object.keys((await JSZip.loadAsync(binary(selection))).files).sort()).toEqual([
      'scan.jpg',
      'scan.pdf',
    ]);

    // An e-mail configuration has no export.
    const noExport = await staff.get(`/api/clients/${clientA.id}/documents/export?period=2026-09`);
    expect(noExport.status).toBe(409);
    expect(noExport.body.code).toBe('export_not_configured');
  });

  /** Stored files of this test's firm (written or half-written). */
  async function storedFiles(): Promise<number> {
    const rows = await db.query(`SELECT count(*)::int AS n FROM stored_file WHERE firm_id = $1`, [
      firm.me.firm.id,
    ]);
    return rows.rows[0].n as number;
  }
});
