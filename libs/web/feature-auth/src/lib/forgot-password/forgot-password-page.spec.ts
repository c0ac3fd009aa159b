import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ForgotPasswordPage } from './forgot-password-page';

describe('ForgotPasswordPage', () => {
  let fixture: ComponentFixture<ForgotPasswordPage>;
  let http: HttpTestingController;
  let el: HTMLElement;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    fixture = TestBed.createComponent(ForgotPasswordPage);
    http = TestBed.inject(HttpTestingController);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function submit(email: string) {
    const input = el.querySelector('[data-testid="forgot-email"]') as HTMLInputElement;
    input.value = email;
    input.dispatchEvent(new Event('input'));
    (el.querySelector('[data-testid="forgot-submit"]') as HTMLButtonElement).click();
    await fixture.whenStable();
  }

  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };

  it('checks the address in the browser before asking', async () => {
    await submit('salma@atlas');
    http.expectNone('/api/auth/password-reset');
    expect(el.querySelector('mat-error')?.textContent).toContain('L’adresse e-mail n’est pas valide.');
  });

  it('asks for a link and always answers "check your inbox", naming the address', async () => {
    await submit('  salma@atlas.ma ');
    const req = http.expectOne('/api/auth/password-reset');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ email: 'salma@atlas.ma' });
    req.flush(null, { status: 202, statusText: 'Accepted' });
    await settle();
    expect(el.querySelector('[data-testid="forgot-sent"]')?.textContent).toContain(
      'Si un compte Passerelle existe pour salma@atlas.ma, un e-mail vient de lui être envoyé',
    );
    expect(el.querySelector('form')).toBeNull();
  });

  it('shows the rate limit next to nothing else: the API’s message in the alert area', async () => {
    await submit('salma@atlas.ma');
    http
      .expectOne('/api/auth/password-reset')
      .flush(
        { statusCode: 429, code: 'rate_limited', message: 'Trop de tentatives. Réessayez dans 60 secondes.' },
        { status: 429, statusText: 'Too Many Requests' },
      );
    await settle();
    expect(el.querySelector('[data-testid="forgot-error"]')?.textContent).toContain(
      'Trop de tentatives. Réessayez dans 60 secondes.',
    );
    expect(el.querySelector('[data-testid="forgot-sent"]')).toBeNull();
  });
});
