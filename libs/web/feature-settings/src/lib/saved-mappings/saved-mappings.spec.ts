import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { MeDto, SavedMapping } from '@passerelle/api-types';
import { AuthStore } from '@passerelle/web-data-access-auth';
import { SavedMappingsSettings } from './saved-mappings';

const MAPPING: SavedMapping = {
  id: 'm1',
  name: 'Export Sage du cabinet',
  signature: 'abc',
  fields: { name: 'raison sociale', ice: 'n ice', contactEmail: 'courriel' },
  createdByName: 'Salma Bennani',
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T09:00:00.000Z',
  lastUsedAt: null,
};

describe('SavedMappingsSettings', () => {
  let http: HttpTestingController;

  async function render(role: 'admin' | 'member') {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    const loaded = TestBed.inject(AuthStore).reload();
    const me: MeDto = {
      user: { id: 'u1', name: 'Salma', email: 'salma@atlas.ma', role, language: 'fr' },
      firm: { id: 'f1', name: 'Cabinet Atlas' },
    };
    http.expectOne('/api/auth/me').flush(me);
    await loaded;
    const fixture = TestBed.createComponent(SavedMappingsSettings);
    fixture.detectChanges();
    http.expectOne('/api/mappings').flush([MAPPING]);
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  afterEach(() => http.verify());

  it('lists the mappings with their fields and use, read-only for a member', async () => {
    const { el } = await render('member');
    const row = el.querySelector('[data-testid="mapping-row"]') as HTMLElement;
    expect(row.querySelector('[data-testid="mapping-name"]')?.textContent?.trim()).toBe(
      'Export Sage du cabinet',
    );
    expect(row.textContent).toContain('3 champs · jamais utilisé · par Salma Bennani');
    expect(Array.from(row.querySelectorAll('dt')).map((dt) => dt.textContent?.trim())).toEqual([
      'Nom client',
      'ICE',
      'E-mail du contact',
    ]);
    expect(el.querySelector('[data-testid="mappings-readonly"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="mapping-rename"]')).toBeNull();
    expect(el.querySelector('[data-testid="mapping-delete"]')).toBeNull();
  });

  it('lets an admin rename one, with the server’s refusal next to the name', async () => {
    const { fixture, el } = await render('admin');
    (el.querySelector('[data-testid="mapping-rename"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    await fixture.whenStable();
    const input = el.querySelector('[data-testid="mapping-rename-input"]') as HTMLInputElement;
    input.value = 'Export Sage';
    input.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    (el.querySelector('[data-testid="mapping-rename-save"]') as HTMLButtonElement).click();
    const patch = http.expectOne('/api/mappings/m1');
    expect(patch.request.body).toEqual({ name: 'Export Sage' });
    patch.flush(
      {
        statusCode: 409,
        code: 'invalid_request',
        message: 'La requête contient des erreurs.',
        fields: { name: { code: 'already_exists', message: 'Nom — ce nom est déjà utilisé' } },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    expect(el.querySelector('#mapping-name-help-m1')?.textContent?.trim()).toBe(
      'Nom — ce nom est déjà utilisé',
    );
  });
});
