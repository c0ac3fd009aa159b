import { FIELD_LABELS, TEMPLATE_FIELD_KEYS } from '@passerelle/domain-client';
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/a11y';
import { expectText, launchBrowser } from './support/browser';
import { newFirmAccount, signUpThroughUi, validIce } from './support/flows';
import { pageOverflow } from './support/layout';
import { artifactPath, ProductProcess, startServer } from './support/product';

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

/** A firm's own layout: a title row, a blank row, French headers in another order and an extra column. */
const OWN_HEADERS = [
  'Raison sociale',
  'Ville',
  'Adresse',
  'CP',
  'Pays',
  'N° ICE',
  'Identifiant fiscal',
  'Langue',
  'Gérant',
  'Courriel',
  'Notes internes',
];

/** The template's French headers (columns A–L), as the domain names them. */
const TEMPLATE_HEADERS = TEMPLATE_FIELD_KEYS.map((key) => FIELD_LABELS[key].fr);

/** Resolves once no CSS animation or transition runs (a dialog fading in would fail axe's contrast check). */
async function animationsDone(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), null, {
    timeout: 10_000,
  });
  await page.waitForTimeout(100);
}

/** A text-only workbook (every cell typed as text, as the template's columns are). */
async function workbook(rows: (string | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Clients');
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The wrong check digits for a valid ICE (same format, fails the mod-97 check). */
function brokenIce(ice: string): string {
  return ice.slice(0, 14) + String((Number(ice[14]) + 1) % 10);
}

function ownRows(tag: string, broken: boolean): (string | null)[][] {
  const cities = ['Casablanca', 'Rabat', 'Fès', 'Marrakech', 'Tanger'];
  const rows: (string | null)[][] = [[`Portefeuille clients du cabinet — ${tag}`], [], OWN_HEADERS];
  cities.forEach((city, i) => {
    const ice = validIce();
    rows.push([
      `${city} Négoce ${tag} ${i + 1}`,
      city,
      `${i + 3}, avenue Hassan II`,
      '20250',
      broken && i === 3 ? 'Atlantide' : 'Maroc',
      broken && i === 1 ? brokenIce(ice) : ice,
      String(1_234_560 + i),
      'Français',
      `Gérant ${i + 1}`,
      `gerant${i + 1}.${tag}@${city.toLowerCase().replace('è', 'e')}-negoce.ma`,
      i === 0 ? 'client historique' : '',
    ]);
  });
  return rows;
}

/**
 * The bulk import through the real UI (issues 10 and 11), on the embedded database with in-process jobs and
 * the development outbox — what `npm start` gives. Every step is checked with axe (WCAG 2.2 AA) and
 * photographed at 1366×900 and 390×844 (test-results/web-e2e/imports-*.png).
 */
describe('bulk import', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-e2e-imports-'));
  const firm = newFirmAccount('Tanger', 'Yasmine Idrissi');
  const tag = Date.now().toString(36);
  let server: ProductProcess;
  let url: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ server, url } = await startServer({ DATA_DIR: dataDir }));
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: DESKTOP, locale: 'fr-FR', acceptDownloads: true });
    page = await context.newPage();
    await signUpThroughUi(page, url, firm);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** axe on the page as it is, then the desktop and phone screenshots; the phone never scrolls sideways. */
  async function step(name: string): Promise<void> {
    await animationsDone(page);
    await expectNoAxeViolations(page, name);
    await page.screenshot({ path: artifactPath(`imports-${name}-1366.png`), fullPage: true });
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(400);
    expect({ name, overflow: await pageOverflow(page) }).toEqual({ name, overflow: 0 });
    await page.screenshot({ path: artifactPath(`imports-${name}-390.png`), fullPage: true });
    await page.setViewportSize(DESKTOP);
    await page.waitForTimeout(300);
  }

  async function drop(name: string, bytes: Buffer): Promise<void> {
    await page.getByTestId('file-input').setInputFiles({
      name,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: bytes,
    });
  }

  it('wizard: a file with errors, fixed and dropped again, the saved mapping applied, checked, imported', async () => {
    // From the clients page: the template and the wizard.
    await page.goto(`${url}/clients`);
    await page.getByTestId('import-clients').click();
    await page.waitForURL(/\/imports\/new$/);
    await page.getByTestId('drop-zone').waitFor();
    await step('1-upload');

    // A firm's own spreadsheet with two errors: read, header row 3 found.
    await drop('portefeuille.xlsx', await workbook(ownRows(tag, true)));
    await page.getByTestId('file-read').waitFor({ timeout: 30_000 });
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
    await expectText(page.getByTestId('file-facts'), '5 lignes de données');
    expect(await page.getByTestId('header-row').inputValue()).toBe('3');
    await step('2-file-read');

    // Columns: proposed from the headers, with samples; saved under a name for next time.
    await page.getByTestId('upload-continue').click();
    await page.getByTestId('mapping-fields').waitFor();
    await expectText(page.getByTestId('mapping-name'), `Casablanca Négoce ${tag} 1`);
    await expectText(page.getByTestId('mapping-select-ice'), 'F — N° ICE');
    await expectText(page.getByTestId('mapping-select-country'), 'E — Pays');
    await page.getByRole('checkbox', { name: 'Enregistrer ce mappage pour les prochains imports' }).check();
    await page.getByTestId('mapping-save-name').fill(`Portefeuille cabinet ${tag}`);
    await step('3-mapping');

    // The check finds the two errors.
    await page.getByTestId('mapping-submit').click();
    await expectText(page.getByTestId('check-verdict'), '2 lignes en erreur.', 30_000);
    await expectText(page.getByTestId('issue-row').first(), 'ICE — le numéro est invalide (clé de contrôle)');
    await expectText(page.getByTestId('summary-invalid'), '2');
    await step('4-check-errors');

    // The firm fixes its file and drops it again: the saved mapping is applied by itself.
    await page.getByRole('tab', { name: /Fichier/ }).click();
    await page.getByTestId('replace-file').click();
    await drop('portefeuille-corrige.xlsx', await workbook(ownRows(`${tag}b`, false)));
    await expectText(page.getByTestId('file-read'), 'portefeuille-corrige.xlsx', 30_000);
    await page.getByTestId('upload-continue').click();
    await expectText(
      page.getByTestId('saved-mapping-applied'),
      `Le mappage enregistré « Portefeuille cabinet ${tag} » a été appliqué`,
    );
    await expectText(page.getByTestId('mapping-ice'), 'D’après le mappage enregistré');
    await step('5-saved-mapping');

    await page.getByTestId('mapping-submit').click();
    await expectText(
      page.getByTestId('check-verdict'),
      'Aucune erreur : 5 clients peuvent être créés.',
      30_000,
    );
    await step('6-check-ok');

    await page.getByTestId('check-continue').click();
    expect(await page.getByTestId('import-all').isEnabled()).toBe(true);
    await step('7-import');
    await page.getByTestId('import-all').click();
    await expectText(page.getByTestId('import-result'), '5 clients créés', 30_000);
    await step('8-result');

    // The new clients: the clients list filtered on this batch.
    await page.getByTestId('see-clients').click();
    await page.waitForURL(/\/clients\?batch=/);
    await expectText(page.getByTestId('clients-count'), '5 clients');
    await expectText(page.getByTestId('batch-filter'), 'Clients créés par un import');
    await expectText(page.locator('psl-client-table'), `Casablanca Négoce ${tag}b 1`);
    await step('9-clients');

    // Settings → Saved mappings lists it (admins may rename and delete).
    await page.goto(`${url}/settings`);
    await page.getByRole('tab', { name: 'Mappages enregistrés' }).click();
    await expectText(page.getByTestId('mapping-row'), `Portefeuille cabinet ${tag}`);
    await expectText(page.getByTestId('mapping-row'), 'utilisé le');
    await step('10-saved-mappings');
  });

  it('1,000 rows: two cells fixed inline, the file with its errors, valid rows imported, undone, imported again, invited', async () => {
    const rows: string[][] = [TEMPLATE_HEADERS];
    for (let i = 0; i < 1000; i++) {
      const sheetRow = i + 2;
      rows.push([
        `Société ${tag} ${String(i + 1).padStart(4, '0')}`,
        `${i + 1}, rue de la Liberté`,
        sheetRow === 51 ? 'ABC' : '20250',
        'Casablanca',
        sheetRow === 41 ? 'Atlantide' : 'Maroc',
        sheetRow === 11 || sheetRow === 21 ? brokenIce(validIce()) : validIce(),
        String(2_000_000 + i),
        '',
        'Français',
        `Contact ${i + 1}`,
        'fr',
        sheetRow === 31 ? 'contact31@' : `contact${i + 1}.${tag}@mille-clients.ma`,
      ]);
    }
    await page.goto(`${url}/imports/new`);
    await drop('mille-clients.xlsx', await workbook(rows));
    await expectText(page.getByTestId('file-facts'), /1\s000 lignes de données/, 60_000);
    await page.getByTestId('upload-continue').click();
    await page.getByTestId('mapping-submit').click();
    await expectText(page.getByTestId('check-verdict'), '5 lignes en erreur.', 60_000);
    await expectText(page.getByTestId('summary-rows'), /1\s000/);

    // Two ICEs fixed in place: the domain rule answers as they are typed, the server re-checks the row.
    for (const [row, remaining] of [
      [11, '4'],
      [21, '3'],
    ] as const) {
      await page.getByTestId('issue-row').filter({ hasText: 'ICE' }).first().getByTestId('issue-fix').click();
      const input = page.getByTestId('cell-editor-input');
      await input.fill('12345');
      await expectText(page.getByTestId('cell-editor-problem'), 'ICE');
      if (row === 11) await step('11-fix-inline');
      await input.fill(validIce());
      await page.getByTestId('cell-editor-ok').waitFor();
      await page.getByTestId('cell-editor-save').click();
      await expectText(page.getByTestId('issue-outcome'), `Ligne ${row} corrigée.`);
      await expectText(page.getByTestId('summary-invalid'), remaining);
    }

    // The file with its errors, for the three rows left.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-error-file').click(),
    ]);
    expect(download.suggestedFilename()).toBe('mille-clients-erreurs.xlsx');
    const errorBook = new ExcelJS.Workbook();
    await errorBook.xlsx.load(new Uint8Array(readFileSync(await download.path())).buffer);
    const sheet = errorBook.worksheets[0];
    expect(sheet.getCell('M1').value).toBe('Erreurs');
    expect(sheet.rowCount).toBe(1001);
    expect(String(sheet.getCell('M31').value)).toContain('E-mail du contact');
    expect(sheet.getCell('L31').fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expect(sheet.getCell('M11').value).toBeNull();

    // Import step: "all" is refused while errors remain; the 997 valid rows go in.
    await page.getByTestId('check-continue').click();
    expect(await page.getByTestId('import-all').isDisabled()).toBe(true);
    await expectText(page.getByTestId('import-all-why'), '3 lignes ont encore des erreurs');
    await expectText(
      page.getByTestId('import-valid'),
      'Importer les 997 lignes valides et ignorer les 3 autres',
    );
    await step('12-import-choice');
    await page.getByTestId('import-valid').click();
    await expectText(page.getByTestId('import-result'), '997 clients créés', 90_000);

    // Undo from the batch's page, after a confirmation saying how many clients go.
    await page.getByTestId('see-details').click();
    await page.getByTestId('undo-import').waitFor();
    await step('13-detail');
    await page.getByTestId('undo-import').click();
    await expectText(
      page.locator('mat-dialog-container'),
      'Les 997 clients créés par cet import seront supprimés.',
    );
    await animationsDone(page);
    await expectNoAxeViolations(page, 'undo confirmation');
    await page.screenshot({ path: artifactPath('imports-14-undo-confirm-1366.png') });
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('undone-notice').waitFor({ timeout: 60_000 });
    await step('15-undone');

    // The Imports page lists both batches with their status.
    await page.goto(`${url}/imports`);
    await expectText(page.getByTestId('import-row').first(), 'mille-clients.xlsx');
    await expectText(page.getByTestId('import-row').first(), 'Annulé');
    await expectText(page.getByTestId('imports-table'), 'portefeuille-corrige.xlsx');
    await step('16-imports-page');

    // Imported again: checked again, the valid rows imported.
    await page.getByTestId('import-row').first().getByTestId('import-open').click();
    await page.getByTestId('import-again-link').click();
    await page.getByTestId('import-again').click();
    await expectText(page.getByTestId('check-verdict'), '3 lignes en erreur.', 60_000);
    await page.getByTestId('check-continue').click();
    await page.getByTestId('import-valid').click();
    await expectText(page.getByTestId('import-result'), '997 clients créés', 90_000);

    // Invite the batch: one bulk activation, its progress on the page.
    await page.getByTestId('invite-batch').click();
    await expectText(page.locator('mat-dialog-container'), 'Inviter 997 clients ?');
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('bulk-run').waitFor({ timeout: 30_000 });
    await expectText(page.getByTestId('bulk-run'), /Activation de 997 clients|Activation terminée/, 60_000);
    await step('17-invite');
  });
});
