import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { MatIconRegistry } from '@angular/material/icon';
import { MatStepperIntl } from '@angular/material/stepper';
import { TitleStrategy, provideRouter, withComponentInputBinding } from '@angular/router';
import { AuthStore, sessionExpiredInterceptor } from '@passerelle/web-data-access-auth';
import { TranslatedStepperIntl } from '@passerelle/web-ui-common';
import {
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
    // The import wizard's stepper reads its screen-reader labels in the UI language.
    { provide: MatStepperIntl, useClass: TranslatedStepperIntl },
    provideAppInitializer(() => {
      inject(MatIconRegistry).setDefaultFontSetClass('material-symbols-outlined', 'mat-ligature-font');
      // Before any route renders: who is signed in (and in which language), and the first /api
      // answer sets the XSRF-TOKEN cookie needed by the login and sign-up POSTs.
      return inject(AuthStore).ensureLoaded();
    }),
  ],
};
