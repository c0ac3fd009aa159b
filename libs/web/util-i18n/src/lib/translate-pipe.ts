import { Pipe, PipeTransform, inject } from '@angular/core';
import { I18n, Lang, TranslationKey, TranslationParams } from './i18n';

/**
 * `{{ 'nav.clients' | t }}` / `{{ 'dashboard.welcome' | t: { name } }}`.
 *
 * Impure so that it re-renders when the language changes, but it only recomputes when the
 * language, the key or a parameter value changed; reading `I18n.lang()` here also marks
 * OnPush views for refresh when the language signal changes.
 */
@Pipe({ name: 't', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18n);
  private last?: { lang: Lang; key: TranslationKey; params?: TranslationParams; text: string };

  transform(key: TranslationKey, params?: TranslationParams): string {
    const lang = this.i18n.lang();
    const last = this.last;
    if (last && last.lang === lang && last.key === key && sameParams(last.params, params)) {
      return last.text;
    }
    const text = this.i18n.t(key, params);
    this.last = { lang, key, params: params && { ...params }, text };
    return text;
  }
}

function sameParams(a?: TranslationParams, b?: TranslationParams): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
