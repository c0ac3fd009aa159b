import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { DocumentDto, DocumentPage } from '@passerelle/api-types';
import { ClientDocuments } from './client-documents';

const doc: DocumentDto = {
  id: 'd1',
  clientId: 'c1',
  fileName: 'Facture EDF.pdf',
  contentType: 'application/pdf',
  kind: 'pdf',
  size: 2048,
  sha256: 'a'.repeat(64),
  category: 'invoice',
  period: '2026-11',
  note: null,
  status: 'new',
  uploadedAt: '2026-11-30T08:00:00Z',
  uploadedByName: 'Karim',
  processedAt: null,
  firmDownloadedAt: null,
  deletable: true,
  delivery: { status: 'none', email: null, attempts: 0, lastReply: null, sentAt: null },
};
const page = (items: DocumentDto[]): DocumentPage => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 25,
  newCount: 1,
});

/** Lets the component's async steps (FileReader, promises) run until `probe` holds. */
async function until(probe: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !probe(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

function file(bytes: number[], name: string): File {
  return new File([new Uint8Array(bytes)], name);
}

describe('ClientDocuments', () => {
  let fixture: ComponentFixture<ClientDocuments>;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ClientDocuments);
    http.expectOne('/api/folder/documents?page=1&pageSize=25').flush(page([doc]));
    await fixture.whenStable();
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';

  it('lists the folder with a download link and a delete button while allowed', () => {
    const row = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="document-row"]');
    expect(row?.textContent).toContain('Facture EDF.pdf');
    expect(row?.querySelector('a')?.getAttribute('href')).toBe('/api/folder/documents/d1/content');
    expect(row?.querySelector('button')?.getAttribute('aria-label')).toBe('Supprimer Facture EDF.pdf');
  });

  it('refuses a file whose first bytes are not an accepted type, without sending it', async () => {
    const done = fixture.componentInstance.addFiles([file([0x4d, 0x5a, 0x90, 0x00], 'facture.pdf')]);
    let reload = http.match('/api/folder/documents?page=1&pageSize=25');
    await until(
      () =>
        (reload = reload.length ? reload : http.match('/api/folder/documents?page=1&pageSize=25')).length > 0,
    );
    http.expectNone({ method: 'POST', url: '/api/folder/documents' });
    reload[0].flush(page([doc]));
    await done;
    fixture.detectChanges();
    expect(text()).toContain(
      '« facture.pdf » n’est pas d’un type accepté. Types acceptés : PDF, JPEG, PNG, HEIC, WebP, XML (UBL).',
    );
  });

  it('uploads each file on its own and shows its error next to it', async () => {
    const pdf = file([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31], 'ok.pdf');
    const png = file([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'refusé.png');
    const done = fixture.componentInstance.addFiles([pdf, png]);
    const posts = () => http.match({ method: 'POST', url: '/api/folder/documents' });
    let pending = posts();
    await until(() => (pending = pending.length ? pending : posts()).length > 0);
    const first = pending[0];
    expect((first.request.body as FormData).get('category')).toBe('invoice');
    expect(((first.request.body as FormData).get('files') as File).name).toBe('ok.pdf');
    first.flush({ documents: [{ ...doc, id: 'd2', fileName: 'ok.pdf', duplicate: false }] });
    pending = [];
    await until(() => (pending = pending.length ? pending : posts()).length > 0);
    pending[0].flush(
      { statusCode: 413, code: 'document_too_large', message: '« refusé.png » est trop volumineux.' },
      { status: 413, statusText: 'Payload Too Large' },
    );
    let reload = http.match('/api/folder/documents?page=1&pageSize=25');
    await until(
      () =>
        (reload = reload.length ? reload : http.match('/api/folder/documents?page=1&pageSize=25')).length > 0,
    );
    reload[0].flush(page([doc]));
    await done;
    fixture.detectChanges();
    const rows = Array.from(
      (fixture.nativeElement as HTMLElement).querySelectorAll('[data-testid="upload-row"]'),
    );
    expect(rows.map((row) => row.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'refusé.png« refusé.png » est trop volumineux.',
      'ok.pdfEnvoyé',
    ]);
  });
});

describe('ClientDocuments while the firm has not turned sharing on', () => {
  it('says so plainly, with no drop zone and no « Retry »', async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ClientDocuments);
    http.expectOne('/api/folder/documents?page=1&pageSize=25').flush(
      {
        statusCode: 403,
        code: 'sharing_off',
        message: 'Le partage de documents est désactivé pour ce client.',
      },
      { status: 403, statusText: 'Forbidden' },
    );
    await fixture.whenStable();
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="documents-sharing-off"]')?.textContent).toContain(
      'Le partage de documents n’est pas encore activé pour votre entreprise.',
    );
    expect(el.querySelector('psl-drop-zone')).toBeNull();
    expect(el.querySelector('[data-testid="load-error-retry"]')).toBeNull();
    http.verify();
  });
});
