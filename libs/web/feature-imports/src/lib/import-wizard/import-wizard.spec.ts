import { Location } from '@angular/common';
import type { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatStepperHarness } from '@angular/material/stepper/testing';
import { ActivatedRoute, convertToParamMap } from '@angular/router';
import type { ImportBatch } from '@passerelle/api-types';
import { ImportBatchState } from '@passerelle/web-data-access-imports';
import { batch, setUpHttp, summary } from '../testing/batches';
import { ImportWizard } from './import-wizard';

const LIMITS = { maxFileMb: 20, maxRows: 100_000, maxColumns: 60 };

describe('ImportWizard', () => {
  let http: HttpTestingController;

  function render(id: string | null) {
    http = setUpHttp([
      { provide: ActivatedRoute, useValue: { snapshot: { paramMap: convertToParamMap(id ? { id } : {}) } } },
    ]);
    const fixture = TestBed.createComponent(ImportWizard);
    fixture.detectChanges();
    http.expectOne('/api/imports/limits').flush(LIMITS);
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  async function selectedStep(fixture: ReturnType<typeof render>['fixture']): Promise<string> {
    await fixture.whenStable();
    fixture.detectChanges();
    await fixture.whenStable();
    const stepper = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatStepperHarness);
    const [step] = await stepper.getSteps({ selected: true });
    return step.getLabel();
  }

  afterEach(() => {
    TestBed.inject(ImportBatchState, null, { optional: true })?.stop();
    http.verify();
  });

  it.each([
    ['mapping', 'Colonnes', {}],
    [
      'checked',
      'Vérification',
      { checkedAt: '2026-11-30T09:01:00.000Z', summary: summary({ rows: 2, valid: 2, toCreate: 2 }) },
    ],
    ['imported', 'Import', { summary: summary({ rows: 2, valid: 2, created: 2 }) }],
    [
      'failed',
      'Fichier',
      { error: { code: 'legacy_xls', message: 'Ce fichier est au format Excel 97-2003 (.xls).' } },
    ],
  ] as [ImportBatch['status'], string, Partial<ImportBatch>][])(
    'opens a %s batch at its step (%s)',
    async (status, label, overrides) => {
      const { fixture } = render('b1');
      http.expectOne('/api/imports/b1').flush(batch({ status, ...overrides }));
      expect(await selectedStep(fixture)).toBe(label);
    },
  );

  it('offers to resume the newest import still under way', async () => {
    const { fixture, el } = render(null);
    http
      .expectOne((req) => req.url === '/api/imports')
      .flush({
        items: [batch({ status: 'checked', fileName: 'clients-2026.xlsx' })],
        total: 1,
        page: 1,
        pageSize: 10,
      });
    await fixture.whenStable();
    fixture.detectChanges();
    const card = el.querySelector('[data-testid="resume-card"]');
    expect(card?.querySelector('h2')?.textContent?.trim()).toBe('Un import est en cours');
    expect(card?.textContent).toContain('« clients-2026.xlsx », commencé le');
    expect(card?.textContent).toContain('étape « Vérification »');
    expect(await selectedStep(fixture)).toBe('Fichier');
  });

  it('refuses a file that is not a spreadsheet before sending it, then sends a CSV and follows its reading', async () => {
    const { fixture, el } = render(null);
    http.expectOne((req) => req.url === '/api/imports').flush({ items: [], total: 0, page: 1, pageSize: 10 });
    await fixture.whenStable();
    fixture.detectChanges();
    const input = el.querySelector('[data-testid="file-input"]') as HTMLInputElement;
    // The file's first bytes are read before anything is decided (a browser does that asynchronously, and a
    // busy machine takes its time): wait for the outcome, up to two seconds, rather than a fixed delay.
    const pick = async (file: File, outcome: () => boolean) => {
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      input.dispatchEvent(new Event('change'));
      for (let waited = 0; waited < 2000 && !outcome(); waited += 10) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        fixture.detectChanges();
      }
    };

    await pick(new File(['%PDF-1.7 facture'], 'clients.xlsx', { type: 'application/pdf' }), () =>
      Boolean(el.querySelector('[data-testid="upload-problem"]')),
    );
    expect(el.querySelector('[data-testid="upload-problem"]')?.textContent?.trim()).toBe(
      '« clients.xlsx » : Ce fichier (PDF) n’est pas un tableur. Envoyez un classeur Excel (.xlsx) ou un fichier CSV.',
    );
    http.expectNone('/api/imports');

    const sent: TestRequest[] = [];
    await pick(new File(['Raison sociale;Ville\nAtlas;Fès\n'], 'clients.csv', { type: 'text/csv' }), () => {
      sent.push(...http.match((req) => req.method === 'POST' && req.url === '/api/imports'));
      return sent.length > 0;
    });
    expect(sent).toHaveLength(1);
    const [upload] = sent;
    upload.event({ type: 1, loaded: 20, total: 40 });
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="upload-progress"]')?.textContent).toContain(
      'Envoi de « clients.csv »… 50 %',
    );
    upload.flush({ id: 'b2' }, { status: 202, statusText: 'Accepted' });
    await fixture.whenStable();
    http
      .expectOne('/api/imports/b2')
      .flush(
        batch({ id: 'b2', status: 'parsing', fileName: 'clients.csv', progress: { done: 0, total: 0 } }),
      );
    await fixture.whenStable();
    fixture.detectChanges();
    expect(TestBed.inject(Location).path()).toBe('/imports/b2');
    expect(el.querySelector('[data-testid="parse-progress"]')?.textContent).toContain(
      'Lecture de « clients.csv »…',
    );
  });
});
