import type { HttpTestingController } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { ImportBatchState } from '@passerelle/web-data-access-imports';
import { batch, setUpHttp } from '../testing/batches';
import { MappingStep } from './mapping-step';

describe('MappingStep', () => {
  let http: HttpTestingController;

  function render(overrides: Parameters<typeof batch>[0] = {}) {
    http = setUpHttp([ImportBatchState]);
    const fixture = TestBed.createComponent(MappingStep);
    fixture.componentRef.setInput('batch', batch(overrides));
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const field = (key: string) => el.querySelector(`[data-testid="mapping-${key}"]`) as HTMLElement;
    return { fixture, el, field, loader: TestbedHarnessEnvironment.loader(fixture) };
  }

  afterEach(() => {
    TestBed.inject(ImportBatchState).stop();
    http.verify();
  });

  it('shows for each field its column, three sample values and why it was proposed', async () => {
    const { field } = render();
    expect(field('name').querySelector('[data-testid="mapping-reason"]')?.textContent?.trim()).toBe(
      'En-tête reconnu',
    );
    expect(
      Array.from(field('name').querySelectorAll('.sample')).map((sample) => sample.textContent?.trim()),
    ).toEqual(['Atlas Négoce SARL', 'Cèdre Services']);
    expect(field('ice').querySelector('[data-testid="mapping-reason"]')?.textContent?.trim()).toBe(
      'D’après les valeurs de la colonne',
    );
    // Not proposed by the server, chosen by nobody: no reason, and the field stays optional.
    expect(field('shareDocuments').querySelector('[data-testid="mapping-reason"]')).toBeNull();
    expect(field('shareDocuments').textContent).toContain('Oui ou non ; vide : non');
  });

  it('says when a saved mapping was applied', () => {
    const { el } = render({ mappingSource: 'saved', savedMappingName: 'Export Sage du cabinet' });
    expect(el.querySelector('[data-testid="saved-mapping-applied"]')?.textContent?.trim()).toBe(
      'Le mappage enregistré « Export Sage du cabinet » a été appliqué : vérifiez-le, puis continuez.',
    );
  });

  it('moves a column chosen for another field and says so; a required field left without column blocks', async () => {
    const { fixture, el, field, loader } = render();
    const country = await loader.getHarness(
      MatSelectHarness.with({ selector: '[data-testid="mapping-select-country"]' }),
    );
    await country.open();
    await country.clickOptions({ text: 'D — Ville' });
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="mapping-notice"]')?.textContent?.trim()).toBe(
      'La colonne D n’est plus associée à « Ville » : ce champ n’a plus de colonne.',
    );
    expect(field('city').querySelector('[data-testid="mapping-required"]')?.textContent?.trim()).toBe(
      'Choisissez la colonne de ce champ obligatoire.',
    );
    expect(field('country').querySelector('[data-testid="mapping-reason"]')?.textContent?.trim()).toBe(
      'Votre choix',
    );
    await fixture.componentInstance.submit();
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="mapping-error"]')?.textContent?.trim()).toBe(
      'Corrigez les champs signalés avant de continuer.',
    );
    http.expectNone('/api/imports/b1/mapping');
  });

  it('saves the mapping under a name, then starts the check', async () => {
    const { fixture, el } = render();
    const checking = vi.fn();
    fixture.componentInstance.checking.subscribe(checking);
    (el.querySelector('[data-testid="save-mapping"] input') as HTMLInputElement).click();
    fixture.detectChanges();
    const name = el.querySelector('[data-testid="mapping-save-name"]') as HTMLInputElement;
    name.value = 'Export Sage du cabinet';
    name.dispatchEvent(new Event('input'));
    fixture.detectChanges();

    const done = fixture.componentInstance.submit();
    const put = http.expectOne('/api/imports/b1/mapping');
    expect(put.request.body).toEqual({
      mapping: expect.objectContaining({ name: 0, ice: 5, contactEmail: 11, shareDocuments: null }),
      saveAs: 'Export Sage du cabinet',
    });
    put.flush(batch({ mappingSource: 'saved', savedMappingName: 'Export Sage du cabinet' }));
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne('/api/imports/b1/check').flush({ id: 'b1' }, { status: 202, statusText: 'Accepted' });
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne('/api/imports/b1').flush(batch({ status: 'checking', progress: { done: 0, total: 2 } }));
    await done;
    expect(checking).toHaveBeenCalledTimes(1);
  });

  it('puts the server’s refusal of the name next to the name field', async () => {
    const { fixture, el } = render();
    (el.querySelector('[data-testid="save-mapping"] input') as HTMLInputElement).click();
    fixture.detectChanges();
    const name = el.querySelector('[data-testid="mapping-save-name"]') as HTMLInputElement;
    name.value = 'Export Sage';
    name.dispatchEvent(new Event('input'));
    const done = fixture.componentInstance.submit();
    http.expectOne('/api/imports/b1/mapping').flush(
      {
        statusCode: 409,
        code: 'invalid_request',
        message: 'La requête contient des erreurs.',
        fields: { saveAs: { code: 'already_exists', message: 'Nom du mappage — ce nom est déjà utilisé' } },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await done;
    fixture.detectChanges();
    expect(el.querySelector('#mapping-name-help')?.textContent?.trim()).toBe(
      'Nom du mappage — ce nom est déjà utilisé',
    );
    expect(el.querySelector('[data-testid="mapping-error"]')).toBeNull();
  });
});
