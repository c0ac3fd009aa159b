import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { MatIconRegistry } from '@angular/material/icon';
import { TitleStrategy, provideRouter, withComponentInputBinding } from '@angular/router';
import { AuthStore, sessionExpiredInterceptor } from '@passerelle/web-data-access-auth';
import {
  I18n,
  I18nTitleStrategy,
  acceptLanguageInterceptor,
  provideI18nDirectionality,
} from '@passerelle/web-util-i18n';
import { appRoutes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    // XSRF protection stays on (HttpClient's default): it echoes the XSRF-TOKEN cookie in
    // X-XSRF-TOKEN on every mutating same-origin request.
    provideHttpClient(withFetch(), withInterceptors([acceptLanguageInterceptor, sessionExpiredInterceptor])),
    provideRouter(appRoutes, withComponentInputBinding()),
    { provide: TitleStrategy, useClass: I18nTitleStrategy },
    // Material components and overlays mirror for right-to-left languages (Arabic).
    provideI18nDirectionality(),
    provideAppInitializer(async () => {
      inject(MatIconRegistry).setDefaultFontSetClass('material-symbols-outlined', 'mat-ligature-font');
      // Before any route renders: the language chosen on this browser (its dictionary is a lazy chunk unless
      // it is French), who is signed in (and in which language), and the first /api answer, which sets the
      // XSRF-TOKEN cookie needed by the login and sign-up POSTs.
      await Promise.all([inject(I18n).ready(), inject(AuthStore).ensureLoaded()]);
    }),
  ],
};
