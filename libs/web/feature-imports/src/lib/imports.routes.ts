import { Route } from '@angular/router';
import type { TranslationKey } from '@passerelle/web-util-i18n';

/**
 * /imports and its pages: the batches, the wizard (new, or resumed on a batch at the step its status says)
 * and a batch's detail page. The wizard's chunk carries the cell editor's validators only when a cell is
 * corrected (@defer).
 */
export const importsRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    title: 'nav.imports' satisfies TranslationKey,
    loadComponent: () => import('./imports-page/imports-page').then((m) => m.ImportsPage),
  },
  {
    path: 'new',
    title: 'imports.wizard.title' satisfies TranslationKey,
    loadComponent: () => import('./import-wizard/import-wizard').then((m) => m.ImportWizard),
  },
  {
    path: ':id/details',
    title: 'imports.detail.title' satisfies TranslationKey,
    loadComponent: () => import('./import-detail/import-detail').then((m) => m.ImportDetail),
  },
  {
    path: ':id',
    title: 'imports.wizard.title' satisfies TranslationKey,
    loadComponent: () => import('./import-wizard/import-wizard').then((m) => m.ImportWizard),
  },
];
