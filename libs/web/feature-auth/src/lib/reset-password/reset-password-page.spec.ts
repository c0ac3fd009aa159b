import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { ResetPasswordPage } from './reset-password-page';

const TOKEN = 'T'.repeat(43);
const LINK = `/api/auth/password-reset/${TOKEN}`;

describe('ResetPasswordPage', () => {
  let fixture: ComponentFixture<ResetPasswordPage>;
  let http: HttpTestingController;
  let el: HTMLElement;

  async function open() {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    fixture = TestBed.createComponent(ResetPasswordPage);
    fixture.componentRef.setInput('token', TOKEN);
    http = TestBed.inject(HttpTestingController);
    el = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
  }

  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };

  afterEach(() => http.verify());

  it('says plainly when the link cannot be used, and offers a new one', async () => {
    await open();
    http.expectOne(LINK).flush(
      {
        statusCode: 404,
        code: 'reset_link_invalid',
        message: 'Ce lien de réinitialisation n’est pas valide.',
      },
      { status: 404, statusText: 'Not Found' },
    );
    await settle();
    const problem = el.querySelector('[data-testid="reset-invalid"]');
    expect(problem?.querySelector('h1')?.textContent).toBe('Lien de réinitialisation non valide');
    expect(problem?.textContent).toContain('Ce lien de réinitialisation n’est pas valide.');
    expect(problem?.querySelector('a')?.getAttribute('href')).toBe('/forgot-password');
  });

  it('sets the new password, then sends the person to sign in again', async () => {
    await open();
    http.expectOne(LINK).flush({ email: 's•••@atlas.ma', expiresAt: '2026-11-30T11:00:00Z' });
    await settle();
    expect(el.querySelector('[data-testid="reset-account"]')?.textContent).toContain('Compte s•••@atlas.ma');
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const input = el.querySelector('[data-testid="reset-new-password"]') as HTMLInputElement;
    input.value = 'aaaaaaaaaaaa';
    input.dispatchEvent(new Event('input'));
    (el.querySelector('[data-testid="reset-submit"]') as HTMLButtonElement).click();
    await settle();
    http.expectNone({ method: 'POST', url: LINK });
    expect(el.querySelector('mat-error')?.textContent).toContain('Un seul caractère répété');

    input.value = 'Nouveau-Depart-2026';
    input.dispatchEvent(new Event('input'));
    (el.querySelector('[data-testid="reset-submit"]') as HTMLButtonElement).click();
    const post = http.expectOne({ method: 'POST', url: LINK });
    expect(post.request.body).toEqual({ password: 'Nouveau-Depart-2026' });
    post.flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    http.expectOne('/api/auth/me').flush(null, { status: 401, statusText: 'Unauthorized' });
    await settle();
    expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: { passwordReset: 'done' } });
  });
});
