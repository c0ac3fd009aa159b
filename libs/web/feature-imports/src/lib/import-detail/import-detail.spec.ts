import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, convertToParamMap } from '@angular/router';
import { BulkInvitationRuns } from '@passerelle/web-data-access-invitations';
import { batch, nextRequest, setUpHttp, summary } from '../testing/batches';
import { ImportDetail } from './import-detail';

describe('ImportDetail', () => {
  let http: HttpTestingController;

  async function render() {
    http = setUpHttp([
      { provide: ActivatedRoute, useValue: { snapshot: { paramMap: convertToParamMap({ id: 'b1' }) } } },
    ]);
    const fixture = TestBed.createComponent(ImportDetail);
    fixture.detectChanges();
    http.expectOne('/api/imports/b1').flush(
      batch({
        status: 'imported',
        mappingSource: 'saved',
        savedMappingName: 'Export Sage',
        summary: summary({ rows: 3, valid: 3, toCreate: 3, created: 3 }),
      }),
    );
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    http
      .expectOne((req) => req.url === '/api/imports/b1/clients')
      .flush({
        items: [
          {
            id: 'c1',
            row: 4,
            name: 'Atlas Négoce SARL',
            city: 'Casablanca',
            country: 'MA',
            ice: null,
            contactEmail: 'nadia@atlas.ma',
            status: 'not_invited',
          },
        ],
        total: 3,
        page: 1,
        pageSize: 25,
      });
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  afterEach(() => {
    TestBed.inject(BulkInvitationRuns).stop();
    http.verify();
  });

  it('shows who imported which file with which mapping, and the clients it created', async () => {
    const { el } = await render();
    expect(el.querySelector('[data-testid="import-title"]')?.textContent?.trim()).toBe(
      'Import « portefeuille.xlsx »',
    );
    expect(el.querySelector('[data-testid="import-facts"]')?.textContent).toContain('Par Salma Bennani, le');
    expect(el.querySelector('[data-testid="import-facts"]')?.textContent).toContain(
      'Enregistré : « Export Sage »',
    );
    const client = el.querySelector('[data-testid="created-client"]') as HTMLAnchorElement;
    expect(client.textContent?.trim()).toBe('Atlas Négoce SARL');
    expect(client.getAttribute('href')).toBe('/clients/c1');
  });

  it('undoes the import after a confirmation that says how many clients go; a refusal is shown', async () => {
    const { fixture, el } = await render();
    (el.querySelector('[data-testid="undo-import"]') as HTMLButtonElement).click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const dialog = document.querySelector('mat-dialog-container') as HTMLElement;
    expect(dialog.querySelector('h2')?.textContent?.trim()).toBe('Annuler cet import ?');
    expect(dialog.textContent).toContain('Les 3 clients créés par cet import seront supprimés.');
    expect(dialog.querySelector('[data-testid="confirm-ok"]')?.textContent?.trim()).toBe(
      'Supprimer 3 clients',
    );
    (dialog.querySelector('[data-testid="confirm-ok"]') as HTMLButtonElement).click();
    (await nextRequest(http, '/api/imports/b1/undo')).flush(
      {
        statusCode: 409,
        code: 'import_clients_invited',
        message:
          'Des clients de cet import ont déjà été invités (Atlas Négoce SARL) : l’import ne peut plus être annulé.',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="undo-error"]')?.textContent?.trim()).toBe(
      'Des clients de cet import ont déjà été invités (Atlas Négoce SARL) : l’import ne peut plus être annulé.',
    );
  });
});
