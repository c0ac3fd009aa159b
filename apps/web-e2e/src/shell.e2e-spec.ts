import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/a11y';
import { expectText, launchBrowser } from './support/browser';
import { newFirmAccount, signUpThroughUi } from './support/flows';
import { HttpSession } from './support/http';
import { artifactPath, ProductProcess, startServer } from './support/product';

/**
 * `npm start` as a new user gets it: no DATABASE_URL, REDIS_URL or SMTP_URL — embedded PostgreSQL,
 * in-process jobs, outbox mail — driven through the real UI in Chromium.
 */
describe('the product on its embedded defaults', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-e2e-'));
  const firm = newFirmAccount('Essaouira', 'Nadia Alaoui');
  let server: ProductProcess;
  let url: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, url } = await startServer({ DATA_DIR: dataDir }));
    browser = await launchBrowser();
  });

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
  });

  afterEach(async () => {
    await page.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function login(email: string, password: string): Promise<void> {
    await page.goto(`${url}/login`);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('app-bar').waitFor();
  }

  it('serves the login page and reports its embedded services', async () => {
    await page.goto(url);
    await page.waitForURL(/\/login/);
    await page.getByTestId('login-email').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    const health = await new HttpSession(url).request('GET', '/api/health');
    expect(health).toEqual({
      status: 200,
      body: {
        status: 'ok',
        database: { status: 'up', mode: 'embedded' },
        queue: { status: 'up', mode: 'in-process' },
        mail: { status: 'up', mode: 'outbox' },
      },
    });
  });

  it('prints demo credentials on the first start, and they log in', async () => {
    const match = /e-mail:\s+(\S+)\s+password:\s+(\S+)/.exec(server.output);
    expect(match).not.toBeNull();
    const [, email, password] = match as RegExpExecArray;
    await login(email, password);
    await expectText(page.getByTestId('firm-name'), 'Cabinet Démo');
    // The demo firm shows what the product does: sample clients, their statuses, what needs attention.
    await expectText(page.getByTestId('dashboard-see-clients'), '27 clients');
    await expectText(page.getByTestId('dashboard-archived'), '3 clients archivés');
    await expectText(page.getByTestId('dashboard-attention'), 'Invitation échouée : Imprimerie Al Maghrib');
    await expectText(page.getByTestId('dashboard-activity'), 'Admin Démo a créé « Saveurs du Maghreb SAS »');
    await page.waitForTimeout(350);
    await expectNoAxeViolations(page, 'the demo firm’s dashboard');
    await page.screenshot({ path: artifactPath('demo-dashboard.png'), fullPage: true });
  });

  it('signs a firm up, logs out, logs in and shows the dashboard shell', async () => {
    await signUpThroughUi(page, url, firm);
    await expectText(page.getByTestId('firm-name'), firm.firmName);

    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login/);

    await login(firm.email, firm.password);
    const nav = page.getByTestId('side-nav');
    for (const item of ['nav-clients', 'nav-imports', 'nav-invitations', 'nav-settings']) {
      await nav.getByTestId(item).waitFor();
    }
    await expectText(nav.getByTestId('nav-clients'), 'Clients');
    await expectText(nav.getByTestId('nav-settings'), 'Paramètres');
    await page.getByTestId('dashboard-empty').waitFor();
    await page.screenshot({ path: artifactPath('dashboard-shell.png'), fullPage: true });
  });

  it('rejects a wrong password with a visible message and stays on the login page', async () => {
    await page.goto(`${url}/login`);
    await page.getByTestId('login-email').fill(firm.email);
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await expectText(page.getByTestId('login-error'), 'E-mail ou mot de passe incorrect');
    expect(page.url()).toMatch(/\/login/);
  });

  it('sends the welcome e-mail through the in-process queue to the outbox', async () => {
    // The development outbox is the signed-in admin's, showing only their firm's messages.
    const http = new HttpSession(url);
    await http.request('GET', '/api/health');
    expect(
      (await http.request('POST', '/api/auth/login', { email: firm.email, password: firm.password })).status,
    ).toBe(200);
    let entries: { to: string; subject: string }[] = [];
    for (let i = 0; i < 50 && !entries.some((e) => e.to === firm.email); i++) {
      entries = (await http.request('GET', '/api/dev/outbox')).body as typeof entries;
      await new Promise((ok) => setTimeout(ok, 100));
    }
    expect(entries.find((e) => e.to === firm.email)?.subject).toContain(firm.firmName);
  });

  it('keeps its data across a restart', async () => {
    await server.stop();
    ({ server, url } = await startServer({ DATA_DIR: dataDir }));
    expect(server.output).not.toMatch(/Demo firm created/);
    await login(firm.email, firm.password);
    await expectText(page.getByTestId('firm-name'), firm.firmName);
  });
});
