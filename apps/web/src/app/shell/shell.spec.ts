import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { MatButtonToggleHarness } from '@angular/material/button-toggle/testing';
import { Router, provideRouter } from '@angular/router';
import type { MeDto } from '@passerelle/api-types';
import { AuthStore } from '@passerelle/web-data-access-auth';
import { I18n } from '@passerelle/web-util-i18n';
import { Shell } from './shell';

const me: MeDto = {
  user: { id: 'u1', name: 'Salma Bennani', email: 'salma@atlas.ma', role: 'admin', language: 'fr' },
  firm: { id: 'f1', name: 'Cabinet Atlas' },
};

describe('Shell', () => {
  let http: HttpTestingController;

  async function render() {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: '**', children: [] }]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const login = TestBed.inject(AuthStore).login({ email: me.user.email, password: 'x' });
    http.expectOne('/api/auth/login').flush(me);
    await login;
    const fixture = TestBed.createComponent(Shell);
    await fixture.whenStable();
    return {
      fixture,
      el: fixture.nativeElement as HTMLElement,
      loader: TestbedHarnessEnvironment.documentRootLoader(fixture),
    };
  }

  const text = (el: HTMLElement, id: string) =>
    el.querySelector(`[data-testid="${id}"]`)?.textContent?.trim();

  it('shows the firm and the navigation, in French then in English', async () => {
    const { fixture, el, loader } = await render();
    expect(text(el, 'firm-name')).toBe('Cabinet Atlas');
    expect(text(el, 'nav-clients')).toContain('Clients');
    expect(text(el, 'nav-settings')).toContain('Paramètres');
    expect(el.querySelector('[data-testid="nav-dashboard"]')?.getAttribute('href')).toBe('/');

    await (
      await loader.getHarness(MatButtonToggleHarness.with({ selector: '[data-testid="lang-en"]' }))
    ).check();
    http
      .expectOne({ method: 'PATCH', url: '/api/auth/me/preferences' })
      .flush({ ...me, user: { ...me.user, language: 'en' } });
    await fixture.whenStable();
    expect(TestBed.inject(I18n).lang()).toBe('en');
    expect(text(el, 'nav-settings')).toContain('Settings');
    expect(text(el, 'nav-dashboard')).toContain('Dashboard');
  });

  it('offers the development outbox to an admin only where the API has one', async () => {
    const { fixture, el } = await render();
    expect(el.querySelector('[data-testid="nav-outbox"]')).toBeNull();
    http.expectOne('/api/dev/outbox').flush([]);
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    expect(text(el, 'nav-outbox')).toContain('Boîte d’envoi');
    expect(el.querySelector('[data-testid="nav-outbox"]')?.getAttribute('href')).toBe('/dev/outbox');
  });

  it('signs out from the user menu', async () => {
    const { loader } = await render();
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const menu = await loader.getHarness(MatMenuHarness.with({ selector: '[data-testid="user-menu"]' }));
    await menu.open();
    await menu.clickItem({ text: /Se déconnecter/ });
    http
      .expectOne({ method: 'POST', url: '/api/auth/logout' })
      .flush(null, { status: 204, statusText: 'No Content' });
    await new Promise((resolve) => setTimeout(resolve));
    expect(TestBed.inject(AuthStore).me()).toBeNull();
    expect(navigate).toHaveBeenCalledWith('/login');
  });
});
