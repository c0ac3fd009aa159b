import { DOCUMENT, Injectable, InjectionToken, PendingTasks, computed, inject, signal } from '@angular/core';
import { DEFAULT_UI_LANGUAGE, UI_LANGUAGES, type UiLanguage } from '@passerelle/domain-client';
import { formatDate, formatDateTime, formatDay, formatNumber, intlLocale } from './format';
import { formatMessage } from './message-format';
import { fr } from './messages/fr';
import type { MessageKey, Messages } from './messages/messages';

/**
 * UI languages, French first (the default): the domain's one list (UI_LANGUAGES), which the API also
 * accepts. Adding one there: a dictionary (typed from `fr`) with its loader below, its `lang.*` label and its
 * Intl locale.
 */
export const LANGUAGES = UI_LANGUAGES;
export type Lang = UiLanguage;
export const DEFAULT_LANG: Lang = DEFAULT_UI_LANGUAGE;

/** A key of the French dictionary, e.g. `'nav.clients'`: a typo is a compile error. */
export type TranslationKey = MessageKey<typeof fr>;
/** Values for `{name}` placeholders and `{count, plural, …}` messages. */
export type TranslationParams = Readonly<Record<string, string | number>>;
/** Every message of one language, in the shape of the French dictionary. */
export type Dictionary = Messages<typeof fr>;

/** Where the choice made before signing in is kept; once signed in, the user's saved language wins. */
export const LANG_STORAGE_KEY = 'passerelle.lang';

/**
 * French (the default) ships in the main bundle; every other dictionary is a chunk of its own, fetched the
 * first time its language is used, so a French reader never downloads English or Arabic.
 */
const DICTIONARY_CHUNKS: Readonly<Record<Lang, () => Promise<Dictionary>>> = {
  fr: () => Promise.resolve(fr),
  en: () => import('./messages/en').then((m) => m.en),
  ar: () => import('./messages/ar').then((m) => m.ar),
};

/** Fetches the dictionary of a language. */
export type DictionaryLoader = (lang: Lang) => Promise<Dictionary>;

/** How I18n fetches dictionaries: the lazy chunks above; tests may provide their own to control timing. */
export const DICTIONARY_LOADER = new InjectionToken<DictionaryLoader>('DICTIONARY_LOADER', {
  providedIn: 'root',
  factory: () => (lang) => DICTIONARY_CHUNKS[lang](),
});

// Right-to-left scripts among the languages we may add (Arabic first); drives <html dir>.
const RTL_LANGS: ReadonlySet<string> = new Set(['ar', 'fa', 'he', 'ur']);

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function textDirection(lang: string): 'ltr' | 'rtl' {
  return RTL_LANGS.has(lang) ? 'rtl' : 'ltr';
}

