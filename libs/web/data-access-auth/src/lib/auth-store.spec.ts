import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { MeDto } from '@passerelle/api-types';
import { I18n, acceptLanguageInterceptor } from '@passerelle/web-util-i18n';
import { AuthStore } from './auth-store';

const me = (language: 'fr' | 'en' = 'en'): MeDto => ({
  user: { id: 'u1', name: 'Salma Bennani', email: 'salma@atlas.ma', role: 'admin', language },
  firm: { id: 'f1', name: 'Cabinet Atlas' },
});

describe('AuthStore', () => {
  let store: AuthStore;
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([acceptLanguageInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    store = TestBed.inject(AuthStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('treats a 401 from /api/auth/me as signed out, and loads only once', async () => {
    const first = store.ensureLoaded();
    const second = store.ensureLoaded();
    const req = http.expectOne('/api/auth/me');
    expect(req.request.headers.get('Accept-Language')).toBe('fr');
    req.flush(
      { statusCode: 401, code: 'unauthenticated', message: 'Non connecté.' },
      { status: 401, statusText: 'Unauthorized' },
    );
    expect(await first).toBeNull();
    expect(await second).toBeNull();
    expect(store.signedIn()).toBe(false);
  });

  it('signs in and applies the language saved for the user', async () => {
    const login = store.login({ email: 'salma@atlas.ma', password: 'correct-horse' });
    expect(store.loading()).toBe(true);
    const req = http.expectOne({ method: 'POST', url: '/api/auth/login' });
    expect(req.request.body).toEqual({ email: 'salma@atlas.ma', password: 'correct-horse' });
    req.flush(me('en'));
    await login;
    expect(store.me()?.firm.name).toBe('Cabinet Atlas');
    expect(store.loading()).toBe(false);
    expect(TestBed.inject(I18n).lang()).toBe('en');
  });

  it('rejects with the API error body, and a translated message when the server is unreachable', async () => {
    const refused = store.login({ email: 'a@b.ma', password: 'wrong-password' });
    http
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 401, code: 'invalid_credentials', message: 'E-mail ou mot de passe incorrect.' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await expect(refused).rejects.toMatchObject({
      code: 'invalid_credentials',
      message: 'E-mail ou mot de passe incorrect.',
    });

    const offline = store.login({ email: 'a@b.ma', password: 'wrong-password' });
    http.expectOne('/api/auth/login').error(new ProgressEvent('error'), { status: 0 });
    await expect(offline).rejects.toMatchObject({
      code: 'network_error',
      message: expect.stringContaining('Le serveur ne répond pas'),
    });
  });

  it('signs up in the language on screen', async () => {
    await TestBed.inject(I18n).use('en');
    const signup = store.signup({
      firmName: 'Atlas',
      name: 'Salma',
      email: 'salma@atlas.ma',
      password: '0123456789',
    });
    const req = http.expectOne({ method: 'POST', url: '/api/auth/signup' });
    expect(req.request.body.language).toBe('en');
    req.flush(me('en'));
    await signup;
    expect(store.signedIn()).toBe(true);
  });

  it('saves a language change as the user preference only when signed in', async () => {
    await store.changeLanguage('en'); // signed out: local only, no request
    expect(TestBed.inject(I18n).lang()).toBe('en');

    const login = store.login({ email: 'salma@atlas.ma', password: 'correct-horse' });
    http.expectOne('/api/auth/login').flush(me('en'));
    await login;

    const change = store.changeLanguage('fr');
    const req = http.expectOne({ method: 'PATCH', url: '/api/auth/me/preferences' });
    expect(req.request.body).toEqual({ language: 'fr' });
    req.flush(me('fr'));
    await change;
    expect(store.me()?.user.language).toBe('fr');
    expect(TestBed.inject(I18n).lang()).toBe('fr');
  });

  it('forgets the session on logout', async () => {
    const login = store.login({ email: 'salma@atlas.ma', password: 'correct-horse' });
    http.expectOne('/api/auth/login').flush(me());
    await login;
    const logout = store.logout();
    http
      .expectOne({ method: 'POST', url: '/api/auth/logout' })
      .flush(null, { status: 204, statusText: 'No Content' });
    await logout;
    expect(store.me()).toBeNull();
  });
});
