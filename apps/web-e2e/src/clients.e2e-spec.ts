import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/a11y';
import { expectText, launchBrowser } from './support/browser';
import { newFirmAccount, signUpThroughUi, validIce } from './support/flows';
import { HttpSession } from './support/http';
import {
  focused,
  horizontalOverflow,
  pageOverflow,
  subscriptOverlaps,
  waitForHeadingFocus,
} from './support/layout';
import { artifactPath, ProductProcess, startServer } from './support/product';

/**
 * Clients through the real UI, on a 1366×900 desktop and a 390×844 phone: a table that fits, forms whose
 * hints never overlap, keyboard focus that is never lost, and axe-core (WCAG 2.2 AA) on every page.
 */
describe('clients', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-e2e-clients-'));
  const suffix = randomBytes(3).toString('hex');
  const firm = newFirmAccount('Tanger', 'Youssef Benali');
  const clientName = `Atlas Négoce ${suffix}`;
  const longName = fill160(
    'Société Générale de Négoce, d’Import-Export et de Distribution Agroalimentaire du Nord ',
  );
  const ice = validIce();
  const wrongIce = ice.slice(0, 14) + String((Number(ice[14]) + 1) % 10);
  let server: ProductProcess;
  let url: string;
  let browser: Browser;
  let desktop: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ server, url } = await startServer({ DATA_DIR: dataDir }));
    browser = await launchBrowser();
    desktop = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'fr-FR' });
    page = await desktop.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A name of exactly 160 characters (the longest the rules allow). */
  function fill160(start: string): string {
    const text = start.repeat(3).slice(0, 160);
    return text.endsWith(' ') ? `${text.slice(0, 159)}x` : text;
  }

  async function chooseOption(p: Page, selectTestId: string, optionText: string | RegExp): Promise<void> {
    await p.getByTestId(selectTestId).click();
    await p.getByRole('option', { name: optionText }).click();
  }

  /** Progress bars gone and Material's entry animations over: what a person (and axe) would look at. */
  async function settled(p: Page): Promise<void> {
    await p
      .locator('mat-progress-bar')
      .first()
      .waitFor({ state: 'detached', timeout: 15_000 })
      .catch(() => undefined);
    await p.waitForTimeout(350);
  }

  async function rowMenu(p: Page, name: string): Promise<void> {
    await p.getByTestId('client-row').filter({ hasText: name }).getByTestId('client-menu').click();
  }

  it('serves axe-clean login and sign-up pages, and puts focus on the dashboard heading after sign-up', async () => {
    await page.goto(`${url}/login`);
    await page.getByTestId('login-email').waitFor();
    await expectNoAxeViolations(page, 'the login page');
    await page.goto(`${url}/signup`);
    await page.getByTestId('signup-firm').waitFor();
    await expectNoAxeViolations(page, 'the sign-up page');

    await signUpThroughUi(page, url, firm);
    await waitForHeadingFocus(page, `Bonjour, ${firm.name}`);
    await page.getByTestId('dashboard-empty').waitFor();
    await expectNoAxeViolations(page, 'the empty dashboard');
  });

  it('offers « Aller au contenu » as the first Tab stop, and it reaches the page heading', async () => {
    await page.goto(`${url}/clients`);
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ testId: 'skip-link', text: 'Aller au contenu' });
    await page.keyboard.press('Enter');
    await waitForHeadingFocus(page, 'Clients');
  });

  it('moves focus to the new page’s heading after choosing a navigation item', async () => {
    await page.getByTestId('nav-dashboard').click();
    await waitForHeadingFocus(page, `Bonjour, ${firm.name}`);
    await page.getByTestId('nav-clients').click();
    await waitForHeadingFocus(page, 'Clients');
    await page.getByTestId('clients-empty').waitFor();
    await expectNoAxeViolations(page, 'the empty clients list');
  });

  it('marks required fields, keeps hints and errors off the neighbouring fields, and names the languages', async () => {
    await page.getByTestId('new-client').click();
    await waitForHeadingFocus(page, 'Nouveau client');
    await expectText(page.locator('.required-note').first(), '* obligatoire');
    // name, address, postal code, city, country, language, contact, contact language
    expect(
      await page.locator('[data-testid="client-form"] .mat-mdc-form-field-required-marker').count(),
    ).toBe(8);

    await page.getByTestId('client-save').click();
    await page.getByTestId('error-name').waitFor();
    await settled(page);
    expect(await subscriptOverlaps(page.getByTestId('client-form'))).toEqual([]);
    await expectNoAxeViolations(page, 'the client form showing its errors');
    await page.screenshot({ path: artifactPath('client-form-errors-1366.png'), fullPage: true });

    await page.getByTestId('client-language').click();
    const languages = await page.getByRole('option').allTextContents();
    expect(languages.map((l) => l.trim()).slice(0, 6)).toEqual([
      'Français',
      'Arabe',
      'Anglais',
      'Amazighe (tifinagh)',
      'Espagnol',
      'Allemand',
    ]);
    expect(languages.map((l) => l.trim())).not.toContain('Zgh');
    await page.keyboard.press('Escape');
  });

  it('creates a client typed « المغرب », configuring its software in a dialog that gives focus back', async () => {
    await page.getByTestId('client-name').fill(clientName);
    await page.getByTestId('client-address').fill('12, rue Ibn Batouta');
    await page.getByTestId('client-postal-code').fill('20250');
    await page.getByTestId('client-city').fill('Casablanca');
    await page.getByTestId('client-country').fill('المغرب');
    await page.keyboard.press('Escape'); // close the suggestions
    await page.getByTestId('client-ice').fill(wrongIce);
    await page.getByTestId('client-tax-id').click(); // leave the ICE field: it is now "touched"
    await expectText(page.getByTestId('error-ice'), 'ICE — le numéro est invalide (clé de contrôle)');
    await page.getByTestId('client-ice').fill(ice);
    await page.getByTestId('error-ice').waitFor({ state: 'detached' });
    await page.getByTestId('client-tax-id').fill('1234567');
    await page.getByTestId('client-contact-name').fill('Karim Idrissi');
    await page.getByTestId('client-contact-email').fill(`karim.${suffix}@atlas-negoce.ma`);
    await chooseOption(page, 'client-contact-language', 'Arabe');

    await page.getByTestId('client-share').locator('button').click();
    await page.getByTestId('client-software').waitFor();
    // The "fix the fields" banner of the empty submit is still up: the dialog clears it.
    await page.getByTestId('client-form-error').waitFor();
    await page.getByTestId('configure-software').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('software-label').waitFor();
    expect(await page.getByTestId('client-form-error').count()).toBe(0);
    await settled(page);
    await expectNoAxeViolations(page, 'the new accounting-software dialog');
    await dialog.getByTestId('software-label').fill('Sage — dossier principal');
    await chooseOption(page, 'software-product', 'Sage 100 Comptabilité');
    await dialog.getByTestId('software-email').fill('factures@atlas-compta.ma');
    await dialog.getByTestId('software-save').click();
    await dialog.waitFor({ state: 'detached' });
    await expectText(page.getByTestId('client-software'), 'Sage — dossier principal');
    expect((await focused(page)).testId).toBe('configure-software');
    await settled(page);
    expect(await subscriptOverlaps(page.getByTestId('client-form'))).toEqual([]);
    await page.screenshot({ path: artifactPath('client-form-1366.png'), fullPage: true });

    await page.getByTestId('client-save').click();
    await page.waitForURL(/\/clients\/[0-9a-f-]{36}$/);
    await waitForHeadingFocus(page, clientName);
    await page.getByText(`« ${clientName} » créé`).first().waitFor();
    await expectText(page.getByTestId('client-timeline'), `${firm.name} a créé le client`);
    await settled(page);
    await expectNoAxeViolations(page, 'the client page');
    await page.screenshot({ path: artifactPath('client-page-1366.png'), fullPage: true });
  });

  it('fits the clients table in its container with a 160-character name; the rows are one Tab stop', async () => {
    const api = new HttpSession(url);
    await api.request('GET', '/api/health');
    expect(
      (await api.request('POST', '/api/auth/login', { email: firm.email, password: firm.password })).status,
    ).toBe(200);
    const base = {
      address: '3, avenue Mohammed VI',
      postalCode: '10000',
      city: 'Rabat',
      country: 'MA',
      taxId: '7654321',
      language: 'fr',
      contactName: 'Nadia Berrada',
      contactLanguage: 'fr',
    };
    for (const [index, name] of [longName, 'Boulangerie Al Amal', 'Épicerie Fine Souissi'].entries()) {
      const res = await api.request('POST', '/api/clients', {
        ...base,
        name,
        ice: validIce(),
        contactEmail: `contact${index}.${suffix}@client.ma`,
      });
      expect(res.status).toBe(201);
    }

    await page.getByTestId('nav-clients').click();
    await waitForHeadingFocus(page, 'Clients');
    await page.getByTestId('client-row').nth(3).waitFor();
    await settled(page);
    const card = page.locator('.table-card');
    expect(await horizontalOverflow(page.locator('.table-wrap'))).toBe(0);
    const cardBox = await card.boundingBox();
    const tableBox = await page.getByTestId('clients-table').boundingBox();
    expect(tableBox && cardBox && tableBox.x + tableBox.width <= cardBox.x + cardBox.width + 0.5).toBe(true);
    for (const column of ['status', 'updatedAt', 'actions']) {
      const header = await page.locator(`th.mat-column-${column}`).boundingBox();
      expect(header && cardBox && header.x + header.width <= cardBox.x + cardBox.width + 0.5).toBe(true);
    }
    expect(await expectVisibleChip(page, 'Non invité')).toBe(true);
    // The long name wraps to two lines, then ellipsis; the whole name is in its title.
    const longCell = page.getByTestId('client-name-cell').filter({ hasText: longName.slice(0, 40) });
    expect(await longCell.getAttribute('title')).toBe(longName);
    expect(await longCell.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    await expect(page.locator('tr.client-row[tabindex="0"]').count()).resolves.toBe(1);
    await expectNoAxeViolations(page, 'the clients list');
    await page.screenshot({ path: artifactPath('clients-list-1366.png'), fullPage: true });

    const rows = page.getByTestId('client-row');
    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    expect(await rows.nth(1).evaluate((row) => row === document.activeElement)).toBe(true);
    await page.keyboard.press('Shift+F10');
    await page.getByRole('menuitem', { name: /Modifier/ }).waitFor();
    expect((await focused(page)).text).toContain('Modifier');
    await page.keyboard.press('Escape');
    await page.getByRole('menu').waitFor({ state: 'detached' });
    expect(await rows.nth(1).evaluate((row) => row === document.activeElement)).toBe(true);
    // The table did not scroll the names out of view.
    expect(await horizontalOverflow(page.locator('.table-wrap'))).toBe(0);
  });

  async function expectVisibleChip(p: Page, text: string): Promise<boolean> {
    const chip = p.getByTestId('status-chip').filter({ hasText: text }).first();
    const box = await chip.boundingBox();
    const label = await chip.evaluate((el) => el.scrollWidth <= el.clientWidth);
    return !!box && box.width > 0 && label;
  }

  it('sorts names the French way, accents ignored', async () => {
    await page.goto(`${url}/clients?sort=name`);
    await page.getByTestId('client-row').nth(3).waitFor();
    const names = await page.getByTestId('client-name-cell').allTextContents();
    expect(names.map((n) => n.trim().slice(0, 12))).toEqual([
      clientName.slice(0, 12),
      'Boulangerie ',
      'Épicerie Fin',
      longName.slice(0, 12),
    ]);
  });

  it('edits from the row menu and comes back to the same sorted list', async () => {
    await page.goto(`${url}/clients?sort=name&order=desc`);
    await page.getByTestId('client-row').first().waitFor();
    await rowMenu(page, 'Boulangerie Al Amal');
    await page.getByTestId('client-menu-edit').click();
    await waitForHeadingFocus(page, 'Modifier le client');
    await page.waitForFunction(
      () => (document.querySelector('[data-testid="client-name"]') as HTMLInputElement | null)?.value,
    );
    await page.getByTestId('client-city').fill('Salé');
    await page.getByTestId('client-postal-code').fill('11000');
    await page.getByTestId('client-save').click();
    await page.waitForURL(`${url}/clients?sort=name&order=desc`);
    await page.getByText('« Boulangerie Al Amal » enregistré').first().waitFor();
    await expectText(page.getByTestId('client-row').filter({ hasText: 'Boulangerie Al Amal' }), 'Salé');
    await waitForHeadingFocus(page, 'Clients');
  });

  it('archives at once with « Annuler » in the snackbar; an archived client keeps its status chip', async () => {
    await rowMenu(page, 'Épicerie Fine Souissi');
    await page.getByTestId('client-menu-archive').click();
    const snack = page.locator('.mat-mdc-snack-bar-container');
    await expectText(snack, '« Épicerie Fine Souissi » archivé');
    await page
      .getByTestId('client-row')
      .filter({ hasText: 'Épicerie Fine Souissi' })
      .waitFor({ state: 'detached' });
    await snack.getByRole('button', { name: 'Annuler' }).click();
    await expectText(page.locator('.mat-mdc-snack-bar-container'), '« Épicerie Fine Souissi » restauré');
    await page.getByTestId('client-row').filter({ hasText: 'Épicerie Fine Souissi' }).waitFor();

    await rowMenu(page, 'Épicerie Fine Souissi');
    await page.getByTestId('client-menu-archive').click();
    await page
      .getByTestId('client-row')
      .filter({ hasText: 'Épicerie Fine Souissi' })
      .waitFor({ state: 'detached' });
    await page.getByTestId('filter-archived').getByText('Archivés').click();
    const archived = page.getByTestId('client-row').filter({ hasText: 'Épicerie Fine Souissi' });
    await archived.waitFor();
    await expectText(archived.getByTestId('status-chip'), 'Non invité');
    await expectText(archived.getByTestId('archived-chip'), 'Archivé');
    await settled(page);
    await expectNoAxeViolations(page, 'the archived clients');
  });

  it('answers a malformed client address with « Ce client est introuvable. »', async () => {
    for (const path of ['/clients/not-a-client', '/clients/not-a-client/edit']) {
      await page.goto(url + path);
      await expectText(page.getByTestId('client-load-error'), 'Ce client est introuvable.');
    }
    await expectNoAxeViolations(page, 'the client-not-found page');
  });

  it('shows counts per status on the dashboard, each leading to the filtered list', async () => {
    await page.getByRole('link', { name: /Tableau de bord/ }).click();
    await waitForHeadingFocus(page, `Bonjour, ${firm.name}`);
    const notInvited = page.getByTestId('dashboard-status-not_invited');
    await expectText(notInvited, '3');
    await expectText(page.getByTestId('dashboard-archived'), '1 client archivé');
    await expectText(
      page.getByTestId('dashboard-activity'),
      `${firm.name} a archivé « Épicerie Fine Souissi »`,
    );
    await settled(page);
    await expectNoAxeViolations(page, 'the dashboard');
    await page.screenshot({ path: artifactPath('dashboard-1366.png'), fullPage: true });
    await notInvited.click();
    await page.waitForURL(/\/clients\?status=not_invited$/);
    await expectText(page.getByTestId('clients-count'), '3 clients');
    await expect(page.getByTestId('client-row').count()).resolves.toBe(3);
  });

  it('shows settings and the list in English, axe-clean', async () => {
    await page.getByTestId('nav-settings').click();
    await waitForHeadingFocus(page, 'Paramètres');
    await expectText(page.getByTestId('software-row').first(), '1 client');
    await settled(page);
    await expectNoAxeViolations(page, 'the settings page');
    await page.screenshot({ path: artifactPath('settings-1366.png'), fullPage: true });

    await page.getByTestId('lang-en').click();
    await page.getByTestId('nav-clients').click();
    await page.getByTestId('client-row').first().waitFor();
    await expectText(page.getByTestId('clients-table'), 'Morocco');
    await settled(page);
    await expectNoAxeViolations(page, 'the clients list in English');
    await page.screenshot({ path: artifactPath('clients-list-en-1366.png'), fullPage: true });
    await page.getByTestId('lang-fr').click();
  });

  describe('on a 390×844 phone', () => {
    let phone: BrowserContext;
    let p: Page;

    beforeAll(async () => {
      phone = await browser.newContext({
        viewport: { width: 390, height: 844 },
        locale: 'fr-FR',
        hasTouch: true,
      });
      p = await phone.newPage();
      await p.goto(`${url}/login`);
      await p.getByTestId('login-email').fill(firm.email);
      await p.getByTestId('login-password').fill(firm.password);
      await p.getByTestId('login-submit').click();
      await p.getByTestId('app-bar').waitFor();
    });

    afterAll(async () => {
      await phone?.close();
    });

    it('lists clients as cards, the filters folded behind « Filtres », nothing wider than the screen', async () => {
      await p.goto(`${url}/clients`);
      await p.getByTestId('client-row').first().waitFor();
      await settled(p);
      expect(await p.getByTestId('clients-table').count()).toBe(0);
      expect(await p.getByTestId('clients-cards').count()).toBe(1);
      expect(await pageOverflow(p)).toBe(0);
      const firstCard = await p.getByTestId('client-row').first().boundingBox();
      expect(firstCard && firstCard.y < 420).toBe(true);
      await expectNoAxeViolations(p, 'the clients list on a phone');
      await p.screenshot({ path: artifactPath('clients-list-390.png'), fullPage: true });

      await p.getByTestId('filters-toggle').click();
      const sheet = p.getByTestId('filters-sheet');
      await sheet.waitFor();
      await settled(p);
      await expectNoAxeViolations(p, 'the filters sheet on a phone');
      await p.screenshot({ path: artifactPath('clients-filters-390.png') });
      await sheet.getByTestId('filter-status').getByText('Non invité').click();
      await p.waitForURL(/status=not_invited/);
      await sheet.getByTestId('filters-done').click();
      await sheet.waitFor({ state: 'detached' });
      await expectText(p.getByTestId('filters-toggle'), 'Filtres (1)');
      const chip = p.getByTestId('active-filter');
      await expectText(chip, 'Statut : Non invité');
      await chip.getByRole('button').click();
      await p.waitForURL((u) => !u.search.includes('status='));
      // The chip leaves once the list has re-rendered for the new URL (not necessarily at the same instant).
      await p.getByTestId('active-filter').first().waitFor({ state: 'detached', timeout: 10_000 });
      await p.getByTestId('filters-toggle').filter({ hasNotText: '(' }).waitFor({ timeout: 10_000 });
    });

    it('keeps every hint and error of the client form clear of the next field', async () => {
      await p.getByTestId('new-client').click();
      await p.getByTestId('client-save').click();
      await p.getByTestId('error-postalCode').waitFor();
      await p.getByTestId('client-postal-code').fill('123');
      await p.getByTestId('client-country').fill('Maroc');
      await p.keyboard.press('Escape');
      await p.getByTestId('client-tax-id').fill('12');
      await p.getByTestId('client-iban').click();
      await settled(p);
      expect(await subscriptOverlaps(p.getByTestId('client-form'))).toEqual([]);
      expect(await pageOverflow(p)).toBe(0);
      await expectNoAxeViolations(p, 'the client form on a phone');
      await p.screenshot({ path: artifactPath('client-form-errors-390.png'), fullPage: true });

      await p.getByTestId('client-share').locator('button').click();
      await p.getByTestId('configure-software').click();
      const dialog = p.getByRole('dialog');
      await dialog.getByTestId('software-label').waitFor();
      await dialog.getByTestId('software-save').click();
      await dialog.getByTestId('error-label').waitFor();
      await settled(p);
      expect(await subscriptOverlaps(dialog)).toEqual([]);
      await p.screenshot({ path: artifactPath('software-dialog-390.png') });
      await dialog.getByTestId('software-cancel').click();
      await dialog.waitFor({ state: 'detached' });
      expect((await focused(p)).testId).toBe('configure-software');
    });

    it('shows the client page and the dashboard without sideways scrolling', async () => {
      await p.goto(`${url}/clients`);
      await p.getByTestId('client-row').filter({ hasText: clientName }).click();
      await waitForHeadingFocus(p, clientName);
      await settled(p);
      expect(await pageOverflow(p)).toBe(0);
      await expectNoAxeViolations(p, 'the client page on a phone');
      await p.screenshot({ path: artifactPath('client-page-390.png'), fullPage: true });
      await p.goto(url);
      await p.getByTestId('dashboard-clients').waitFor();
      await settled(p);
      expect(await pageOverflow(p)).toBe(0);
      await expectNoAxeViolations(p, 'the dashboard on a phone');
      await p.screenshot({ path: artifactPath('dashboard-390.png'), fullPage: true });
    });
  });
});
