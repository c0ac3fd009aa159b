import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { provideRouter } from '@angular/router';
import type { ClientDto, ClientPage } from '@passerelle/api-types';
import { ClientsPage } from './clients-page';

function client(i: number): ClientDto & { newDocuments: number } {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: `Atlas ${i}`,
    address: '12, rue Ibn Batouta',
    postalCode: '20250',
    city: 'Casablanca',
    country: 'MA',
    ice: null,
    taxId: null,
    iban: null,
    language: 'fr',
    contactName: 'Karim Idrissi',
    contactLanguage: 'fr',
    contactEmail: null,
    shareDocuments: false,
    accountingSoftwareId: null,
    accountingSoftwareLabel: null,
    status: 'active',
    version: 1,
    archivedAt: null,
    createdAt: '2026-01-10T10:00:00.000Z',
    updatedAt: '2026-01-12T10:00:00.000Z',
    newDocuments: 0,
  };
}

/** Issue 15: a firm with more clients than the API counts. */
describe('ClientsPage with a capped total', () => {
  let fixture: ComponentFixture<ClientsPage>;
  let loader: HarnessLoader;
  let http: HttpTestingController;

  const page = (index: number, nextCursor: string): ClientPage => ({
    items: Array.from({ length: 25 }, (_, i) => client(index * 25 + i)),
    total: 10_000,
    totalCapped: true,
    nextCursor,
    page: index + 1,
    pageSize: 25,
  });
  const lists = (): TestRequest[] =>
    http.match((r) => r.url === '/api/clients' && r.params.get('status') !== 'not_invited');
  /** Lets the resources send their requests (whenStable would wait for their answers). */
  const tick = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
  };
  /** Answers everything but the list itself: configurations, bulk runs, the not-invited count. */
  const flushOthers = () => {
    for (const req of http.match((r) => r.url !== '/api/clients'))
      req.flush(req.request.url.includes('configs') ? [] : { items: [], total: 0 });
    for (const req of http.match((r) => r.params.get('status') === 'not_invited'))
      req.flush({ ...page(0, 'x'), items: [], total: 10_000 });
  };
  /** The list request the page sends next (the router navigates first, then the resource reloads). */
  const nextList = async (): Promise<TestRequest> => {
    for (let i = 0; i < 100; i++) {
      const pending = lists();
      if (pending.length) return pending[pending.length - 1];
      await new Promise((resolve) => setTimeout(resolve, 10));
      fixture.detectChanges();
    }
    throw new Error('the page sent no list request');
  };
  const settle = async () => {
    await tick();
    flushOthers();
    await fixture.whenStable();
  };

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    fixture = TestBed.createComponent(ClientsPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    http = TestBed.inject(HttpTestingController);
    await tick();
    flushOthers();
  });

  afterEach(() => http.match(() => true));

  it('says "more than" and reads the next page by the cursor of the page shown', async () => {
    const first = await nextList();
    expect(first.request.params.get('after')).toBeNull();
    first.flush(page(0, 'cursor-of-page-1'));
    await settle();
    const count = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="clients-count"]');
    expect(count?.textContent?.trim()).toBe('Plus de 10\u202f000 clients');
    expect(
      (fixture.nativeElement as HTMLElement).querySelector('[data-testid="activate-matching"]')?.textContent,
    ).toContain('(plus de 10\u202f000)');
    const paginator = await loader.getHarness(MatPaginatorHarness);
    expect(await paginator.getRangeLabel()).toBe('1 – 25 sur plus de 10\u202f000');

    const next = paginator.goToNextPage();
    const second = await nextList();
    expect(second.request.params.get('page')).toBe('2');
    expect(second.request.params.get('after')).toBe('cursor-of-page-1');
    second.flush(page(1, 'cursor-of-page-2'));
    flushOthers();
    await next;
    await settle();

    expect(await paginator.getRangeLabel()).toBe('26 – 50 sur plus de 10\u202f000');
  });
});
