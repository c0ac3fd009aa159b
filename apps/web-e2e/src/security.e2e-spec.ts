import { createScratchDatabase, dropScratchDatabase } from '@passerelle/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { newFirmAccount, signUpThroughUi } from './support/flows';
import { ProductProcess, startServer } from './support/product';

/** The built web app and the API documentation run under the API's Content-Security-Policy. */
describe('Content-Security-Policy', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-e2e-csp-'));
  let databaseUrl: string;
  let server: ProductProcess;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    databaseUrl = await createScratchDatabase('passerelle_e2e');
    ({ server, url } = await startServer({
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      SEED_DEMO: 'false',
    }));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (databaseUrl) await dropScratchDatabase(databaseUrl);
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Every CSP violation the page reports (the securitypolicyviolation event and Chromium's console). */
  async function watchViolations(page: Page): Promise<string[]> {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(
          `${event.violatedDirective} ${event.blockedURI}`,
        ),
      );
    });
    return violations;
  }

  it('lets the web app sign up, render and navigate without a single violation', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'fr-FR' });
    const violations = await watchViolations(page);
    const response = await page.goto(`${url}/login`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await signUpThroughUi(page, url, newFirmAccount('Agadir', 'Samira Tazi'));
    await page.getByTestId('nav-clients').click();
    await page.waitForURL(/\/clients/);
    await page.goto(`${url}/settings`);
    await page.locator('h1').first().waitFor();
    expect(violations).toEqual([]);
    await page.close();
  });

  it('keeps the API documentation usable', async () => {
    const page = await browser.newPage();
    const violations = await watchViolations(page);
    await page.goto(`${url}/api/docs`);
    await page.locator('.swagger-ui .info .title').waitFor({ timeout: 30_000 });
    expect(await page.locator('.swagger-ui .info .title').textContent()).toContain('Passerelle API');
    expect(violations).toEqual([]);
    await page.close();
  });
});
