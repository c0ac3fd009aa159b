import { Route } from '@angular/router';
import type { TranslationKey } from '@passerelle/web-util-i18n';

/**
 * /clients and its pages, each its own lazy chunk: only the form's chunk carries the shared validators
 * (and their ~600 kB country index), so the list and the client page stay light.
 */
export const clientsRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    title: 'nav.clients' satisfies TranslationKey,
    loadComponent: () => import('./clients-page/clients-page').then((m) => m.ClientsPage),
  },
  {
    path: 'new',
    title: 'clientForm.newTitle' satisfies TranslationKey,
    loadComponent: () => import('./client-form/client-form-page').then((m) => m.ClientFormPage),
  },
  {
    path: ':id/edit',
    title: 'clientForm.editTitle' satisfies TranslationKey,
    loadComponent: () => import('./client-form/client-form-page').then((m) => m.ClientFormPage),
  },
  {
    path: ':id',
    title: 'nav.clients' satisfies TranslationKey,
    loadComponent: () => import('./client-page/client-page').then((m) => m.ClientPage),
  },
];
