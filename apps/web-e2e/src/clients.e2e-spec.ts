import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expectText, launchBrowser } from './support/browser';
import { newFirmAccount, signUpThroughUi, validIce } from './support/flows';
import { artifactPath, ProductProcess, startServer } from './support/product';

/** Clients, through the real UI: create (with the API's own rules as you type), search, open, edit. */
describe('clients', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-e2e-clients-'));
  const suffix = randomBytes(3).toString('hex');
  const firm = newFirmAccount('Tanger', 'Youssef Benali');
  const clientName = `Atlas Négoce ${suffix}`;
  const ice = validIce();
  const wrongIce = ice.slice(0, 14) + String((Number(ice[14]) + 1) % 10);
  let server: ProductProcess;
  let url: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, url } = await startServer({ DATA_DIR: dataDir }));
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function chooseOption(selectTestId: string, optionText: string | RegExp): Promise<void> {
    await page.getByTestId(selectTestId).click();
    await page.getByRole('option', { name: optionText }).click();
  }

  it('starts with an empty list that offers to create a client', async () => {
    await signUpThroughUi(page, url, firm);
    await page.getByTestId('dashboard-empty').waitFor();

    await page.getByTestId('nav-clients').click();
    await page.getByTestId('clients-empty').waitFor();
    await expectText(page.getByTestId('clients-empty'), 'Créer un client');
    await page.screenshot({ path: artifactPath('clients-empty.png'), fullPage: true });
  });

  it('creates a Moroccan client typed « المغرب », showing the ICE error in French until it is fixed', async () => {
    await page.getByTestId('new-client').click();
    await page.getByTestId('client-name').fill(clientName);
    await page.getByTestId('client-address').fill('12, rue Ibn Batouta');
    await page.getByTestId('client-postal-code').fill('20250');
    await page.getByTestId('client-city').fill('Casablanca');
    await page.getByTestId('client-country').fill('المغرب');
    await page.keyboard.press('Escape'); // close the suggestions
    await page.getByTestId('client-ice').fill(wrongIce);
    await page.getByTestId('client-tax-id').click(); // leave the ICE field: it is now "touched"
    const iceError = page.getByTestId('error-ice');
    await iceError.waitFor();
    await expectText(iceError, 'ICE — le numéro est invalide (clé de contrôle)');
    await expect(page.getByTestId('error-country').count()).resolves.toBe(0);
    await page.waitForTimeout(400); // let the error's entry animation finish before the screenshot
    await page.screenshot({ path: artifactPath('client-form-errors.png'), fullPage: true });

    await page.getByTestId('client-ice').fill(ice);
    await iceError.waitFor({ state: 'detached' });
    await page.getByTestId('client-tax-id').fill('1234567');
    await page.getByTestId('client-contact-name').fill('Karim Idrissi');
    await page.getByTestId('client-contact-email').fill(`karim.${suffix}@atlas-negoce.ma`);
    await chooseOption('client-contact-language', 'Arabe');

    // Sharing on, with a software configured inline without leaving the form.
    await page.getByTestId('client-share').locator('button').click();
    await page.getByTestId('client-software').waitFor();
    await page.getByTestId('configure-software').click();
    await page.getByTestId('software-label').fill('Sage — dossier principal');
    await chooseOption('software-product', 'Sage 100 Comptabilité');
    await page.getByTestId('software-email').fill('factures@atlas-compta.ma');
    await page.getByTestId('software-save').click();
    await page.getByTestId('new-software-panel').waitFor({ state: 'detached' });
    await expectText(page.getByTestId('client-software'), 'Sage — dossier principal');
    await page.waitForTimeout(400);
    await page.screenshot({ path: artifactPath('client-form.png'), fullPage: true });

    await page.getByTestId('client-save').click();
    await page.waitForURL(/\/clients\?/);
    await page.getByText('Client enregistré').first().waitFor();
    await expectText(page.getByTestId('client-row').first(), clientName);
  });

  it('finds the client with the search box, opens it and edits its city', async () => {
    await page.goto(`${url}/clients`);
    await page.getByTestId('client-row').first().waitFor();
    await page.getByTestId('clients-search').fill(`négoce ${suffix}`.toUpperCase());
    await page.waitForURL(/q=/);
    await page.getByTestId('clients-loading').waitFor({ state: 'detached' });
    await expect(page.getByTestId('client-row').count()).resolves.toBe(1);
    const row = page.getByTestId('client-row').first();
    await expectText(row, 'Maroc');
    await expectText(row, 'Non invité');

    await row.click();
    await expectText(page.getByTestId('client-title'), clientName);
    await expectText(page.getByTestId('client-timeline'), `${firm.name} a créé le client`);

    await page.getByTestId('client-edit').click();
    await page.waitForFunction(
      () => (document.querySelector('[data-testid="client-name"]') as HTMLInputElement | null)?.value,
    );
    await expect(page.getByTestId('client-name').inputValue()).resolves.toBe(clientName);
    await expect(page.getByTestId('client-country').inputValue()).resolves.toBe('Maroc');
    await page.getByTestId('client-city').fill('Rabat');
    await page.getByTestId('client-postal-code').fill('10000');
    await page.getByTestId('client-save').click();
    await page.waitForURL(/\/clients\?/);
    await page.getByTestId('client-row').first().waitFor();
    await expectText(page.getByTestId('client-row').first(), 'Rabat');
    await page.screenshot({ path: artifactPath('clients-list.png'), fullPage: true });

    await page.getByTestId('client-row').first().click();
    await expectText(
      page.getByTestId('client-timeline'),
      /a modifié : (Code postal, Ville|Ville, Code postal)/,
    );
    await page.screenshot({ path: artifactPath('client-page.png'), fullPage: true });
  });

  it('shows settings and the pages in English and on a phone-sized screen', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('software-row').first().waitFor();
    await expectText(page.getByTestId('software-row').first(), 'Clients : 1');
    await page.screenshot({ path: artifactPath('settings.png'), fullPage: true });

    await page.getByTestId('lang-toggle').click();
    await page.getByTestId('lang-en').click();
    await page.getByTestId('nav-clients').click();
    await page.getByTestId('client-row').first().waitFor();
    await expectText(page.getByTestId('clients-table'), 'Morocco');
    await page.screenshot({ path: artifactPath('clients-list-en.png'), fullPage: true });
    await page.getByTestId('new-client').click();
    await page.getByTestId('client-save').click();
    await expectText(page.getByTestId('error-name'), 'Client name — this field is required');
    await page.screenshot({ path: artifactPath('client-form-en.png'), fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('client-cancel').click();
    await page.getByTestId('client-row').first().waitFor();
    await page.screenshot({ path: artifactPath('clients-list-390.png'), fullPage: true });
    await page.getByTestId('client-row').first().click();
    await page.getByTestId('client-title').waitFor();
    await page.screenshot({ path: artifactPath('client-page-390.png'), fullPage: true });
  });
});
