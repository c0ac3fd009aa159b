import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { BulkInvitationRuns } from '@passerelle/web-data-access-invitations';
import { ImportBatchState } from '@passerelle/web-data-access-imports';
import { batch, nextRequest, setUpHttp, summary } from '../testing/batches';
import { ImportStep } from './import-step';

describe('ImportStep', () => {
  let http: HttpTestingController;

  function render(overrides: Parameters<typeof batch>[0]) {
    http = setUpHttp([ImportBatchState]);
    const fixture = TestBed.createComponent(ImportStep);
    fixture.componentRef.setInput('batch', batch(overrides));
    fixture.detectChanges();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  afterEach(() => {
    TestBed.inject(ImportBatchState).stop();
    TestBed.inject(BulkInvitationRuns).stop();
    http.verify();
  });

  it('keeps "Import all" disabled while rows have errors, says why, and offers the valid rows', () => {
    const { el } = render({
      status: 'checked',
      summary: summary({ rows: 1000, valid: 963, invalid: 37, toCreate: 960, toSkip: 3 }),
    });
    const all = el.querySelector('[data-testid="import-all"]') as HTMLButtonElement;
    expect(all.disabled).toBe(true);
    expect(all.textContent?.trim()).toBe('Tout importer (960 clients)');
    expect(all.getAttribute('aria-describedby')).toBe('import-all-why');
    expect(el.querySelector('#import-all-why')?.textContent?.trim()).toBe(
      '37 lignes ont encore des erreurs : corrigez-les, ou importez seulement les lignes valides.',
    );
    expect(el.querySelector('[data-testid="import-valid"]')?.textContent?.trim()).toBe(
      'Importer les 960 lignes valides et ignorer les 40 autres',
    );
  });

  it('imports the valid rows and follows the import', async () => {
    const { fixture } = render({
      status: 'checked',
      summary: summary({ rows: 3, valid: 2, invalid: 1, toCreate: 2 }),
    });
    const done = fixture.componentInstance.run('valid_only');
    const run = http.expectOne('/api/imports/b1/import');
    expect(run.request.body).toEqual({ mode: 'valid_only' });
    run.flush({ id: 'b1' }, { status: 202, statusText: 'Accepted' });
    await new Promise((resolve) => setTimeout(resolve));
    http
      .expectOne('/api/imports/b1')
      .flush(batch({ status: 'imported', summary: summary({ rows: 3, created: 2, skipped: 1 }) }));
    await done;
    expect(TestBed.inject(ImportBatchState).batch()?.status).toBe('imported');
  });

  it('shows the result with a link to the new clients and invites the batch after a confirmation', async () => {
    const { fixture, el } = render({
      status: 'imported',
      summary: summary({ rows: 3, valid: 2, invalid: 1, created: 2, skipped: 1 }),
    });
    expect(el.querySelector('[data-testid="import-result"] h2')?.textContent?.trim()).toBe('2 clients créés');
    const link = el.querySelector('[data-testid="see-clients"]') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/clients?batch=b1');
    expect(link.textContent?.trim()).toBe('Voir les 2 nouveaux clients');

    const dialog = TestBed.inject(MatDialog);
    const open = vi.spyOn(dialog, 'open');
    (el.querySelector('[data-testid="invite-batch"]') as HTMLButtonElement).click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(open.mock.calls[0][1]?.data).toMatchObject({ title: 'Inviter 2 clients ?' });
    (document.querySelector('[data-testid="confirm-ok"]') as HTMLButtonElement).click();
    const start = await nextRequest(http, '/api/invitations/bulk');
    expect(start.request.body).toEqual({ importBatchId: 'b1' });
    start.flush({ id: 'run1' }, { status: 202, statusText: 'Accepted' });
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne('/api/invitations/bulk/run1').flush({
      id: 'run1',
      total: 2,
      queued: 2,
      sent: 0,
      failed: 0,
      skipped: 0,
      skippedClients: [],
      done: false,
      createdAt: '2026-11-30T10:00:00.000Z',
    });
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="bulk-run"]')?.textContent).toContain('Activation de 2 clients');
  });
});
