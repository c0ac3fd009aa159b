import { Directionality, type Direction } from '@angular/cdk/bidi';
import { Injectable, effect, inject, untracked, type Provider } from '@angular/core';
import { I18n } from './i18n';

/**
 * The app's root `Directionality`, following the UI language: Material reads it everywhere (sidenav side,
 * menus, steppers, paginators, form fields) and so do overlays attached outside the page (dialogs,
 * snackbars, menus, autocompletes), which a `dir` attribute on a wrapper element would not reach. CDK's own
 * root service reads `<html dir>` once at start-up and never again.
 */
@Injectable()
export class I18nDirectionality extends Directionality {
  private readonly i18n = inject(I18n);

  constructor() {
    super();
    this.valueSignal.set(this.i18n.dir());
    effect(() => {
      const dir: Direction = this.i18n.dir();
      if (dir === untracked(this.valueSignal)) return;
      this.valueSignal.set(dir);
      this.change.emit(dir);
    });
  }
}

/** `providers: [provideI18nDirectionality()]` in the application config. */
export function provideI18nDirectionality(): Provider[] {
  return [{ provide: Directionality, useClass: I18nDirectionality }];
}
