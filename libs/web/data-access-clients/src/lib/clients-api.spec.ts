import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { ClientPage } from '@passerelle/api-types';
import { firstValueFrom } from 'rxjs';
import { ClientsApi } from './clients-api';

describe('ClientsApi', () => {
  let api: ClientsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(ClientsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  const empty: ClientPage = {
    items: [],
    total: 0,
    totalCapped: false,
    nextCursor: null,
    page: 1,
    pageSize: 25,
  };

  it('builds the query string from every filter', async () => {
    const result = firstValueFrom(
      api.list({
        pageIndex: 2,
        pageSize: 50,
        sort: 'city',
        order: 'desc',
        q: '  atlas ',
        status: ['invited', 'active'],
        country: ['MA', 'FR'],
        shareDocuments: false,
        accountingSoftwareId: 'c0ffee00-0000-4000-8000-000000000001',
        archived: true,
        after: 'WyJjaXR5IiwiZGVzYyJd',
      }),
    );
    const req = http.expectOne((r) => r.url === '/api/clients');
    expect(req.request.method).toBe('GET');
    const params = req.request.params;
    expect(params.get('page')).toBe('3');
    expect(params.get('pageSize')).toBe('50');
    expect(params.get('sort')).toBe('city');
    expect(params.get('order')).toBe('desc');
    expect(params.get('q')).toBe('atlas');
    expect(params.get('status')).toBe('invited,active');
    expect(params.get('country')).toBe('MA,FR');
    expect(params.get('shareDocuments')).toBe('false');
    expect(params.get('accountingSoftwareId')).toBe('c0ffee00-0000-4000-8000-000000000001');
    expect(params.get('archived')).toBe('true');
    expect(params.get('after')).toBe('WyJjaXR5IiwiZGVzYyJd');
    req.flush(empty);
    await expect(result).resolves.toEqual(empty);
  });

  it('leaves empty filters out and caps the page size at 200', () => {
    void firstValueFrom(api.list({ pageIndex: 0, pageSize: 5000, q: '   ', status: [], country: [] }));
    const req = http.expectOne((r) => r.url === '/api/clients');
    expect(req.request.params.keys().sort()).toEqual(['page', 'pageSize']);
    expect(req.request.params.get('page')).toBe('1');
    expect(req.request.params.get('pageSize')).toBe('200');
    req.flush(empty);
  });

  it('archives and restores through their own endpoints', () => {
    void firstValueFrom(api.archive('a/b'));
    http.expectOne({ method: 'POST', url: '/api/clients/a%2Fb/archive' }).flush({});
    void firstValueFrom(api.restore('id1'));
    http.expectOne({ method: 'POST', url: '/api/clients/id1/restore' }).flush({});
  });
});
