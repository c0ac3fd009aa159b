import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { provideRouter } from '@angular/router';
import type { SessionDto } from '@passerelle/api-types';
import { AccountPage } from './account-page';

const sessions: SessionDto[] = [
  {
    id: 's1',
    createdAt: '2026-11-30T08:00:00Z',
    lastSeenAt: '2026-11-30T09:00:00Z',
    expiresAt: '2026-12-14T08:00:00Z',
    userAgent: 'Mozilla/5.0 (Windows NT 10.0) Chrome/156.0',
    current: true,
  },
  {
    id: 's2',
    createdAt: '2026-11-29T08:00:00Z',
    lastSeenAt: '2026-11-29T18:00:00Z',
    expiresAt: '2026-12-13T08:00:00Z',
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1',
    current: false,
  },
];

describe('AccountPage', () => {
  let fixture: ComponentFixture<AccountPage>;
  let loader: HarnessLoader;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    fixture = TestBed.createComponent(AccountPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/auth/sessions').flush(sessions);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';
  const button = (id: string) =>
    loader.getHarness(MatButtonHarness.with({ selector: `[data-testid="${id}"]` }));

  it('lists the sessions with a readable browser name and closes another one', async () => {
    expect(text()).toContain('Chrome · Windows');
    expect(text()).toContain('Safari · iOS');
    expect(text()).toContain('Cette session');
    await (await button('session-end')).click();
    http.expectOne({ method: 'DELETE', url: '/api/auth/sessions/s2' }).flush(null);
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne('/api/auth/sessions').flush([sessions[0]]);
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    expect(text()).not.toContain('Safari · iOS');
    expect(
      (fixture.nativeElement as HTMLElement).querySelector('[data-testid="sessions-end-others"]'),
    ).toBeNull();
  });

  it('checks the new password before sending, then shows the API message on the field', async () => {
    const input = (id: string) =>
      loader.getHarness(MatInputHarness.with({ selector: `[data-testid="${id}"]` }));
    await (await input('account-current-password')).setValue('Ancien-Mot-2025');
    await (await input('account-new-password')).setValue('zzzzzzzzzzzz');
    await (await button('account-change-password')).click();
    http.expectNone('/api/auth/me/password');
    const field = await loader.getHarness(
      MatFormFieldHarness.with({ floatingLabelText: 'Nouveau mot de passe' }),
    );
    expect(await field.getTextErrors()).toEqual([
      'Un seul caractère répété n’est pas un mot de passe : variez les caractères.',
    ]);

    await (await input('account-new-password')).setValue('qwertyuiop12');
    await (await button('account-change-password')).click();
    http.expectOne({ method: 'POST', url: '/api/auth/me/password' }).flush(
      {
        statusCode: 400,
        code: 'invalid_request',
        message: 'La requête contient des erreurs.',
        fields: {
          newPassword: {
            code: 'password_too_common',
            message:
              'Mot de passe — ce mot de passe figure dans les listes de mots de passe courants : choisissez-en un autre',
          },
        },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    expect(await field.getTextErrors()).toEqual([
      'Mot de passe — ce mot de passe figure dans les listes de mots de passe courants : choisissez-en un autre',
    ]);
  });
});
