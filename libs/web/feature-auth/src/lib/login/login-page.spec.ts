import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { Router, provideRouter } from '@angular/router';
import type { HarnessLoader } from '@angular/cdk/testing';
import { LoginPage } from './login-page';

describe('LoginPage', () => {
  let fixture: ComponentFixture<LoginPage>;
  let loader: HarnessLoader;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    fixture = TestBed.createComponent(LoginPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    http = TestBed.inject(HttpTestingController);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const byTestId = <T>(type: { with(o: { selector: string }): T }, id: string) =>
    type.with({ selector: `[data-testid="${id}"]` });

  async function fillAndSubmit(email: string, password: string) {
    await (await loader.getHarness(byTestId(MatInputHarness, 'login-email'))).setValue(email);
    await (await loader.getHarness(byTestId(MatInputHarness, 'login-password'))).setValue(password);
    await (await loader.getHarness(byTestId(MatButtonHarness, 'login-submit'))).click();
  }

  /** Lets the page's promise chain (HTTP → store → page) finish, then renders. */
  async function settle() {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  const alert = () => (fixture.nativeElement as HTMLElement).querySelector('[data-testid="login-error"]');

  it('checks the fields before calling the API', async () => {
    await (await loader.getHarness(byTestId(MatButtonHarness, 'login-submit'))).click();
    http.expectNone('/api/auth/login');
    const [emailField] = await loader.getAllHarnesses(MatFormFieldHarness);
    expect(await emailField.getTextErrors()).toEqual(['Ce champ est obligatoire.']);
  });

  it('disables the submit button while the request is pending', async () => {
    const submit = await loader.getHarness(byTestId(MatButtonHarness, 'login-submit'));
    expect(await submit.isDisabled()).toBe(false);

    await fillAndSubmit('salma@atlas.ma', 'correct-horse-battery');
    const req = http.expectOne({ method: 'POST', url: '/api/auth/login' });
    expect(await submit.isDisabled()).toBe(true);

    req.flush(
      { statusCode: 401, code: 'invalid_credentials', message: 'E-mail ou mot de passe incorrect.' },
      { status: 401, statusText: 'Unauthorized' },
    );
    await settle();
    expect(await submit.isDisabled()).toBe(false);
    expect(alert()?.textContent).toContain('E-mail ou mot de passe incorrect.');
  });

  it('shows a server field error under its field, not in the general area', async () => {
    await fillAndSubmit('salma@atlas.ma', 'correct-horse-battery');
    http.expectOne('/api/auth/login').flush(
      {
        statusCode: 400,
        code: 'invalid_request',
        message: 'La requête contient des erreurs.',
        fields: { email: { code: 'invalid_email', message: "Cette adresse n'est pas acceptée." } },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();

    const emailField = await loader.getHarness(
      MatFormFieldHarness.with({ floatingLabelText: 'Adresse e-mail' }),
    );
    expect(await emailField.getTextErrors()).toEqual(["Cette adresse n'est pas acceptée."]);
    const passwordField = await loader.getHarness(
      MatFormFieldHarness.with({ floatingLabelText: 'Mot de passe' }),
    );
    expect(await passwordField.hasErrors()).toBe(false);
    expect(alert()).toBeNull();
  });

  it('goes to the page asked for once signed in', async () => {
    fixture.componentRef.setInput('returnUrl', '/clients');
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await fillAndSubmit('salma@atlas.ma', 'correct-horse-battery');
    http.expectOne('/api/auth/login').flush({
      user: { id: 'u1', name: 'Salma', email: 'salma@atlas.ma', role: 'admin', language: 'fr' },
      firm: { id: 'f1', name: 'Atlas' },
    });
    await settle();
    expect(navigate).toHaveBeenCalledWith('/clients');
  });
});
