import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { provideRouter } from '@angular/router';
import { SignupPage } from './signup-page';

describe('SignupPage', () => {
  let fixture: ComponentFixture<SignupPage>;
  let loader: HarnessLoader;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    fixture = TestBed.createComponent(SignupPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    http = TestBed.inject(HttpTestingController);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const input = (id: string) =>
    loader.getHarness(MatInputHarness.with({ selector: `[data-testid="${id}"]` }));
  const field = (label: string) => loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));

  async function fill(password: string) {
    await (await input('signup-firm')).setValue('Cabinet Atlas');
    await (await input('signup-name')).setValue('Salma Bennani');
    await (await input('signup-email')).setValue('salma@atlas.ma');
    await (await input('signup-password')).setValue(password);
    await (
      await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid="signup-submit"]' }))
    ).click();
  }

  it('refuses a password shorter than 10 characters without calling the API', async () => {
    await fill('123456789');
    http.expectNone('/api/auth/signup');
    expect(await (await field('Mot de passe')).getTextErrors()).toEqual([
      'Le mot de passe doit contenir au moins 10 caractères.',
    ]);
  });

  it('shows "e-mail taken" on the e-mail field', async () => {
    await fill('Atlas-Conseil-2026');
    http.expectOne({ method: 'POST', url: '/api/auth/signup' }).flush(
      {
        statusCode: 409,
        code: 'email_taken',
        message: 'Un compte existe déjà avec cette adresse e-mail.',
        fields: {
          email: { code: 'already_exists', message: 'Adresse e-mail — cette valeur est déjà utilisée' },
        },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    expect(await (await field('Adresse e-mail')).getTextErrors()).toEqual([
      'Adresse e-mail — cette valeur est déjà utilisée',
    ]);
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="signup-error"]')).toBeNull();
  });
});
