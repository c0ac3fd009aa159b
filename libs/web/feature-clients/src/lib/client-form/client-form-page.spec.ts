import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import { Router, provideRouter } from '@angular/router';
import type { AccountingSoftwareConfig } from '@passerelle/api-types';
import { ClientFormPage } from './client-form-page';

const CONFIGS: AccountingSoftwareConfig[] = [
  {
    id: 'cfg-1',
    label: 'Sage — dossier principal',
    product: 'sage-100',
    productName: 'Sage 100 Comptabilité',
    deliveryMethod: 'email',
    deliveryEmail: 'inbox@sage.example',
    exportFormat: null,
    exportFrequency: null,
    isDefault: true,
    clientCount: 0,
  },
];
/** 0015255870000 + check digits 07: a multiple of 97. */
const VALID_ICE = '001525587000007';
const WRONG_ICE = '001525587000008';

describe('ClientFormPage', () => {
  let fixture: ComponentFixture<ClientFormPage>;
  let loader: HarnessLoader;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    fixture = TestBed.createComponent(ClientFormPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/accounting-software/configs').flush(CONFIGS);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const input = (id: string) =>
    loader.getHarness(MatInputHarness.with({ selector: `[data-testid="${id}"]` }));
  const field = (label: string) => loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };

  async function fillValid(): Promise<void> {
    const values: Record<string, string> = {
      'client-name': 'Atlas Négoce SARL',
      'client-address': '12, rue Ibn Batouta',
      'client-postal-code': '20250',
      'client-city': 'Casablanca',
      'client-country': 'المغرب',
      'client-ice': VALID_ICE,
      'client-tax-id': '1234567',
      'client-contact-name': 'Karim Idrissi',
      'client-contact-email': 'karim@atlas.ma',
    };
    for (const [id, value] of Object.entries(values)) await (await input(id)).setValue(value);
  }

  it('shows the shared validators’ ICE message once the field is touched', async () => {
    await (await input('client-country')).setValue('Maroc');
    const ice = await input('client-ice');
    await ice.setValue(WRONG_ICE);
    expect(await (await field('ICE')).getTextErrors()).toEqual([]); // not touched yet
    await ice.blur();
    expect(await (await field('ICE')).getTextErrors()).toEqual([
      'ICE — le numéro est invalide (clé de contrôle)',
    ]);
    await ice.setValue(VALID_ICE);
    expect(await (await field('ICE')).getTextErrors()).toEqual([]);
  });

  it('puts the API’s field error on its field', async () => {
    await fillValid();
    await (
      await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid="client-save"]' }))
    ).click();
    const request = http.expectOne({ method: 'POST', url: '/api/clients' });
    expect(request.request.body).toMatchObject({ country: 'MA', ice: VALID_ICE, accountingSoftwareId: null });
    const message = 'E-mail du contact — un autre client du cabinet a déjà cette valeur';
    request.flush(
      {
        statusCode: 409,
        code: 'already_exists',
        message,
        fields: { contactEmail: { code: 'already_exists', message } },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(await (await field('E-mail du contact')).getTextErrors()).toEqual([message]);
    expect(await (await field('ICE')).getTextErrors()).toEqual([]);
    // Editing the field clears the server's verdict.
    await (await input('client-contact-email')).setValue('karim.idrissi@atlas.ma');
    expect(await (await field('E-mail du contact')).getTextErrors()).toEqual([]);
  });

  it('marks the required fields (IF and ICE once the country is Morocco) and offers every language', async () => {
    const el = fixture.nativeElement as HTMLElement;
    const required = () =>
      Array.from(el.querySelectorAll('mat-form-field'))
        .filter((f) => f.querySelector('.mat-mdc-form-field-required-marker'))
        .map((f) => f.querySelector('mat-label')?.textContent?.trim());
    expect(el.querySelector('.required-note')?.textContent?.trim()).toBe('* obligatoire');
    expect(required()).toEqual([
      'Nom client',
      'Adresse',
      'Code postal',
      'Ville',
      'Pays',
      'Langue',
      'Contact',
      'Langue contact',
    ]);
    await (await input('client-country')).setValue('Maroc');
    await settle();
    expect(required()).toEqual(expect.arrayContaining(['ICE', 'IF']));

    const language = await loader.getHarness(
      MatSelectHarness.with({ selector: '[data-testid="client-language"]' }),
    );
    await language.open();
    const options = await Promise.all((await language.getOptions()).map((o) => o.getText()));
    expect(options.slice(0, 6)).toEqual([
      'Français',
      'Arabe',
      'Anglais',
      'Amazighe (tifinagh)',
      'Espagnol',
      'Allemand',
    ]);
    expect(options).toHaveLength(9);
  });

  it('lands on the new client’s page, naming the client', async () => {
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await fillValid();
    await (
      await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid="client-save"]' }))
    ).click();
    http.expectOne({ method: 'POST', url: '/api/clients' }).flush({
      client: { id: '5b1c7a4e-8d2f-4a51-9b7e-0c3d2e1f4a5b', name: 'Atlas Négoce SARL' },
      warnings: [],
    });
    await settle();
    expect(navigate).toHaveBeenCalledWith('/clients/5b1c7a4e-8d2f-4a51-9b7e-0c3d2e1f4a5b');
    expect(document.querySelector('.mat-mdc-snack-bar-container')?.textContent).toContain(
      '« Atlas Négoce SARL » créé',
    );
  });

  it('reveals the accounting-software select, default preselected, when sharing is turned on', async () => {
    const softwareSelects = () =>
      loader.getAllHarnesses(MatSelectHarness.with({ selector: '[data-testid="client-software"]' }));
    expect(await softwareSelects()).toHaveLength(0);
    await (await loader.getHarness(MatSlideToggleHarness)).toggle();
    await settle();
    const [select] = await softwareSelects();
    expect(select).toBeDefined();
    expect(await select.getValueText()).toContain('Sage — dossier principal');
  });
});

