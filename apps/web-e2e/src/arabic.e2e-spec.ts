import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/a11y';
import { expectText, launchBrowser } from './support/browser';
import { newFirmAccount, validIce } from './support/flows';
import { pageOverflow } from './support/layout';
import { artifactPath, ProductProcess, startServer } from './support/product';

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const ARABIC_LETTER = /[\u0621-\u064A]/;

/**
 * Latin words the Arabic interface may show besides the data: the product's name, the language switch, and
 * identifiers or formats that Moroccan accountants write in Latin letters (ICE, IF, IBAN, RIB, CSV, Excel…).
 */
const LATIN_ALLOWED = new Set([
  'Passerelle',
  'FR',
  'EN',
  'AR',
  // each language named in itself in the language switch (lang="fr", lang="en")
  'Français',
  'English',
  'ICE',
  'IF',
  'IBAN',
  'RIB',
  'MA',
  'ISO',
  'CSV',
  'Excel',
  'xlsx',
  'UTF',
  'SMTP',
  'PDF',
  'JPEG',
  'PNG',
  'HEIC',
  'WebP',
  'XML',
  'UBL',
  'zip',
  // keyboard keys, as printed on the keys
  'Shift',
]);

/**
 * Arabic interface end to end (issue 14), as `npm start` runs it: the language switch, sign-up in Arabic,
 * then the clients list, the client form with its errors, the import wizard's check step, the invitations and
 * the client's own space — each at 1366×900 and 390×844: `<html lang="ar" dir="rtl">`, the navigation on the
 * right, no sideways scrolling, no French or English string left, axe-core clean. Screenshots are kept in
 * test-results/web-e2e (arabic-*.png).
 */
