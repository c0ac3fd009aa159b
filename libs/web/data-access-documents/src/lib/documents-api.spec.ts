import {
  documentArchiveUrl,
  documentContentUrl,
  documentExportUrl,
  documentListParams,
  documentsPath,
  OWN_FOLDER,
} from './documents-api';

describe('documents API paths', () => {
  it('points a client at its own folder and staff at one client', () => {
    expect(documentsPath(OWN_FOLDER)).toBe('/api/folder/documents');
    expect(documentsPath({ kind: 'client', clientId: 'c1' })).toBe('/api/clients/c1/documents');
    expect(documentContentUrl({ kind: 'client', clientId: 'c1' }, 'd1')).toBe(
      '/api/clients/c1/documents/d1/content',
    );
    expect(documentArchiveUrl('c1', ['a', 'b'])).toBe('/api/clients/c1/documents/archive?ids=a,b');
    expect(documentExportUrl('c1', '2026-11')).toBe('/api/clients/c1/documents/export?period=2026-11');
  });

  it('sends only the filters that are set, with a 1-based page', () => {
    expect(documentListParams({ pageIndex: 0, pageSize: 25 }).toString()).toBe('page=1&pageSize=25');
    expect(
      documentListParams({
        pageIndex: 2,
        pageSize: 10,
        category: 'invoice',
        period: '2026-11',
        q: '  edf ',
        status: 'new',
      }).toString(),
    ).toBe('page=3&pageSize=10&category=invoice&period=2026-11&q=edf&status=new');
  });
});