describe('ClientFormPage editing a client someone else changes', () => {
  const ID = '5b1c7a4e-8d2f-4a51-9b7e-0c3d2e1f4a5b';
  const stored = (version: number, city: string) => ({
    id: ID,
    name: 'Atlas Négoce SARL',
    address: '12, rue Ibn Batouta',
    postalCode: '20250',
    city,
    country: 'MA',
    ice: VALID_ICE,
    taxId: '1234567',
    iban: null,
    language: 'fr',
    contactName: 'Karim Idrissi',
    contactLanguage: 'fr',
    contactEmail: 'karim@atlas.ma',
    shareDocuments: false,
    accountingSoftwareId: null,
    accountingSoftwareLabel: null,
    status: 'not_invited',
    version,
    archivedAt: null,
    createdAt: '2026-11-30T08:00:00Z',
    updatedAt: '2026-11-30T08:00:00Z',
  });

  it('sends the version it read, and on 409 offers to reload the other person’s version', async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    const fixture = TestBed.createComponent(ClientFormPage);
    fixture.componentRef.setInput('id', ID);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/accounting-software/configs').flush(CONFIGS);
    fixture.detectChanges();
    http.expectOne(`/api/clients/${ID}`).flush(stored(3, 'Casablanca'));
    await fixture.whenStable();
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
    };

    const city = await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="client-city"]' }));
    await city.setValue('Rabat');
    await (
      await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid="client-save"]' }))
    ).click();
    const patch = http.expectOne({ method: 'PATCH', url: `/api/clients/${ID}` });
    expect(patch.request.body).toMatchObject({ city: 'Rabat', version: 3 });
    patch.flush(
      {
        statusCode: 409,
        code: 'edit_conflict',
        message:
          'Quelqu’un a modifié cette fiche entre-temps : rechargez-la pour voir ses changements, puis refaites les vôtres.',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    const banner = (fixture.nativeElement as HTMLElement).querySelector(
      '[data-testid="client-form-conflict"]',
    );
    expect(banner?.textContent).toContain('Quelqu’un a modifié cette fiche entre-temps');

    // A native click: the harness would wait for the reloading resource, i.e. for the request below.
    (banner?.querySelector('[data-testid="client-form-reload"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    http.expectOne(`/api/clients/${ID}`).flush(stored(4, 'Tanger'));
    await settle();
    expect(await city.getValue()).toBe('Tanger');
    expect(
      (fixture.nativeElement as HTMLElement).querySelector('[data-testid="client-form-conflict"]'),
    ).toBeNull();

    await (
      await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid="client-save"]' }))
    ).click();
    expect(http.expectOne({ method: 'PATCH', url: `/api/clients/${ID}` }).request.body.version).toBe(4);
    http.verify({ ignoreCancelled: true });
  });
});
