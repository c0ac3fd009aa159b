import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { AuthStore } from './auth-store';

/** Lets signed-in users through; sends others to /login?returnUrl=<where they wanted to go>. */
export const authGuard: CanActivateFn = async (_route, state) => {
  const store = inject(AuthStore);
  const router = inject(Router);
  await store.ensureLoaded();
  if (store.signedIn()) return true;
  const queryParams = state.url && state.url !== '/' ? { returnUrl: state.url } : {};
  return router.createUrlTree(['/login'], { queryParams });
};

/**
 * The firm's staff pages (after authGuard): a client user has its own space instead, at /folder.
 */
export const staffGuard: CanActivateFn = async () => {
  const store = inject(AuthStore);
  const router = inject(Router);
  await store.ensureLoaded();
  return store.me()?.user.role === 'client' ? router.createUrlTree(['/folder']) : true;
};

/** A client user's own space: signed out → login (then back here); firm staff → their home. */
export const clientGuard: CanActivateFn = async (_route, state) => {
  const store = inject(AuthStore);
  const router = inject(Router);
  await store.ensureLoaded();
  const me = store.me();
  if (!me) return router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
  return me.user.role === 'client' ? true : router.createUrlTree(['/']);
};

/** Keeps signed-in users away from the login and sign-up pages. */
export const guestGuard: CanActivateFn = async () => {
  const store = inject(AuthStore);
  const router = inject(Router);
  await store.ensureLoaded();
  return store.signedIn() ? router.createUrlTree(['/']) : true;
};

/** Only same-app paths are followed after login (no open redirect to another site). */
export function safeReturnUrl(url: string | null | undefined): string {
  return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\') ? url : '/';
}
