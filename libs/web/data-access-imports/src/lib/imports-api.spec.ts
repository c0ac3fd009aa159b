import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  ImportsApi,
  importErrorFileUrl,
  importIssueParams,
  importTemplateUrl,
  isImportBusy,
  type ImportUploadEvent,
} from './imports-api';

describe('imports API', () => {
  it('builds the links and the error filters the API expects', () => {
    expect(importTemplateUrl('en')).toBe('/api/imports/template?lang=en');
    expect(importErrorFileUrl('b 1')).toBe('/api/imports/b%201/error-file');
    expect(importIssueParams({ pageIndex: 0, pageSize: 25 }).toString()).toBe('page=1&pageSize=25');
    expect(
      importIssueParams({ pageIndex: 2, pageSize: 500, field: 'ice', severity: 'error' }).toString(),
    ).toBe('page=3&pageSize=200&field=ice&severity=error');
  });

  it('knows when the server is working on a batch', () => {
    expect(['parsing', 'checking', 'importing'].every((status) => isImportBusy({ status } as never))).toBe(
      true,
    );
    expect(
      ['mapping', 'checked', 'imported', 'failed', 'undone'].some((s) =>
        isImportBusy({ status: s } as never),
      ),
    ).toBe(false);
  });

  describe('over HTTP', () => {
    let http: HttpTestingController;
    let api: ImportsApi;

    beforeEach(() => {
      TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
      http = TestBed.inject(HttpTestingController);
      api = TestBed.inject(ImportsApi);
    });

    afterEach(() => http.verify());

    it('uploads the file as multipart `file` and reports progress, then the new batch', () => {
      const events: ImportUploadEvent[] = [];
      const file = new File(['Nom;Ville\n'], 'clients.csv', { type: 'text/csv' });
      api.upload(file).subscribe((event) => events.push(event));
      const req = http.expectOne('/api/imports');
      expect(req.request.method).toBe('POST');
      expect((req.request.body as FormData).get('file')).toBeInstanceOf(File);
      req.event({ type: 1, loaded: 5, total: 10 });
      req.flush({ id: 'b1' }, { status: 202, statusText: 'Accepted' });
      expect(events).toEqual([
        { kind: 'progress', loaded: 5, total: 10 },
        { kind: 'done', id: 'b1' },
      ]);
    });

    it('sends a correction, the mapping with its name, and the import mode as the API takes them', () => {
      api.correctRow('b1', 12, { ice: '001561191000066' }).subscribe();
      const patch = http.expectOne('/api/imports/b1/rows/12');
      expect(patch.request.method).toBe('PATCH');
      expect(patch.request.body).toEqual({ values: { ice: '001561191000066' } });
      patch.flush({});

      api.saveMapping('b1', { name: 0, iban: null }, 'Export Sage').subscribe();
      const put = http.expectOne('/api/imports/b1/mapping');
      expect(put.request.body).toEqual({ mapping: { name: 0, iban: null }, saveAs: 'Export Sage' });
      put.flush({});

      api.saveMapping('b1', { name: 0 }).subscribe();
      expect(http.expectOne('/api/imports/b1/mapping').request.body).toEqual({ mapping: { name: 0 } });

      api.run('b1', 'valid_only').subscribe();
      expect(http.expectOne('/api/imports/b1/import').request.body).toEqual({ mode: 'valid_only' });

      api.undo('b1').subscribe();
      expect(http.expectOne('/api/imports/b1/undo').request.method).toBe('POST');

      api.renameMapping('m1', 'Export 2026').subscribe();
      expect(http.expectOne('/api/mappings/m1').request.body).toEqual({ name: 'Export 2026' });
    });
  });
});
