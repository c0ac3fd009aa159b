import { Route } from '@angular/router';
import { authGuard, clientGuard, guestGuard, staffGuard } from '@passerelle/web-data-access-auth';
import { devOutboxGuard } from '@passerelle/web-data-access-invitations';
import type { TranslationKey } from '@passerelle/web-util-i18n';
import { PublicLayout } from './public-layout/public-layout';

// Route titles are translation keys, rendered by I18nTitleStrategy as "<page> · Passerelle".

export const appRoutes: Route[] = [
  {
    path: '',
    // A client user has its own space (/folder), not the firm's pages.
    canActivate: [authGuard, staffGuard],
    loadComponent: () => import('./shell/shell').then((m) => m.Shell),
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'nav.dashboard' satisfies TranslationKey,
        loadComponent: () => import('./dashboard/dashboard-page').then((m) => m.DashboardPage),
      },
      {
        // Before `clients`: "Open client folder" composes the folder and documents features here.
        path: 'clients/:id/folder',
        title: 'folder.staffTitle' satisfies TranslationKey,
        loadComponent: () => import('./folder/staff-folder-page').then((m) => m.StaffFolderPage),
      },
      {
        path: 'clients',
        loadChildren: () => import('@passerelle/web-feature-clients').then((m) => m.clientsRoutes),
      },
      {
        path: 'imports',
        loadChildren: () => import('@passerelle/web-feature-imports').then((m) => m.importsRoutes),
      },
      {
        path: 'invitations',
        title: 'invitations.title' satisfies TranslationKey,
        loadComponent: () => import('@passerelle/web-feature-invitations').then((m) => m.InvitationsPage),
      },
      {
        path: 'dev/outbox',
        title: 'outbox.title' satisfies TranslationKey,
        canActivate: [devOutboxGuard],
        loadComponent: () => import('@passerelle/web-feature-invitations').then((m) => m.DevOutboxPage),
      },
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
  {
    path: 'folder',
    canActivate: [clientGuard],
    loadComponent: () => import('./client-shell/client-shell').then((m) => m.ClientShell),
    children: [
      {
        path: '',
        title: 'folder.title' satisfies TranslationKey,
        loadComponent: () => import('./folder/client-space-page').then((m) => m.ClientSpacePage),
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
        // The link of the invitation e-mail: no session needed, signed in or not.
        path: 'invitation/:token',
        title: 'acceptInvitation.title' satisfies TranslationKey,
        loadComponent: () =>
          import('@passerelle/web-feature-invitations').then((m) => m.AcceptInvitationPage),
      },
      {
        path: 'signup',
        title: 'auth.signup.title' satisfies TranslationKey,
        canActivate: [guestGuard],
        loadComponent: () => import('@passerelle/web-feature-auth').then((m) => m.SignupPage),
      },
      {
        path: 'forgot-password',
        title: 'auth.forgot.title' satisfies TranslationKey,
        loadComponent: () => import('@passerelle/web-feature-auth').then((m) => m.ForgotPasswordPage),
      },
      {
        // The links of the reset and team-invitation e-mails: no session needed, signed in or not.
        path: 'reset-password/:token',
        title: 'auth.reset.title' satisfies TranslationKey,
        loadComponent: () => import('@passerelle/web-feature-auth').then((m) => m.ResetPasswordPage),
      },
      {
        path: 'join/:token',
        title: 'auth.join.title' satisfies TranslationKey,
        loadComponent: () => import('@passerelle/web-feature-auth').then((m) => m.JoinTeamPage),
      },
    ],
  },
  { path: '**', redirectTo: '' },
];
