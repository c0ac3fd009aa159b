import { HttpTestingController } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { configureHttp, issue, summary } from '../testing/batches';
import { IssueTable } from './issue-table';

describe('IssueTable', () => {
  let http: HttpTestingController;

  async function render(editable = true) {
    configureHttp();
    // The cell editor is @defer-loaded: the table's dependencies resolve here.
    TestBed.configureTestingModule({ imports: [IssueTable] });
    await TestBed.compileComponents();
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(IssueTable);
    fixture.componentRef.setInput('batchId', 'b1');
    fixture.componentRef.setInput('editable', editable);
    fixture.detectChanges();
    http
      .expectOne((req) => req.url === '/api/imports/b1/errors' && req.params.get('severity') === 'error')
      .flush({
        items: [
          issue(),
          issue({
            row: 15,
            column: null,
            header: null,
            field: 'language',
            code: 'required',
            message: 'Langue — ce champ est obligatoire',
            value: null,
          }),
        ],
        total: 2,
        page: 1,
        pageSize: 25,
      });
    await fixture.whenStable();
    fixture.detectChanges();
    return {
      fixture,
      el: fixture.nativeElement as HTMLElement,
      loader: TestbedHarnessEnvironment.loader(fixture),
    };
  }

  afterEach(() => http.verify());

  it('lists row, column letter and header, field, message and the value as read', async () => {
    const { loader } = await render();
    const table = await loader.getHarness(MatTableHarness);
    const rows = await table.getCellTextByIndex();
    expect(rows).toEqual([
      [
        '12',
        'F N° ICE',
        'ICE',
        'ICE — le numéro est invalide (clé de contrôle)',
        '001561191000067',
        'Corriger',
      ],
      ['15', '—', 'Langue', 'Langue — ce champ est obligatoire', '(vide)', ''],
    ]);
  });

  it('filters by field on the server', async () => {
    const { fixture, loader } = await render();
    const select = await loader.getHarness(
      MatSelectHarness.with({ selector: '[data-testid="issue-field-filter"]' }),
    );
    await select.open();
    // A native click: the harness would wait for the list's request, which the test answers below.
    const option = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find(
      (candidate) => candidate.textContent?.trim() === 'E-mail du contact',
    );
    option?.click();
    fixture.detectChanges();
    const req = http.expectOne((r) => r.url === '/api/imports/b1/errors');
    expect(req.request.params.toString()).toBe('page=1&pageSize=25&field=contactEmail&severity=error');
    req.flush({ items: [], total: 0, page: 1, pageSize: 25 });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(
      (fixture.nativeElement as HTMLElement)
        .querySelector('[data-testid="issues-empty"]')
        ?.textContent?.trim(),
    ).toBe('Aucune ligne ne correspond à ce filtre.');
  });

  it('corrects a cell in place: the domain rule answers as it is typed, the server checks the row again', async () => {
    const { fixture, el } = await render();
    const corrected = vi.fn();
    fixture.componentInstance.corrected.subscribe(corrected);
    (el.querySelector('[data-testid="issue-fix"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    const input = el.querySelector('[data-testid="cell-editor-input"]') as HTMLInputElement;
    expect(input.value).toBe('001561191000067');
    expect(el.querySelector('[data-testid="cell-editor-problem"]')?.textContent?.trim()).toBe(
      'ICE — le numéro est invalide (clé de contrôle)',
    );
    expect((el.querySelector('[data-testid="cell-editor-save"]') as HTMLButtonElement).disabled).toBe(true);

    input.value = '001 561 191 000 066';
    input.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="cell-editor-problem"]')).toBeNull();
    expect(el.querySelector('[data-testid="cell-editor-ok"]')?.textContent?.trim()).toBe('Valeur conforme');

    (el.querySelector('[data-testid="cell-editor-save"]') as HTMLButtonElement).click();
    const patch = http.expectOne('/api/imports/b1/rows/12');
    expect(patch.request.body).toEqual({ values: { ice: '001 561 191 000 066' } });
    const answer = { row: 12, issues: [], summary: summary({ rows: 40, valid: 39, invalid: 1 }) };
    patch.flush(answer);
    // The list reloads (a request the test answers before waiting for the page to settle).
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    http
      .expectOne((req) => req.url === '/api/imports/b1/errors')
      .flush({
        items: [issue({ row: 15, field: 'language', column: null })],
        total: 1,
        page: 1,
        pageSize: 25,
      });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(corrected).toHaveBeenCalledWith(answer);
    expect(el.querySelector('[data-testid="issue-outcome"]')?.textContent?.trim()).toBe('Ligne 12 corrigée.');
    // The corrected row left the list: keyboard focus is on the sentence saying so.
    expect(document.activeElement?.getAttribute('data-testid')).toBe('issue-outcome');
    expect(el.querySelectorAll('[data-testid="issue-row"]')).toHaveLength(1);
  });

  it('is read-only where the batch can no longer change', async () => {
    const { el } = await render(false);
    expect(el.querySelector('[data-testid="issue-fix"]')).toBeNull();
  });
});
