import { Injectable, effect, inject, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { I18n, TranslationKey } from './i18n';

/**
 * Reads a route's `title` as a translation key and sets "<page> · Passerelle" (or "Passerelle"),
 * again whenever the language changes. Provide with `{ provide: TitleStrategy, useClass: I18nTitleStrategy }`.
 */
@Injectable()
export class I18nTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly i18n = inject(I18n);
  private readonly pageKey = signal<string | undefined>(undefined);

  constructor() {
    super();
    effect(() => {
      const app = this.i18n.t('app.name');
      const key = this.pageKey();
      this.title.setTitle(key ? `${this.i18n.t(key as TranslationKey)} · ${app}` : app);
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.pageKey.set(this.buildTitle(snapshot));
  }
}
