import { DOCUMENT } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { DICTIONARY_LOADER, I18n, LANG_STORAGE_KEY, textDirection, type Dictionary, type Lang } from './i18n';
import { ar } from './messages/ar';
import { en } from './messages/en';
import { fr } from './messages/fr';

describe('I18n', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => localStorage.clear());

  const create = () => TestBed.inject(I18n);

  it('speaks French by default and marks <html lang="fr" dir="ltr">', () => {
    const i18n = create();
    expect(i18n.lang()).toBe('fr');
    expect(i18n.t('nav.settings')).toBe('Paramètres');
    const html = TestBed.inject(DOCUMENT).documentElement;
    expect(html.lang).toBe('fr');
    expect(html.dir).toBe('ltr');
  });

  it('switches language, applies it to <html> and remembers it on this browser', async () => {
    const i18n = create();
    await i18n.use('en');
    expect(i18n.lang()).toBe('en');
    expect(i18n.t('nav.settings')).toBe('Settings');
    expect(TestBed.inject(DOCUMENT).documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('en');
  });

  it('starts in the language stored before sign-in once ready() resolves, ignoring unknown values', async () => {
    localStorage.setItem(LANG_STORAGE_KEY, 'en');
    const stored = create();
    await stored.ready();
    expect(stored.lang()).toBe('en');
    expect(stored.t('nav.settings')).toBe('Settings');

    TestBed.resetTestingModule();
    localStorage.setItem(LANG_STORAGE_KEY, 'klingon');
    const unknown = create();
    await unknown.ready();
    expect(unknown.lang()).toBe('fr');
  });

  it('replaces {placeholders} and leaves unknown ones visible', () => {
    const i18n = create();
    expect(i18n.t('dashboard.welcome', { name: 'Salma' })).toBe('Bonjour, Salma');
    expect(i18n.t('auth.validation.passwordLength', { min: 10 })).toBe(
      'Le mot de passe doit contenir au moins 10 caractères.',
    );
    expect(i18n.t('dashboard.welcome')).toBe('Bonjour, {name}');
  });

  it('exposes the text direction, right-to-left for Arabic', () => {
    expect(create().dir()).toBe('ltr');
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('en')).toBe('ltr');
  });

  it('speaks Arabic right to left, with numbers and dates in ar-MA and Latin digits', async () => {
    const i18n = create();
    await i18n.use('ar');
    expect(i18n.t('nav.settings')).toBe('الإعدادات');
    const html = TestBed.inject(DOCUMENT).documentElement;
    expect(html.lang).toBe('ar');
    expect(html.dir).toBe('rtl');
    expect(i18n.locale()).toBe('ar-MA-u-nu-latn');
    expect(i18n.t('clients.count', { count: 12345 })).toBe('12.345 عميلًا');
    expect(i18n.number(1234567)).toBe('1.234.567');
    const day = i18n.date('2026-11-30T10:05:00Z');
    expect(day.replace(/\u200f/g, '')).toBe('30/11/2026');
    expect(i18n.dateTime('2026-11-30T10:05:00Z', 'long')).toContain('نونبر 2026');
    expect(i18n.date(null)).toBe('');
  });

  it('takes a suggested language (an Arabic invitation) only when this browser chose none, without remembering it', async () => {
    const i18n = create();
    await i18n.suggest('ar');
    expect(i18n.lang()).toBe('ar');
    expect(TestBed.inject(DOCUMENT).documentElement.dir).toBe('rtl');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBeNull();
    await i18n.suggest('de'); // not a UI language
    expect(i18n.lang()).toBe('ar');

    TestBed.resetTestingModule();
    localStorage.setItem(LANG_STORAGE_KEY, 'en');
    const chosen = create();
    await chosen.suggest('ar');
    await chosen.ready();
    expect(chosen.lang()).toBe('en');
  });

  it('isolates text parameters in Arabic so Latin data keeps its direction', async () => {
    const i18n = create();
    await i18n.use('ar');
    expect(i18n.t('acceptInvitation.sentTo', { email: 'k@atlas.ma' })).toBe(
      'أُرسلت الدعوة إلى \u2068k@atlas.ma\u2069',
    );
    await i18n.use('fr');
    expect(i18n.t('acceptInvitation.sentTo', { email: 'k@atlas.ma' })).toBe(
      'Invitation envoyée à k@atlas.ma',
    );
  });

  it('writes number parameters in the language’s own grouping', async () => {
    const i18n = create();
    expect(i18n.t('clients.count', { count: 12345 })).toBe('12\u202f345 clients');
    await i18n.use('en');
    expect(i18n.t('clients.count', { count: 12345 })).toBe('12,345 clients');
  });

  it('says « 1 client », « 0 client », « 2 clients » in French, « 0 clients » in English, six forms in Arabic', async () => {
    const i18n = create();
    const count = (n: number) => i18n.t('imports.run.done', { count: n });
    expect([0, 1, 2, 1234].map(count)).toEqual([
      '0 client créé',
      '1 client créé',
      '2 clients créés',
      '1\u202f234 clients créés',
    ]);
    expect(i18n.t('clients.count', { count: 0 })).toBe('Aucun client');
    expect(i18n.t('dashboard.newDocuments', { count: 1, clients: 1 })).toBe(
      '1 nouveau document de 1 client à traiter',
    );
    expect(i18n.t('dashboard.newDocuments', { count: 7, clients: 3 })).toBe(
      '7 nouveaux documents de 3 clients à traiter',
    );

    await i18n.use('en');
    expect([0, 1, 2].map(count)).toEqual(['0 clients created', '1 client created', '2 clients created']);

    await i18n.use('ar');
    expect([0, 1, 2, 3, 11, 100].map(count)).toEqual([
      'لم يُنشأ أي عميل',
      'أُنشئ عميل واحد',
      'أُنشئ عميلان',
      'أُنشئ 3 عملاء',
      'أُنشئ 11 عميلًا',
      'أُنشئ 100 عميل',
    ]);
    // After « من » (from) the dual is in the genitive.
    expect(i18n.t('dashboard.newDocuments', { count: 2, clients: 2 })).toBe(
      'وثيقتان جديدتان للمعالجة من عميلين',
    );
  });

  it('loads English and Arabic only when used, and switches once the dictionary is there: never keys, never French first', async () => {
    const pending = new Map<Lang, (dictionary: Dictionary) => void>();
    const loads: Lang[] = [];
    TestBed.configureTestingModule({
      providers: [
        {
          provide: DICTIONARY_LOADER,
          useValue: (lang: Lang) => {
            loads.push(lang);
            return new Promise<Dictionary>((resolve) => pending.set(lang, resolve));
          },
        },
      ],
    });
    const i18n = create();
    expect(loads).toEqual([]); // French is built in

    const switched = i18n.use('ar');
    await Promise.resolve();
    expect(loads).toEqual(['ar']);
    // Still loading: the page stays entirely in French, <html> too, nothing stored yet.
    expect(i18n.lang()).toBe('fr');
    expect(i18n.t('nav.settings')).toBe('Paramètres');
    expect(TestBed.inject(DOCUMENT).documentElement.dir).toBe('ltr');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBeNull();

    pending.get('ar')?.(ar);
    await switched;
    expect(i18n.lang()).toBe('ar');
    expect(i18n.t('nav.settings')).toBe('الإعدادات');
    expect(TestBed.inject(DOCUMENT).documentElement.dir).toBe('rtl');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('ar');

    // A dictionary already loaded switches at once, without loading it again.
    void i18n.use('fr');
    expect(i18n.lang()).toBe('fr');
    void i18n.use('ar');
    expect(i18n.lang()).toBe('ar');
    expect(loads).toEqual(['ar']);
  });

  it('lets the latest choice win when dictionaries arrive out of order', async () => {
    const pending = new Map<Lang, (dictionary: Dictionary) => void>();
    TestBed.configureTestingModule({
      providers: [
        {
          provide: DICTIONARY_LOADER,
          useValue: (lang: Lang) => new Promise<Dictionary>((resolve) => pending.set(lang, resolve)),
        },
      ],
    });
    const i18n = create();
    const toArabic = i18n.use('ar');
    const toEnglish = i18n.use('en');
    await Promise.resolve();
    pending.get('en')?.(en);
    await toEnglish;
    expect(i18n.lang()).toBe('en');
    pending.get('ar')?.(ar); // the earlier, slower choice
    await toArabic;
    expect(i18n.lang()).toBe('en');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('en');
  });

  it('stays in the current language when a dictionary cannot be fetched; ready() still resolves', async () => {
    localStorage.setItem(LANG_STORAGE_KEY, 'ar');
    TestBed.configureTestingModule({
      providers: [
        { provide: DICTIONARY_LOADER, useValue: () => Promise.reject(new Error('chunk failed to load')) },
      ],
    });
    const i18n = create();
    await i18n.ready();
    expect(i18n.lang()).toBe('fr');
    await expect(i18n.use('en')).rejects.toThrow('chunk failed to load');
    expect(i18n.lang()).toBe('fr');
    expect(i18n.t('nav.settings')).toBe('Paramètres');
    localStorage.removeItem(LANG_STORAGE_KEY);
    await expect(i18n.suggest('en')).resolves.toBeUndefined();
    expect(i18n.lang()).toBe('fr');
  });

  it('has a non-empty English message for every French key', async () => {
    const leaves = (node: object, prefix = ''): string[] =>
      Object.entries(node).flatMap(([k, v]) =>
        typeof v === 'string' ? [`${prefix}${k}`] : leaves(v as object, `${prefix}${k}.`),
      );
    expect(leaves(en)).toEqual(leaves(fr));
    const i18n = create();
    await i18n.use('en');
    for (const key of leaves(en)) {
      expect(i18n.t(key as never), key).not.toBe('');
    }
  });
});
