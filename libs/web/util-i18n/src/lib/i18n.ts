import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';
import { DEFAULT_UI_LANGUAGE, UI_LANGUAGES, type UiLanguage } from '@passerelle/domain-client';
import { formatDate, formatDateTime, formatDay, formatNumber, intlLocale } from './format';
import { ar } from './messages/ar';
import { en } from './messages/en';
import { fr } from './messages/fr';
import type { MessageKey, Messages } from './messages/messages';

/**
 * UI languages, French first (the default): the domain's one list (UI_LANGUAGES), which the API also
 * accepts. Adding one there: a dictionary below (typed from `fr`), its `lang.*` label and its Intl locale.
 */
export const LANGUAGES = UI_LANGUAGES;
export type Lang = UiLanguage;
export const DEFAULT_LANG: Lang = DEFAULT_UI_LANGUAGE;

/** A key of the French dictionary, e.g. `'nav.clients'`: a typo is a compile error. */
export type TranslationKey = MessageKey<typeof fr>;
/** Values for `{name}`-style placeholders. */
export type TranslationParams = Readonly<Record<string, string | number>>;

/** Where the choice made before signing in is kept; once signed in, the user's saved language wins. */
export const LANG_STORAGE_KEY = 'passerelle.lang';

const DICTIONARIES: Readonly<Record<Lang, Messages<typeof fr>>> = { fr, en, ar };
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
 * this.i18n.t('dashboard.welcome', { name: 'Salma' }); // "Bonjour, Salma"
 * this.i18n.use('en');                                  // switches every `| t` in the page
 * ```
 * In templates use the `t` pipe: `{{ 'nav.clients' | t }}`. `t()` reads the `lang` signal, so a
 * `computed()` built on it follows language changes too.
 */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Lang>(this.readStoredLang() ?? DEFAULT_LANG);

  readonly lang = this.current.asReadonly();
  readonly dir = computed(() => textDirection(this.current()));
  /** The Intl locale of the current language (see intlLocale): for Intl formatters outside `t()`. */
  readonly locale = computed(() => intlLocale(this.current()));

  constructor() {
    this.applyToDocument(this.current());
  }

  /** Switches the UI language, remembers it on this browser and sets <html lang dir>. */
  use(lang: Lang): void {
    this.current.set(lang);
    this.storeLang(lang);
    this.applyToDocument(lang);
  }

  /**
   * A language the page knows its reader prefers (the contact language of an invitation): applied unless
   * this browser already chose one, and not remembered — the reader's own choice (the switch) always wins.
   */
  suggest(lang: string | null | undefined): void {
    if (!isLang(lang) || lang === this.current() || this.readStoredLang()) return;
    this.current.set(lang);
    this.applyToDocument(lang);
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
   * The message for `key` in the current language, `{param}` placeholders replaced; number parameters are
   * written in the language's locale (« 1 234 » in French, « 1.234 » in Arabic).
   */
  t(key: TranslationKey, params?: TranslationParams): string {
    const lang = this.current();
    const text = lookup(DICTIONARIES[lang], key) ?? lookup(DICTIONARIES[DEFAULT_LANG], key) ?? key;
    return params ? interpolate(text, params, lang) : text;
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

// First Strong Isolate … Pop Directional Isolate: what <bdi> does, inside a string.
const FSI = '\u2068';
const PDI = '\u2069';

/**
 * `{name}` placeholders replaced; numbers written in the language's locale. In a right-to-left language each
 * text parameter (a name, an e-mail, a file name, a date) is isolated, so that « a@b.ma » or « Sage (v2) »
 * keep their own direction and do not reorder the Arabic sentence around them.
 */
function interpolate(text: string, params: TranslationParams, lang: Lang): string {
  const isolate = textDirection(lang) === 'rtl';
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    if (!(name in params)) return placeholder;
    const value = params[name];
    if (typeof value === 'number') return formatNumber(value, lang);
    return isolate && value !== '' ? `${FSI}${value}${PDI}` : value;
  });
}
