import { Route } from '@angular/router';
import { authGuard, guestGuard } from '@passerelle/web-data-access-auth';
import type { TranslationKey } from '@passerelle/web-util-i18n';
import type { ComingSoonData } from './coming-soon/coming-soon-page';
import { PublicLayout } from './public-layout/public-layout';

// Route titles are translation keys, rendered by I18nTitleStrategy as "<page> · Passerelle".
const comingSoon = (path: string, data: ComingSoonData): Route => ({
  path,
  title: data.titleKey,
  data,
  loadComponent: () => import('./coming-soon/coming-soon-page').then((m) => m.ComingSoonPage),
});

export const appRoutes: Route[] = [
  {
    path: '',
    canActivate: [authGuard],
    loadComponent: () => import('./shell/shell').then((m) => m.Shell),
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'nav.dashboard' satisfies TranslationKey,
        loadComponent: () => import('./dashboard/dashboard-page').then((m) => m.DashboardPage),
      },
      {
        path: 'clients',
        loadChildren: () => import('@passerelle/web-feature-clients').then((m) => m.clientsRoutes),
      },
      comingSoon('imports', { titleKey: 'nav.imports', textKey: 'comingSoon.imports', icon: 'upload_file' }),
      comingSoon('invitations', {
        titleKey: 'nav.invitations',
        textKey: 'comingSoon.invitations',
        icon: 'forward_to_inbox',
      }),
      {
        path: 'account',
        title: 'account.title' satisfies TranslationKey,
        loadComponent: () => import('@passerelle/web-feature-account').then((m) => m.AccountPage),
      },
      {
        path: 'settings',
        title: 'settings.title' satisfies TranslationKey,
        loadComponent: () => import('@passerelle/web-feature-settings').then((m) => m.SettingsPage),
      },
    ],
  },
  // After the shell: an empty-path parent with no matching child still matches "/" (Angular's
  // "no leftovers" rule), so the public layout must not come first.
  {
    path: '',
    component: PublicLayout,
    children: [
      {
        path: 'login',
        title: 'auth.login.title' satisfies TranslationKey,
        canActivate: [guestGuard],
        loadComponent: () => import('@passerelle/web-feature-auth').then((m) => m.LoginPage),
      },
      {
        path: 'signup',
        title: 'auth.signup.title' satisfies TranslationKey,
        canActivate: [guestGuard],
        loadComponent: () => import('@passerelle/web-feature-auth').then((m) => m.SignupPage),
      },
    ],
  },
  { path: '**', redirectTo: '' },
];
