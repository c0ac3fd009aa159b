import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { MatSortHarness } from '@angular/material/sort/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import type { PageEvent } from '@angular/material/paginator';
import type { Sort } from '@angular/material/sort';
import type { ClientDto } from '@passerelle/api-types';
import { ClientTable } from './client-table';

function client(overrides: Partial<ClientDto>): ClientDto {
  return {
    id: 'id-' + (overrides.name ?? 'x'),
    name: 'Atlas Négoce SARL',
    address: '12, rue Ibn Batouta',
    postalCode: '20250',
    city: 'Casablanca',
    country: 'MA',
    ice: '001525587000045',
    taxId: '1234567',
    iban: null,
    language: 'fr',
    contactName: 'Karim Idrissi',
    contactLanguage: 'fr',
    contactEmail: 'karim@atlas.ma',
    shareDocuments: false,
    accountingSoftwareId: null,
    accountingSoftwareLabel: null,
    status: 'not_invited',
    archivedAt: null,
    createdAt: '2026-01-10T10:00:00.000Z',
    updatedAt: '2026-01-12T10:00:00.000Z',
    ...overrides,
  } as ClientDto;
}

@Component({
  imports: [ClientTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<psl-client-table
    [clients]="clients()"
    [total]="60"
    [pageSize]="25"
    sort="name"
    order="asc"
    (sortChange)="sorts.push($event)"
    (pageChange)="pages.push($event)"
    (opened)="opened.push($event)"
  />`,
})
class Host {
  readonly clients = signal([
    client({ name: 'Atlas Négoce SARL', status: 'active', newDocuments: 3 } as Partial<ClientDto>),
    client({ name: 'Boulangerie Rif', city: 'Tanger', status: 'invitation_failed', contactEmail: null }),
    client({ name: 'Cèdre Bleu', status: 'active', archivedAt: '2026-01-20T10:00:00.000Z' }),
  ]);
  readonly sorts: Sort[] = [];
  readonly pages: PageEvent[] = [];
  readonly opened: ClientDto[] = [];
}

describe('ClientTable', () => {
  let fixture: ComponentFixture<Host>;
  let loader: HarnessLoader;

  beforeEach(async () => {
    localStorage.clear();
    fixture = TestBed.createComponent(Host);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  });

  it('renders one row per client with its status chip in French', async () => {
    const table = await loader.getHarness(MatTableHarness);
    const rows = await table.getRows();
    expect(rows).toHaveLength(3);
    const first = await rows[0].getCellTextByColumnName();
    expect(first['name']).toBe('Atlas Négoce SARL');
    expect(first['country']).toBe('Maroc');
    expect(first['status']).toBe('Actif');
    const second = await rows[1].getCellTextByColumnName();
    expect(second['city']).toBe('Tanger');
    expect(second['status']).toBe('Invitation échouée');
    // Archiving keeps the status: both are shown.
    expect((await rows[2].getCellTextByColumnName())['status']).toBe('Actif Archivé');
  });

  it('shows how many shared documents are still new, and nothing when there are none', async () => {
    const rows = await (await loader.getHarness(MatTableHarness)).getRows();
    expect((await rows[0].getCellTextByColumnName())['documents']).toBe('3');
    expect((await rows[1].getCellTextByColumnName())['documents']).toBe('');
    const badge = (fixture.nativeElement as HTMLElement).querySelector(
      '[data-testid="client-new-documents"]',
    );
    expect(badge?.getAttribute('aria-label')).toBe('3 nouveau(x) document(s) à traiter');
  });

  it('emits the sort the user asks for', async () => {
    const sort = await loader.getHarness(MatSortHarness);
    const [city] = await sort.getSortHeaders({ label: 'Ville' });
    await city.click();
    expect(fixture.componentInstance.sorts).toEqual([{ active: 'city', direction: 'asc' }]);
  });

  it('emits page changes', async () => {
    const paginator = await loader.getHarness(MatPaginatorHarness);
    expect(await paginator.getRangeLabel()).toBe('1 – 25 sur 60');
    await paginator.goToNextPage();
    expect(fixture.componentInstance.pages.map((p) => [p.pageIndex, p.pageSize])).toEqual([[1, 25]]);
  });

  it('is one Tab stop: arrows move between rows, Enter opens, Shift+F10 opens the row menu', async () => {
    const el = fixture.nativeElement as HTMLElement;
    document.body.appendChild(el);
    const rows = Array.from(el.querySelectorAll<HTMLElement>('[data-testid="client-row"]'));
    expect(rows.map((row) => row.tabIndex)).toEqual([0, -1, -1]);
    expect(el.querySelector<HTMLElement>('[data-testid="client-menu"]')?.tabIndex).toBe(-1);
    const press = (key: string, shiftKey = false) =>
      (document.activeElement as HTMLElement).dispatchEvent(
        new KeyboardEvent('keydown', { key, shiftKey, bubbles: true }),
      );
    rows[0].focus();
    press('ArrowDown');
    expect(document.activeElement).toBe(rows[1]);
    press('Enter');
    expect(fixture.componentInstance.opened.map((c) => c.name)).toEqual(['Boulangerie Rif']);
    press('F10', true);
    await fixture.whenStable();
    const items = Array.from(document.querySelectorAll<HTMLElement>('.mat-mdc-menu-panel [mat-menu-item]'));
    expect(items.map((item) => item.querySelector('span')?.textContent?.trim())).toEqual([
      'Modifier',
      'Archiver',
    ]);
    // The second row's menu, focus on its first item.
    expect(document.activeElement).toBe(items[0]);
  });

  it('opens a client when its row is clicked', async () => {
    const row = (fixture.nativeElement as HTMLElement).querySelectorAll<HTMLElement>(
      '[data-testid="client-row"]',
    )[1];
    row.click();
    expect(fixture.componentInstance.opened.map((c) => c.name)).toEqual(['Boulangerie Rif']);
  });
});