describe('Arabic interface (right to left)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-e2e-arabic-'));
  const firm = newFirmAccount('Oujda', 'Salma Idrissi');
  const suffix = randomBytes(3).toString('hex');
  const moroccan = {
    name: `مقاولة الأطلس ${suffix}`,
    contactName: 'كريم بنجلون',
    contactEmail: `karim.${suffix}@atlas-oujda.ma`,
    ice: validIce(),
  };
  const french = { name: `Cèdre Conseil ${suffix}`, contactEmail: `claire.${suffix}@cedre.fr` };
  /** Data the pages show as typed (names, e-mails, identifiers): not interface strings. */
  const data = [
    firm.firmName,
    firm.name,
    firm.email,
    french.name,
    french.contactEmail,
    moroccan.contactEmail,
  ];
  let server: ProductProcess;
  let url: string;
  let browser: Browser;
  let staffContext: BrowserContext;
  let staff: Page;
  let clientId = '';
  let clientPassword = '';

  beforeAll(async () => {
    ({ server, url } = await startServer({ DATA_DIR: dataDir }));
    browser = await launchBrowser();
    staffContext = await browser.newContext({ viewport: DESKTOP, locale: 'ar-MA' });
    staff = await staffContext.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A JSON request with the context's cookies and its CSRF token, as the web app sends it. */
  async function api(context: BrowserContext, method: 'GET' | 'POST', path: string, body?: object) {
    const request: APIRequestContext = context.request;
    if (!(await context.cookies(url)).some((c) => c.name === 'XSRF-TOKEN'))
      await request.get(`${url}/api/health`);
    const xsrf = (await context.cookies(url)).find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
    const res = await request.fetch(`${url}${path}`, {
      method,
      data: body,
      headers: { 'x-xsrf-token': xsrf },
    });
    return { status: res.status(), body: (await res.json().catch(() => null)) as Record<string, unknown> };
  }

  /**
   * The Latin words a page shows (its text, and the labels screen readers and tooltips read) once the data
   * it displays is taken out: any left is an interface string that fell back to French or English.
   */
  async function untranslated(page: Page, extraData: string[] = []): Promise<string[]> {
    const { text, icons } = await page.evaluate(() => {
      const labels = Array.from(
        document.querySelectorAll('[aria-label], [title], [placeholder], [alt]'),
      ).flatMap((element) =>
        ['aria-label', 'title', 'placeholder', 'alt'].map((name) => element.getAttribute(name) ?? ''),
      );
      return {
        text: [document.title, document.body.innerText, ...labels].join('\n'),
        // An icon's ligature (<mat-icon>edit</mat-icon>) is a glyph, not a word.
        icons: Array.from(document.querySelectorAll('mat-icon')).map(
          (icon) => icon.textContent?.trim() ?? '',
        ),
      };
    });
    let rest = text;
    for (const value of [...data, ...extraData, suffix].sort((a, b) => b.length - a.length))
      rest = rest.split(value).join(' ');
    const found = new Set<string>();
    for (const match of rest.matchAll(/[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’]+/g)) {
      const word = match[0];
      if (LATIN_ALLOWED.has(word) || icons.includes(word)) continue;
      const at = match.index ?? 0;
      found.add(`${word} (in “${rest.slice(Math.max(0, at - 30), at + 30).replace(/\s+/g, ' ')}”)`);
    }
    return [...found];
  }

  /** The SMTP replies the invitations page shows in its "last reply" column. */
  async function smtpReplies(): Promise<string[]> {
    const page = (await api(staffContext, 'GET', '/api/invitations')).body as {
      items?: { lastSmtpReply?: string }[];
    };
    return (page.items ?? []).map((item) => item.lastSmtpReply ?? '').filter((reply) => reply !== '');
  }

  /** What every Arabic page must be: RTL document, nothing sideways, no fallback string, axe-clean. */
  async function expectArabicPage(page: Page, what: string, screenshot: string, extraData: string[] = []) {
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'ar',
      'rtl',
    ]);
    expect(await pageOverflow(page)).toBe(0);
    expect(await untranslated(page, extraData)).toEqual([]);
    await page.screenshot({ path: artifactPath(screenshot), fullPage: true });
    await expectNoAxeViolations(page, what);
  }

  /** The side navigation sits against the right edge of the window (mirrored layout). */
  async function expectNavigationOnTheRight(page: Page, width: number) {
    const box = await page.getByTestId('side-nav').boundingBox();
    expect(box).not.toBeNull();
    expect(Math.round((box?.x ?? 0) + (box?.width ?? 0))).toBe(width);
    // Not stretched across: a drawer anchored on the left would start at 0.
    expect(box?.x ?? 0).toBeGreaterThan(0);
  }

  it('switches to Arabic before signing in, signs a firm up in Arabic and keeps it on its account', async () => {
    await staff.goto(`${url}/login`);
    await staff.getByTestId('lang-ar').click();
    await expectText(staff.getByTestId('login-submit'), 'تسجيل الدخول');
    await expectArabicPage(staff, 'login page in Arabic', 'arabic-login.png');

    await staff.goto(`${url}/signup`);
    await staff.getByTestId('signup-firm').fill(firm.firmName);
    await staff.getByTestId('signup-name').fill(firm.name);
    await staff.getByTestId('signup-email').fill(firm.email);
    await staff.getByTestId('signup-password').fill(firm.password);
    await staff.getByTestId('signup-submit').click();
    await staff.getByTestId('app-bar').waitFor();
    const me = await api(staffContext, 'GET', '/api/auth/me');
    expect((me.body['user'] as { language: string }).language).toBe('ar');
    await expectNavigationOnTheRight(staff, DESKTOP.width);
  });

  it('shows the clients list in Arabic, Latin data kept left to right', async () => {
    const created = await api(staffContext, 'POST', '/api/clients', {
      name: moroccan.name,
      address: '12، شارع محمد الخامس',
      postalCode: '60000',
      city: 'وجدة',
      country: 'MA',
      ice: moroccan.ice,
      taxId: '1234567',
      language: 'ar',
      contactName: moroccan.contactName,
      contactLanguage: 'ar',
      contactEmail: moroccan.contactEmail,
      shareDocuments: false,
    });
    expect(created.status).toBe(201);
    clientId = (created.body['client'] as { id: string }).id;
    expect(
      (
        await api(staffContext, 'POST', '/api/clients', {
          name: french.name,
          address: '8, rue du Commerce',
          postalCode: '75015',
          city: 'Paris',
          country: 'FR',
          language: 'fr',
          contactName: 'Claire Martin',
          contactLanguage: 'fr',
          contactEmail: french.contactEmail,
          shareDocuments: false,
        })
      ).status,
    ).toBe(201);

    await staff.goto(`${url}/clients?q=${encodeURIComponent(suffix)}`);
    const rows = staff.getByTestId('client-row');
    await expectText(rows.filter({ hasText: moroccan.name }).getByTestId('status-chip'), 'غير مدعو');
    await expectText(staff.getByTestId('clients-count'), 'عميلان');
    await expectNavigationOnTheRight(staff, DESKTOP.width);
    // The e-mail stays an isolated left-to-right run inside the right-to-left row.
    const email = rows.filter({ hasText: french.name }).locator('bdi[dir="ltr"]').first();
    expect(await email.textContent()).toBe(french.contactEmail);
    await expectArabicPage(staff, 'clients list in Arabic', 'arabic-clients-desktop.png', [
      'Paris',
      'Claire Martin',
    ]);
  });

  it('shows the client form’s errors in Arabic, next to their fields', async () => {
    await staff.goto(`${url}/clients/new`);
    await staff.getByTestId('client-name').fill(`شركة الاختبار ${suffix}`);
    const wrongIce = `${moroccan.ice.slice(0, 14)}${(Number(moroccan.ice[14]) + 1) % 10}`;
    await staff.getByTestId('client-ice').fill(wrongIce);
    await staff.getByTestId('client-contact-email').fill('karim@');
    await staff.getByTestId('client-save').click();
    await expectText(staff.getByTestId('error-address'), 'هذه الخانة إلزامية');
    await expectText(staff.getByTestId('client-form-error'), 'صحِّح الخانات المشار إليها قبل الحفظ.');
    await staff.waitForTimeout(400); // the errors' fade-in: axe measures contrast on the final colours
    // Identifiers are typed left to right.
    expect(await staff.getByTestId('client-ice').getAttribute('dir')).toBe('ltr');
    expect(await staff.getByTestId('client-contact-email').getAttribute('dir')).toBe('ltr');
    await expectArabicPage(staff, 'client form with errors in Arabic', 'arabic-client-form-errors.png', [
      wrongIce,
      'karim@',
    ]);
  });

  it('checks an import file in Arabic: the verdict and every finding', async () => {
    await staff.goto(`${url}/imports/new`);
    const fileName = `clients-${suffix}.csv`;
    const csv = [
      'اسم العميل;العنوان;الرمز البريدي;المدينة;البلد;التعريف الموحد للمقاولة;التعريف الضريبي;رقم الحساب البنكي الدولي;اللغة;جهة الاتصال;لغة جهة الاتصال;البريد الإلكتروني لجهة الاتصال',
      `مخبزة النور ${suffix};شارع الحسن الثاني;60000;وجدة;المغرب;${validIce()};7654321;;العربية;سعاد العلوي;العربية;souad.${suffix}@nour.ma`,
      `مطبعة الشرق ${suffix};شارع فاس;600;وجدة;المغرب;123;;;العربية;يوسف;العربية;youssef@`,
    ].join('\r\n');
    await staff.locator('input[type="file"]').setInputFiles({
      name: fileName,
      mimeType: 'text/csv',
      buffer: Buffer.from(`\ufeff${csv}`, 'utf8'),
    });
    await staff.getByTestId('upload-continue').click({ timeout: 30_000 });
    await staff.getByTestId('mapping-submit').click({ timeout: 30_000 });
    await expectText(staff.getByTestId('check-verdict'), ARABIC_LETTER, 30_000);
    const findings = staff.getByTestId('issue-message');
    await findings.first().waitFor();
    for (const message of await findings.allTextContents()) expect(message).toMatch(ARABIC_LETTER);
    await expectArabicPage(staff, 'import check step in Arabic', 'arabic-import-check.png', [
      fileName,
      `souad.${suffix}@nour.ma`,
      'youssef@',
    ]);
  });

  it('lists invitations in Arabic; the Arabic contact’s space opens in Arabic', async () => {
    const invited = await api(staffContext, 'POST', `/api/clients/${clientId}/invitations`);
    expect(invited.status).toBe(201);
    expect(invited.body['language']).toBe('ar');
    await staff.goto(`${url}/invitations`);
    const row = staff.getByTestId('invitation-row').filter({ hasText: moroccan.name });
    await row.waitFor();
    await expectText(row, 'تنتهي صلاحيتها بعد');
    // The mail server's last reply is shown as it came (data, in the server's language).
    const replies = await smtpReplies();
    await expectArabicPage(staff, 'invitations in Arabic', 'arabic-invitations-desktop.png', replies);

    // The link of the Arabic e-mail, from the development outbox.
    const outbox = (await api(staffContext, 'GET', '/api/dev/outbox')).body as unknown as {
      id: string;
      to: string;
    }[];
    const id = outbox.find((message) => message.to === moroccan.contactEmail)?.id;
    const message = (await api(staffContext, 'GET', `/api/dev/outbox/${id}`)).body as { text?: string };
    const link = /\/invitation\/[A-Za-z0-9_-]{43}/.exec(message.text ?? '')?.[0];
    expect(link).toBeDefined();

    // A browser that never chose a language: the contact reads Arabic, so the page speaks Arabic.
    const contactContext = await browser.newContext({ viewport: DESKTOP, locale: 'fr-FR' });
    try {
      const contact = await contactContext.newPage();
      await contact.goto(`${url}${link}`);
      await expectText(contact.getByTestId('invitation-heading'), `انضم إلى فضاء`);
      // The address is shown masked (k•••@atlas-oujda.ma).
      await expectArabicPage(contact, 'invitation page in Arabic', 'arabic-invitation-accept.png', [
        moroccan.contactEmail.split('@')[1],
      ]);
      clientPassword = `Oujda-Zellige-${suffix}`;
      await contact.getByTestId('accept-name').fill(moroccan.contactName);
      await contact.getByTestId('accept-password').fill(clientPassword);
      await contact.getByTestId('accept-submit').click();
      await contact.waitForURL(`${url}/folder`);
      await expectText(contact.getByTestId('client-space-title'), `مرحبًا`);
      await expectText(contact.getByTestId('folder-field-name'), moroccan.name);
      // ICE and e-mail stay left to right inside the Arabic profile.
      expect(await contact.getByTestId('folder-field-ice').locator('bdi').getAttribute('dir')).toBe('ltr');
      await expectArabicPage(contact, 'client space in Arabic', 'arabic-client-space-desktop.png', [
        moroccan.ice,
      ]);
    } finally {
      await contactContext.close();
    }
  });

  it('shows the settings in Arabic: accounting software, team, saved mappings', async () => {
    await staff.goto(`${url}/settings`);
    const tabs = staff.getByRole('tab');
    await tabs.first().waitFor();
    for (const [index, file] of ['software', 'team', 'mappings'].entries()) {
      await tabs.nth(index).click();
      await staff.waitForTimeout(300); // the tab's content renders
      await expectArabicPage(staff, `settings (${file}) in Arabic`, `arabic-settings-${file}.png`);
    }
  });

  it('shows the other staff screens in Arabic: dashboard, client page, imports, account, outbox', async () => {
    await staff.goto(`${url}/`);
    await staff.getByTestId('nav-dashboard').waitFor();
    await staff.waitForLoadState('networkidle');
    await expectArabicPage(staff, 'dashboard in Arabic', 'arabic-dashboard.png');

    await staff.goto(`${url}/clients/${clientId}`);
    await expectText(staff.getByTestId('profile-ice'), moroccan.ice);
    expect(await staff.getByTestId('profile-ice').locator('bdi').getAttribute('dir')).toBe('ltr');
    await staff.waitForLoadState('networkidle');
    await expectArabicPage(staff, 'client page in Arabic', 'arabic-client-page.png', [moroccan.ice]);

    await staff.goto(`${url}/imports`);
    await staff.getByTestId('imports-table').waitFor();
    await expectArabicPage(staff, 'imports list in Arabic', 'arabic-imports.png', [`clients-${suffix}.csv`]);

    await staff.goto(`${url}/account`);
    await staff.getByTestId('account-email').waitFor();
    await staff.waitForLoadState('networkidle');
    // The sessions list names each browser by its User-Agent (« Chrome · Linux »): data.
    await expectArabicPage(staff, 'account page in Arabic', 'arabic-account.png', [
      'Chrome',
      'Linux',
      'HeadlessChrome',
    ]);

    await staff.goto(`${url}/dev/outbox`);
    await staff.getByTestId('outbox-entry').first().waitFor();
    // E-mail subjects are data here: each is in its recipient's language.
    const subjects = (await api(staffContext, 'GET', '/api/dev/outbox')).body as unknown as {
      subject: string;
    }[];
    await expectArabicPage(
      staff,
      'development outbox in Arabic',
      'arabic-outbox.png',
      subjects.map((m) => m.subject),
    );
  });

  it('works on a 390×844 phone: navigation from the right, nothing sideways, still all Arabic', async () => {
    const phoneContext = await browser.newContext({ viewport: PHONE, locale: 'ar-MA', isMobile: true });
    try {
      const phone = await phoneContext.newPage();
      await phone.goto(`${url}/login`);
      // The account's language, not the browser's: Arabic as soon as the user is known.
      await phone.getByTestId('login-email').fill(firm.email);
      await phone.getByTestId('login-password').fill(firm.password);
      await phone.getByTestId('login-submit').click();
      await phone.getByTestId('app-bar').waitFor();
      await phone.goto(`${url}/clients?q=${encodeURIComponent(suffix)}`);
      await expectText(phone.getByTestId('client-row').first(), suffix);
      await expectArabicPage(phone, 'clients list on a phone in Arabic', 'arabic-clients-phone.png', [
        'Paris',
        'Claire Martin',
      ]);
      await phone
        .getByTestId('app-bar')
        .getByRole('button', { name: 'إظهار قائمة التنقل أو إخفاؤها' })
        .click();
      await phone.getByTestId('nav-clients').waitFor();
      await phone.waitForTimeout(400); // the drawer's slide-in animation
      await expectNavigationOnTheRight(phone, PHONE.width);
      await phone.screenshot({ path: artifactPath('arabic-navigation-phone.png') });
      await phone.keyboard.press('Escape');

      await phone.goto(`${url}/invitations`);
      await phone.getByTestId('invitation-row').first().waitFor();
      await expectArabicPage(phone, 'invitations on a phone in Arabic', 'arabic-invitations-phone.png', [
        ...(await smtpReplies()),
      ]);

      await phone.goto(`${url}/clients/new`);
      await phone.getByTestId('client-save').click();
      await expectText(phone.getByTestId('error-address'), 'هذه الخانة إلزامية');
      await phone.waitForTimeout(400); // the errors' fade-in
      await expectArabicPage(phone, 'client form on a phone in Arabic', 'arabic-client-form-phone.png');
    } finally {
      await phoneContext.close();
    }

    const clientPhone = await browser.newContext({ viewport: PHONE, locale: 'fr-FR', isMobile: true });
    try {
      const contact = await clientPhone.newPage();
      await contact.goto(`${url}/login`);
      await contact.getByTestId('login-email').fill(moroccan.contactEmail);
      await contact.getByTestId('login-password').fill(clientPassword);
      await contact.getByTestId('login-submit').click();
      await contact.waitForURL(`${url}/folder`);
      await expectText(contact.getByTestId('client-space-title'), 'مرحبًا');
      await expectArabicPage(contact, 'client space on a phone in Arabic', 'arabic-client-space-phone.png', [
        moroccan.ice,
      ]);
    } finally {
      await clientPhone.close();
    }
  });
});