/**
 * Runtime translation for the whole web app.
 *
 * ```ts
 * protected readonly i18n = inject(I18n);
 * this.i18n.t('dashboard.welcome', { name: 'Salma' });     // "Bonjour, Salma"
 * this.i18n.t('clients.count', { count: 1 });              // "1 client" ({count, plural, …} messages)
 * await this.i18n.use('en');                               // switches every `| t` in the page
 * ```
 * In templates use the `t` pipe: `{{ 'nav.clients' | t }}`. `t()` reads the `lang` signal, so a
 * `computed()` built on it follows language changes too.
 *
 * `t()` is synchronous: `lang` only ever names a language whose dictionary is loaded. Switching to another one
 * first fetches its dictionary (once), then changes `lang`: the page goes from one language to the other in a
 * single step, never through keys or French. At start-up the language stored on this browser is fetched the
 * same way; the app initializer awaits `ready()` so that the first render is already in it.
 */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);
  private readonly loadDictionary = inject(DICTIONARY_LOADER);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly dictionaries = new Map<Lang, Dictionary>([[DEFAULT_LANG, fr]]);
  private readonly current = signal<Lang>(DEFAULT_LANG);
  /** Numbers the switches: when dictionaries arrive out of order, the latest choice wins. */
  private switches = 0;
  private readonly initial: Promise<void>;

  readonly lang = this.current.asReadonly();
  readonly dir = computed(() => textDirection(this.current()));
  /** The Intl locale of the current language (see intlLocale): for Intl formatters outside `t()`. */
  readonly locale = computed(() => intlLocale(this.current()));

  constructor() {
    this.applyToDocument(DEFAULT_LANG);
    const stored = this.readStoredLang();
    // A dictionary that cannot be fetched (offline, a stale deployment) leaves the page in French.
    this.initial = stored ? this.switchTo(stored, false).catch(() => undefined) : Promise.resolve();
  }

  /**
   * Resolves once the language chosen on this browser is in use (its dictionary loaded), or French if that
   * dictionary could not be fetched. Never rejects.
   */
  ready(): Promise<void> {
    return this.initial;
  }

  /**
   * Switches the UI language, remembers it on this browser and sets <html lang dir>. Resolves once the
   * language is on screen (at once when its dictionary is already loaded); rejects, leaving the current
   * language in place, when the dictionary cannot be fetched.
   */
  use(lang: Lang): Promise<void> {
    return this.switchTo(lang, true);
  }

  /**
   * A language the page knows its reader prefers (the contact language of an invitation): applied unless
   * this browser already chose one, and not remembered — the reader's own choice (the switch) always wins.
   * Resolves once applied (or not); never rejects.
   */
  suggest(lang: string | null | undefined): Promise<void> {
    if (!isLang(lang) || lang === this.current() || this.readStoredLang()) return Promise.resolve();
    return this.switchTo(lang, false).catch(() => undefined);
  }

  /** A day in the current language: « 30 nov. 2026 », « 30‏/11‏/2026 »; '' when absent. */
  date(iso: string | null | undefined): string {
    return formatDay(iso, this.current());
  }

  /** A moment in the current language; `medium` « 30 nov. 2026, 10:05 », `long` « 30 novembre 2026 à 10:05 ». */
  dateTime(iso: string | null | undefined, style: 'medium' | 'long' = 'medium'): string {
    return style === 'medium' ? formatDate(iso, this.current()) : formatDateTime(iso, this.current(), style);
  }

  /** A count in the current language's digits and grouping. */
  number(value: number): string {
    return formatNumber(value, this.current());
  }

  /**
   * The message for `key` in the current language, its `{param}` placeholders and `{count, plural, …}`
   * choices filled in (see message-format.ts): numbers are written in the language's locale (« 1 234 » in
   * French, « 1.234 » in Arabic); in a right-to-left language each text parameter (a name, an e-mail, a file
   * name, a date) is isolated, so that « a@b.ma » or « Sage (v2) » keep their own direction and do not
   * reorder the Arabic sentence around them.
   */
  t(key: TranslationKey, params?: TranslationParams): string {
    const lang = this.current();
    const text = lookup(this.dictionaries.get(lang) ?? fr, key) ?? lookup(fr, key) ?? key;
    return formatMessage(text, params ?? {}, lang, { isolate: textDirection(lang) === 'rtl' });
  }

  private switchTo(lang: Lang, remember: boolean): Promise<void> {
    const id = ++this.switches;
    if (this.dictionaries.has(lang)) {
      this.apply(lang, remember);
      return Promise.resolve();
    }
    // Counted as pending work: the app is not "stable" (tests, whenStable) until the language is on screen.
    const done = this.pendingTasks.add();
    return this.loadDictionary(lang)
      .then((dictionary) => {
        this.dictionaries.set(lang, dictionary);
        if (id === this.switches) this.apply(lang, remember);
      })
      .finally(done);
  }

  private apply(lang: Lang, remember: boolean): void {
    this.current.set(lang);
    if (remember) this.storeLang(lang);
    this.applyToDocument(lang);
  }

  private applyToDocument(lang: Lang): void {
    const html = this.document.documentElement;
    html.lang = lang;
    html.dir = textDirection(lang);
  }

  private readStoredLang(): Lang | undefined {
    try {
      const stored = this.document.defaultView?.localStorage.getItem(LANG_STORAGE_KEY);
      return isLang(stored) ? stored : undefined;
    } catch {
      return undefined; // storage disabled (privacy settings): fall back to the default
    }
  }

  private storeLang(lang: Lang): void {
    try {
      this.document.defaultView?.localStorage.setItem(LANG_STORAGE_KEY, lang);
    } catch {
      // Not persisted; the choice still applies to this page.
    }
  }
}

function lookup(messages: object, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}
