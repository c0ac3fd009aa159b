import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/a11y';
import { expectText, launchBrowser } from './support/browser';
import { newFirmAccount, signUpThroughUi, validIce } from './support/flows';
import { pageOverflow } from './support/layout';
import { artifactPath, ProductProcess, startServer } from './support/product';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Three small files of accepted types (the right first bytes, then random bytes). */
const files = {
  pdf: Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(4000)]),
  png: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(3000)]),
  jpeg: Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
    Buffer.from('JFIF'),
    randomBytes(3000),
  ]),
};

/**
 * Client documents through the real UI (issue 12): the client drops three files in its space, the firm sees
 * the count in its clients list, opens the client's folder, downloads one and marks it processed. The
 * embedded database, in-process jobs and the development outbox: what `npm start` gives.
 */
describe('client documents', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-e2e-documents-'));
  const firm = newFirmAccount('Agadir', 'Salma Bennani');
  const suffix = randomBytes(3).toString('hex');
  const contactEmail = `karim.${suffix}@atlas-souss.ma`;
  const clientName = `Atlas Souss ${suffix}`;
  let server: ProductProcess;
  let url: string;
  let browser: Browser;
  let staffContext: BrowserContext;
  let clientContext: BrowserContext;
  let staff: Page;
  let client: Page;
  let clientId: string;

  beforeAll(async () => {
    ({ server, url } = await startServer({ DATA_DIR: dataDir }));
    browser = await launchBrowser();
    staffContext = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'fr-FR',
      acceptDownloads: true,
    });
    clientContext = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'fr-FR' });
    staff = await staffContext.newPage();
    client = await clientContext.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A JSON request with the context's cookies and its CSRF token, as the web app sends it. */
  async function api(context: BrowserContext, method: 'GET' | 'POST', path: string, data?: object) {
    const request: APIRequestContext = context.request;
    if (!(await context.cookies(url)).some((c) => c.name === 'XSRF-TOKEN'))
      await request.get(`${url}/api/health`);
    const xsrf = (await context.cookies(url)).find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
    const res = await request.fetch(`${url}${path}`, { method, data, headers: { 'x-xsrf-token': xsrf } });
    return { status: res.status(), body: (await res.json().catch(() => null)) as Record<string, unknown> };
  }

  it('the client drops three files; the firm sees the count, opens the folder, downloads one, marks it processed', async () => {
    // The firm, its accounting software (e-mail delivery) and a client who shares documents.
    await signUpThroughUi(staff, url, firm);
    const software = await api(staffContext, 'POST', '/api/accounting-software/configs', {
      label: 'Odoo — factures',
      product: 'odoo',
      deliveryMethod: 'email',
      deliveryEmail: 'factures@odoo.example.ma',
    });
    expect(software.status).toBe(201);
    const created = await api(staffContext, 'POST', '/api/clients', {
      name: clientName,
      address: '3, avenue Hassan II',
      postalCode: '80000',
      city: 'Agadir',
      country: 'MA',
      ice: validIce(),
      taxId: '7654321',
      language: 'fr',
      contactName: 'Karim Amrani',
      contactLanguage: 'fr',
      contactEmail,
      shareDocuments: true,
      accountingSoftwareId: software.body['id'],
    });
    expect(created.status).toBe(201);
    clientId = (created.body['client'] as { id: string }).id;

    // Activation: the invitation's link from the development outbox, accepted by the client.
    expect((await api(staffContext, 'POST', `/api/clients/${clientId}/invitations`)).status).toBe(201);
    let token = '';
    for (let i = 0; i < 100 && !token; i++) {
      const outbox = (await api(staffContext, 'GET', '/api/dev/outbox')).body as unknown as {
        id: string;
        to: string;
      }[];
      const entry = Array.isArray(outbox) ? outbox.find((m) => m.to === contactEmail) : undefined;
      if (entry) {
        const message = await api(staffContext, 'GET', `/api/dev/outbox/${entry.id}`);
        token = /\/invitation\/([A-Za-z0-9_-]{43})/.exec(String(message.body['text']))?.[1] ?? '';
      }
      if (!token) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const accepted = await api(clientContext, 'POST', `/api/public/invitations/${token}/accept`, {
      name: 'Karim Amrani',
      password: 'Souss-Atlas-2026',
    });
    expect(accepted.status).toBe(201);

    // The client's space: three files dropped at once, each uploaded with its own progress.
    await client.goto(`${url}/folder`);
    await client.getByTestId('drop-zone').waitFor();
    await client.getByTestId('file-input').setInputFiles([
      { name: 'facture-eau.pdf', mimeType: 'application/pdf', buffer: files.pdf },
      { name: 'ticket-caisse.png', mimeType: 'image/png', buffer: files.png },
      { name: 'recu-taxi.jpg', mimeType: 'image/jpeg', buffer: files.jpeg },
    ]);
    await expectText(client.getByTestId('upload-row'), 'facture-eau.pdf');
    for (const name of ['facture-eau.pdf', 'ticket-caisse.png', 'recu-taxi.jpg'])
      await expectText(client.getByTestId('upload-row').filter({ hasText: name }), 'Envoyé');
    await expectText(client.getByTestId('document-row'), 'recu-taxi.jpg');
    expect(await client.getByTestId('document-row').count()).toBe(3);
    await client.screenshot({ path: artifactPath('documents-client-space-desktop.png'), fullPage: true });
    await expectNoAxeViolations(client, 'client space with documents');

    // A file that is not an accepted type: refused next to its name, never sent.
    await client
      .getByTestId('file-input')
      .setInputFiles([
        { name: 'facture.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00\x03 not a pdf') },
      ]);
    await expectText(client.getByTestId('upload-row').first(), '« facture.pdf » n’est pas d’un type accepté');
    expect(await client.getByTestId('document-row').count()).toBe(3);

    // The firm: the count in the clients list.
    await staff.goto(`${url}/clients?q=${encodeURIComponent(clientName)}`);
    const row = staff.getByTestId('client-row').filter({ hasText: clientName });
    await expectText(row.getByTestId('client-new-documents'), '3');
    await staff.screenshot({ path: artifactPath('documents-clients-list-count.png') });

    // Opens the client's folder, downloads one document, marks it processed.
    await staff.goto(`${url}/clients/${clientId}/folder`);
    await expectText(staff.getByTestId('document-row'), 'facture-eau.pdf');
    await expectText(staff.getByTestId('new-count'), '3 nouveaux');
    const [download] = await Promise.all([
      staff.waitForEvent('download'),
      staff.getByRole('link', { name: 'Télécharger facture-eau.pdf' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('facture-eau.pdf');
    expect(sha256(readFileSync(await download.path()))).toBe(sha256(files.pdf));
    await staff.getByRole('button', { name: 'Marquer facture-eau.pdf comme traité' }).click();
    const pdfRow = staff.getByTestId('document-row').filter({ hasText: 'facture-eau.pdf' });
    await expectText(pdfRow.getByTestId('document-status'), 'Traité');
    await expectText(staff.getByTestId('new-count'), '2 nouveaux');
    await staff.screenshot({ path: artifactPath('documents-staff-folder-desktop.png'), fullPage: true });
    await expectNoAxeViolations(staff, 'staff client folder with documents');

    // Downloaded by the firm: the client can no longer delete it (the others still can).
    await client.reload();
    const clientPdfRow = client.getByTestId('document-row').filter({ hasText: 'facture-eau.pdf' });
    await clientPdfRow.waitFor();
    expect(await clientPdfRow.getByRole('button', { name: /Supprimer/ }).count()).toBe(0);
    expect(
      await client
        .getByTestId('document-row')
        .filter({ hasText: 'recu-taxi.jpg' })
        .getByRole('button', { name: 'Supprimer recu-taxi.jpg' })
        .count(),
    ).toBe(1);
  });

  it('fits a 390×844 phone', async () => {
    await client.setViewportSize({ width: 390, height: 844 });
    await client.goto(`${url}/folder`);
    await expectText(client.getByTestId('document-row'), 'recu-taxi.jpg');
    expect(await pageOverflow(client)).toBe(0);
    await client.screenshot({ path: artifactPath('documents-client-space-phone.png'), fullPage: true });
    await expectNoAxeViolations(client, 'client space on a phone');
  });
});
