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
    [totalCapped]="capped()"
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
  readonly capped = signal(false);
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
    expect(badge?.getAttribute('aria-label')).toBe('3 nouveaux documents à traiter');
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

  it('says "more than" when the API stopped counting, and still offers the next page', async () => {
    fixture.componentInstance.capped.set(true);
    await fixture.whenStable();
    const paginator = await loader.getHarness(MatPaginatorHarness);
    expect(await paginator.getRangeLabel()).toBe('1 – 25 sur plus de 60');
    fixture.componentInstance.capped.set(false);
    await fixture.whenStable();
    expect(await paginator.getRangeLabel()).toBe('1 – 25 sur 60');
    fixture.componentInstance.capped.set(true);
    await fixture.whenStable();
    await paginator.goToNextPage();
    expect(fixture.componentInstance.pages.map((p) => p.pageIndex)).toEqual([1]);
    expect(await paginator.getRangeLabel()).toBe('26 – 50 sur plus de 60');
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
      expect.stringMatching(/^Activer/),
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

@Component({
  imports: [ClientTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<psl-client-table
    [clients]="clients()"
    [total]="4"
    selectable
    [selectedIds]="selected()"
    (selectedChange)="changes.push($event.client.name + ':' + $event.selected)"
    (pageSelectedChange)="pageChanges.push($event)"
    (activate)="actions.push('activate ' + $event.name)"
    (resendInvitation)="actions.push('resend ' + $event.name)"
    (revokeInvitation)="actions.push('revoke ' + $event.name)"
    (openFolder)="actions.push('folder ' + $event.name)"
  />`,
})
class ActivationHost {
  readonly clients = signal([
    client({ name: 'Ready', status: 'not_invited' }),
    client({ name: 'No e-mail', status: 'not_invited', contactEmail: null }),
    client({ name: 'Invited', status: 'invited' }),
    client({ name: 'Active', status: 'active' }),
  ]);
  readonly selected = signal<ReadonlySet<string>>(new Set(['id-Ready']));
  readonly changes: string[] = [];
  readonly pageChanges: boolean[] = [];
  readonly actions: string[] = [];
}

describe('ClientTable activation', () => {
  let fixture: ComponentFixture<ActivationHost>;
  let el: HTMLElement;

  beforeEach(async () => {
    localStorage.clear();
    fixture = TestBed.createComponent(ActivationHost);
    el = fixture.nativeElement as HTMLElement;
    document.body.appendChild(el);
    await fixture.whenStable();
  });

  async function menuOf(rowIndex: number): Promise<HTMLElement[]> {
    el.querySelectorAll<HTMLElement>('[data-testid="client-menu"]')[rowIndex].click();
    await fixture.whenStable();
    const items = Array.from(document.querySelectorAll<HTMLElement>('.mat-mdc-menu-panel [mat-menu-item]'));
    return items;
  }

  const testIds = (items: HTMLElement[]) => items.map((item) => item.dataset['testid']);

  it('offers Activate, says why it cannot be, and emits the client', async () => {
    const ready = await menuOf(0);
    expect(testIds(ready)).toEqual(['client-menu-edit', 'client-menu-archive', 'client-menu-activate']);
    ready[2].click();
    expect(fixture.componentInstance.actions).toEqual(['activate Ready']);
    await fixture.whenStable();

    const blocked = await menuOf(1);
    const activate = blocked[2] as HTMLButtonElement;
    expect(activate.disabled).toBe(true);
    expect(activate.querySelector('[data-testid="client-menu-activate-reason"]')?.textContent?.trim()).toBe(
      'Ce client n’a pas d’adresse e-mail de contact : ajoutez-la à sa fiche pour pouvoir l’inviter.',
    );
  });

  it('offers Resend and Revoke while invited, Open client folder once active', async () => {
    const invited = await menuOf(2);
    expect(testIds(invited)).toEqual([
      'client-menu-edit',
      'client-menu-archive',
      'client-menu-resend',
      'client-menu-revoke',
    ]);
    invited[3].click();
    await fixture.whenStable();
    const active = await menuOf(3);
    expect(testIds(active)).toEqual(['client-menu-edit', 'client-menu-archive', 'client-menu-folder']);
    active[2].click();
    expect(fixture.componentInstance.actions).toEqual(['revoke Invited', 'folder Active']);
  });

  it('selects rows one by one or the whole page', async () => {
    const boxes = Array.from(el.querySelectorAll<HTMLElement>('[data-testid="client-select"] input'));
    expect(boxes.map((box) => (box as HTMLInputElement).checked)).toEqual([true, false, false, false]);
    boxes[1].click();
    expect(fixture.componentInstance.changes).toEqual(['No e-mail:true']);
    (el.querySelector('[data-testid="clients-select-page"] input') as HTMLElement).click();
    expect(fixture.componentInstance.pageChanges).toEqual([true]);
  });
});
