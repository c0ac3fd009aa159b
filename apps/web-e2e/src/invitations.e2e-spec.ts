import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/a11y';
import { expectText, launchBrowser } from './support/browser';
import { newFirmAccount, signUpThroughUi } from './support/flows';
import { pageOverflow } from './support/layout';
import { artifactPath, ProductProcess, startServer } from './support/product';

/**
 * Activation through the real UI (issue 9), as `npm start` runs it (embedded database, in-process jobs, the
 * development outbox): activate a client from its row menu, open the link from the outbox, accept it in a
 * fresh browser, land in the client's space; then activate 30 clients in bulk and follow the progress bar.
 */
describe('invitations', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-e2e-invitations-'));
  const firm = newFirmAccount('Fes', 'Nadia Tazi');
  const suffix = randomBytes(3).toString('hex');
  const clientName = `Riad Zellige ${suffix}`;
  const contactEmail = `omar.${suffix}@riad-zellige.ma`;
  const arabicEmail = `layla.${suffix}@dar-argan.ma`;
  const bulkTag = `Lot${suffix}`;
  let server: ProductProcess;
  let url: string;
  let browser: Browser;
  let staffContext: BrowserContext;
  let clientContext: BrowserContext;
  let staff: Page;
  let client: Page;
  let invitationLink: string;

  beforeAll(async () => {
    ({ server, url } = await startServer({ DATA_DIR: dataDir }));
    browser = await launchBrowser();
    staffContext = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'fr-FR' });
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
    return { status: res.status(), body: (await res.json().catch(() => null)) as unknown };
  }

  /** A French client outside Morocco (no ICE/IF needed): the fields the form requires, nothing more. */
  function clientRecord(name: string, email: string, contactLanguage = 'fr') {
    return {
      name,
      address: '8, rue du Commerce',
      postalCode: '75015',
      city: 'Paris',
      country: 'FR',
      language: 'fr',
      contactName: name === clientName ? 'Omar Bennis' : 'Contact',
      contactLanguage,
      contactEmail: email,
      shareDocuments: false,
    };
  }

  /** Renders an e-mail's HTML alone in a 640 px window, as a mail client would, for a screenshot. */
  async function screenshotEmail(html: string, file: string): Promise<void> {
    const page = await browser.newPage({ viewport: { width: 640, height: 900 } });
    try {
      await page.setContent(html, { waitUntil: 'load' });
      await page.screenshot({ path: artifactPath(file), fullPage: true });
    } finally {
      await page.close();
    }
  }

  it('activates a client from its row menu; its link, opened from the outbox, leads to the client space', async () => {
    await signUpThroughUi(staff, url, firm);
    for (const record of [
      clientRecord(clientName, contactEmail),
      clientRecord(`Dar Argan ${suffix}`, arabicEmail, 'ar'),
    ])
      expect((await api(staffContext, 'POST', '/api/clients', record)).status).toBe(201);

    // The row menu: Activate; the status chip follows without reloading the page.
    await staff.goto(`${url}/clients?q=${encodeURIComponent(suffix)}`);
    const row = staff.getByTestId('client-row').filter({ hasText: clientName });
    await expectText(row.getByTestId('status-chip'), 'Non invité');
    await row.getByTestId('client-menu').click();
    await staff.getByTestId('client-menu-activate').click();
    await expectText(
      staff.locator('.mat-mdc-snack-bar-label'),
      `Invitation en cours d’envoi à ${contactEmail}`,
    );
    await expectText(row.getByTestId('status-chip'), 'Invité');
    const arabicRow = staff.getByTestId('client-row').filter({ hasText: `Dar Argan ${suffix}` });
    await arabicRow.getByTestId('client-menu').click();
    await staff.getByTestId('client-menu-activate').click();
    await expectText(arabicRow.getByTestId('status-chip'), 'Invité');

    // The development outbox (admins, no SMTP server): the e-mail as sent, with its link.
    await staff.getByTestId('nav-outbox').click();
    const entry = staff.getByTestId('outbox-entry').filter({ hasText: contactEmail });
    await entry.waitFor();
    await expectNoAxeViolations(staff, 'development outbox');
    await entry.click();
    await expectText(
      staff.getByTestId('outbox-subject'),
      `${firm.firmName} vous invite à rejoindre Passerelle`,
    );
    invitationLink = (await staff.getByTestId('outbox-open-link').getAttribute('href')) ?? '';
    expect(invitationLink).toMatch(new RegExp(`^${url}/invitation/[A-Za-z0-9_-]{43}$`));
    await staff.screenshot({ path: artifactPath('invitation-outbox-message.png'), fullPage: true });

    // The e-mails themselves, rendered in Chromium: French, and Arabic right to left.
    const outbox = (await api(staffContext, 'GET', '/api/dev/outbox')).body as { id: string; to: string }[];
    for (const [email, file] of [
      [contactEmail, 'invitation-email-fr.png'],
      [arabicEmail, 'invitation-email-ar.png'],
    ] as const) {
      const id = outbox.find((message) => message.to === email)?.id;
      const message = (await api(staffContext, 'GET', `/api/dev/outbox/${id}`)).body as { html: string };
      expect(message.html).toContain(email === arabicEmail ? 'dir="rtl"' : 'dir="ltr"');
      await screenshotEmail(message.html, file);
    }

    // The contact, in another browser: the accept page, then its own space.
    await client.goto(invitationLink);
    await expectText(client.getByTestId('invitation-heading'), `Rejoignez l’espace de ${clientName}`);
    await expectText(client.getByTestId('invitation-firm'), firm.firmName);
    await client.screenshot({ path: artifactPath('invitation-accept-page.png'), fullPage: true });
    await expectNoAxeViolations(client, 'invitation accept page');
    await client.getByTestId('accept-name').fill('Omar Bennis');
    await client.getByTestId('accept-password').fill('Fes-Medina-2026');
    await client.getByTestId('accept-submit').click();
    await client.waitForURL(`${url}/folder`);
    await expectText(client.getByTestId('client-space-title'), 'Bonjour, Omar Bennis');
    await expectText(client.getByTestId('folder-firm'), firm.firmName);
    await expectText(client.getByTestId('folder-field-name'), clientName);
    await expectText(client.getByTestId('folder-invitation'), 'Acceptée');
    // Its own minimal shell: no staff navigation.
    expect(await client.getByTestId('side-nav').count()).toBe(0);
    await client.screenshot({ path: artifactPath('client-space.png'), fullPage: true });
    await expectNoAxeViolations(client, 'client space');

    // The link is single use: the same neutral page as any bad link.
    const again = await clientContext.newPage();
    await again.goto(invitationLink);
    await expectText(again.getByTestId('invitation-invalid'), 'Lien d’invitation non valide');
    await again.close();

    // The firm sees the client active, and can open its folder.
    await staff.goto(`${url}/clients?q=${encodeURIComponent(suffix)}`);
    await expectText(row.getByTestId('status-chip'), 'Actif');
    await row.getByTestId('client-menu').click();
    await staff.getByTestId('client-menu-folder').click();
    await expectText(staff.getByTestId('staff-folder-title'), `Dossier client — ${clientName}`);
    await expectText(staff.getByTestId('folder-invitation'), 'Acceptée');
  });

  it('activates 30 clients matching the filters in bulk; the progress bar reaches 30; the invitations page lists them', async () => {
    for (let i = 1; i <= 30; i++)
      expect(
        (
          await api(
            staffContext,
            'POST',
            '/api/clients',
            clientRecord(`${bulkTag} Société ${i}`, `contact${i}.${suffix}@lot-${suffix}.ma`),
          )
        ).status,
      ).toBe(201);
    await staff.goto(`${url}/clients?q=${encodeURIComponent(bulkTag)}`);
    await expectText(
      staff.getByTestId('activate-matching'),
      'Activer tous les non invités de ces filtres (30)',
    );
    await staff.getByTestId('activate-matching').click();
    await staff.getByTestId('confirm-ok').click();
    const run = staff.getByTestId('bulk-run');
    await expectText(run.getByTestId('bulk-fraction'), '30 / 30', 60_000);
    await expectText(run, 'Activation terminée', 60_000);
    await staff.screenshot({ path: artifactPath('bulk-activation-done.png'), fullPage: true });
    const chips = staff.getByTestId('client-row').getByTestId('status-chip');
    await expectText(chips.first(), 'Invité');

    await staff.getByTestId('nav-invitations').click();
    await staff.getByTestId('invitations-table').waitFor();
    await expectText(staff.locator('.mat-mdc-paginator-range-label'), 'sur 32');
    await expectText(staff.getByTestId('invitation-row').first(), `${bulkTag} Société`);
    await expectText(staff.getByTestId('invitation-expiry').first(), 'expire dans 13 jours');
    await staff.screenshot({ path: artifactPath('invitations-page.png'), fullPage: true });
    await expectNoAxeViolations(staff, 'invitations page');
  });

  it('fits a 390×844 phone: the accept page and the invitations page', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR' });
    try {
      const page = await phone.newPage();
      const outbox = (await api(staffContext, 'GET', '/api/dev/outbox')).body as { id: string; to: string }[];
      const id = outbox.find((message) => message.to === arabicEmail)?.id;
      const text = ((await api(staffContext, 'GET', `/api/dev/outbox/${id}`)).body as { text: string }).text;
      const link = /https?:\/\/\S+\/invitation\/[A-Za-z0-9_-]{43}/.exec(text)?.[0] ?? '';
      await page.goto(link);
      await page.getByTestId('accept-submit').waitFor();
      expect(await pageOverflow(page)).toBe(0);
      await page.screenshot({ path: artifactPath('invitation-accept-page-phone.png'), fullPage: true });
    } finally {
      await phone.close();
    }
    await staff.setViewportSize({ width: 390, height: 844 });
    await staff.goto(`${url}/invitations`);
    await staff.getByTestId('invitations-cards').waitFor();
    expect(await pageOverflow(staff)).toBe(0);
    await staff.screenshot({ path: artifactPath('invitations-page-phone.png'), fullPage: true });
  });
});
