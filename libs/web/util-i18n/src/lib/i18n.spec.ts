import { DOCUMENT } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { I18n, LANG_STORAGE_KEY, textDirection } from './i18n';
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

  it('switches language, applies it to <html> and remembers it on this browser', () => {
    const i18n = create();
    i18n.use('en');
    expect(i18n.lang()).toBe('en');
    expect(i18n.t('nav.settings')).toBe('Settings');
    expect(TestBed.inject(DOCUMENT).documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('en');
  });

  it('starts in the language stored before sign-in, ignoring unknown values', () => {
    localStorage.setItem(LANG_STORAGE_KEY, 'en');
    expect(create().lang()).toBe('en');

    TestBed.resetTestingModule();
    localStorage.setItem(LANG_STORAGE_KEY, 'klingon');
    expect(create().lang()).toBe('fr');
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

  it('speaks Arabic right to left, with numbers and dates in ar-MA and Latin digits', () => {
    const i18n = create();
    i18n.use('ar');
    expect(i18n.t('nav.settings')).toBe('الإعدادات');
    const html = TestBed.inject(DOCUMENT).documentElement;
    expect(html.lang).toBe('ar');
    expect(html.dir).toBe('rtl');
    expect(i18n.locale()).toBe('ar-MA-u-nu-latn');
    expect(i18n.t('clients.count', { count: 12345 })).toBe('عدد العملاء: 12.345');
    expect(i18n.number(1234567)).toBe('1.234.567');
    const day = i18n.date('2026-11-30T10:05:00Z');
    expect(day.replace(/\u200f/g, '')).toBe('30/11/2026');
    expect(i18n.dateTime('2026-11-30T10:05:00Z', 'long')).toContain('نونبر 2026');
    expect(i18n.date(null)).toBe('');
  });

  it('takes a suggested language (an Arabic invitation) only when this browser chose none, without remembering it', () => {
    const i18n = create();
    i18n.suggest('ar');
    expect(i18n.lang()).toBe('ar');
    expect(TestBed.inject(DOCUMENT).documentElement.dir).toBe('rtl');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBeNull();
    i18n.suggest('de'); // not a UI language
    expect(i18n.lang()).toBe('ar');

    TestBed.resetTestingModule();
    localStorage.setItem(LANG_STORAGE_KEY, 'en');
    const chosen = create();
    chosen.suggest('ar');
    expect(chosen.lang()).toBe('en');
  });

  it('isolates text parameters in Arabic so Latin data keeps its direction', () => {
    const i18n = create();
    i18n.use('ar');
    expect(i18n.t('acceptInvitation.sentTo', { email: 'k@atlas.ma' })).toBe(
      'أُرسلت الدعوة إلى \u2068k@atlas.ma\u2069',
    );
    i18n.use('fr');
    expect(i18n.t('acceptInvitation.sentTo', { email: 'k@atlas.ma' })).toBe(
      'Invitation envoyée à k@atlas.ma',
    );
  });

  it('writes number parameters in the language’s own grouping', () => {
    const i18n = create();
    expect(i18n.t('clients.count', { count: 12345 })).toBe('12\u202f345 clients');
    i18n.use('en');
    expect(i18n.t('clients.count', { count: 12345 })).toBe('12,345 clients');
  });

  it('has a non-empty English message for every French key', () => {
    const leaves = (node: object, prefix = ''): string[] =>
      Object.entries(node).flatMap(([k, v]) =>
        typeof v === 'string' ? [`${prefix}${k}`] : leaves(v as object, `${prefix}${k}.`),
      );
    expect(leaves(en)).toEqual(leaves(fr));
    const i18n = create();
    i18n.use('en');
    for (const key of leaves(en)) {
      expect(i18n.t(key as never), key).not.toBe('');
    }
  });
});
