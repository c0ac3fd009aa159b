import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRouteSnapshot, Router, RouterStateSnapshot, UrlTree, provideRouter } from '@angular/router';
import { authGuard, clientGuard, guestGuard, safeReturnUrl, staffGuard } from './auth-guards';

describe('auth guards', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
  });

  const run = (guard: typeof authGuard, url: string) =>
    TestBed.runInInjectionContext(() =>
      guard({} as ActivatedRouteSnapshot, { url } as RouterStateSnapshot),
    ) as Promise<boolean | UrlTree>;

  it('sends a signed-out visitor to /login with the page asked for, and lets them see /login', async () => {
    const guarded = run(authGuard, '/clients');
    TestBed.inject(HttpTestingController)
      .expectOne('/api/auth/me')
      .flush({}, { status: 401, statusText: 'Unauthorized' });
    const result = await guarded;
    expect(TestBed.inject(Router).serializeUrl(result as UrlTree)).toBe('/login?returnUrl=%2Fclients');
    expect(await run(guestGuard, '/login')).toBe(true);
  });

  it('sends a client user from the staff pages to its own space, and staff away from it', async () => {
    const me = (role: string) => ({
      user: { id: 'u1', name: 'Karim', email: 'karim@atlas.ma', role, language: 'fr' },
      firm: { id: 'f1', name: 'Cabinet Atlas' },
    });
    const http = TestBed.inject(HttpTestingController);
    const router = TestBed.inject(Router);
    const client = run(staffGuard, '/clients');
    http.expectOne('/api/auth/me').flush(me('client'));
    expect(router.serializeUrl((await client) as UrlTree)).toBe('/folder');
    expect(await run(clientGuard, '/folder')).toBe(true);
  });

  it('lets staff into the staff pages and sends them home from the client space', async () => {
    const guarded = run(staffGuard, '/clients');
    TestBed.inject(HttpTestingController)
      .expectOne('/api/auth/me')
      .flush({
        user: { id: 'u1', name: 'Salma', email: 'salma@atlas.ma', role: 'admin', language: 'fr' },
        firm: { id: 'f1', name: 'Cabinet Atlas' },
      });
    expect(await guarded).toBe(true);
    expect(TestBed.inject(Router).serializeUrl((await run(clientGuard, '/folder')) as UrlTree)).toBe('/');
  });

  it('only follows same-app return URLs', () => {
    expect(safeReturnUrl('/clients?page=2')).toBe('/clients?page=2');
    expect(safeReturnUrl('//evil.example')).toBe('/');
    expect(safeReturnUrl('https://evil.example')).toBe('/');
    expect(safeReturnUrl(undefined)).toBe('/');
  });
});
