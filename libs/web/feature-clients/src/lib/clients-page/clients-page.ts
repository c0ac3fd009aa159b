import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject } from '@angular/core';
import { rxResource, takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatChipListboxChange, MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectChange, MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Sort } from '@angular/material/sort';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { CLIENT_STATUSES } from '@passerelle/domain-client';
import type { ClientDto } from '@passerelle/api-types';
import {
  AccountingSoftwareApi,
  CLIENT_PAGE_SIZES,
  ClientListFilters,
  ClientSort,
  ClientStatusFilter,
  ClientsApi,
  describeError,
} from '@passerelle/web-data-access-clients';
import { ClientTable, countryName } from '@passerelle/web-ui-clients';
import { I18n, TranslatePipe, TranslationKey } from '@passerelle/web-util-i18n';
import { debounceTime, distinctUntilChanged, firstValueFrom, map, of, catchError } from 'rxjs';
import { filtersFromParams, hasFilters, paramsFromFilters } from './list-state';

/**
 * Countries offered by the country filter: where a Moroccan firm's clients usually are. The list page
 * does not load the full country index (that is the form's chunk); a country given in the URL is added.
 */
const FILTER_COUNTRIES = [
  'MA',
  'FR',
  'BE',
  'ES',
  'DE',
  'NL',
  'IT',
  'PT',
  'GB',
  'CH',
  'US',
  'CA',
  'AE',
  'SN',
  'CI',
  'TN',
  'DZ',
];
const SEARCH_DEBOUNCE_MS = 300;

/** /clients: the firm's clients, searchable, filterable and sortable, all state in the URL. */
@Component({
  selector: 'psl-clients-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    ClientTable,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './clients-page.html',
  styleUrl: './clients-page.scss',
})
export class ClientsPage {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly api = inject(ClientsApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);
  private readonly softwareApi = inject(AccountingSoftwareApi);

  protected readonly statuses = CLIENT_STATUSES;
  protected readonly pageSizes = CLIENT_PAGE_SIZES;
  protected readonly filters = toSignal(this.route.queryParamMap.pipe(map(filtersFromParams)), {
    requireSync: true,
  });
  protected readonly clients = rxResource({
    params: () => this.filters(),
    stream: ({ params }) => this.api.list(params),
  });
  protected readonly configs = rxResource({
    stream: () => this.softwareApi.configs().pipe(catchError(() => of([]))),
  });

  protected readonly page = computed(() => (this.clients.hasValue() ? this.clients.value() : undefined));
  protected readonly filtered = computed(() => hasFilters(this.filters()));
  protected readonly loadError = computed(() => {
    const error = this.clients.error();
    return error ? describeError(error, this.i18n).message : null;
  });
  protected readonly countries = computed(() => {
    const lang = this.i18n.lang();
    const codes = new Set([...FILTER_COUNTRIES, ...(this.filters().country ?? [])]);
    return [...codes]
      .map((code) => ({ code, name: countryName(code, lang) }))
      .sort((a, b) => a.name.localeCompare(b.name, lang));
  });
  protected readonly shareValue = computed(() => {
    const share = this.filters().shareDocuments;
    return share === undefined ? null : share ? 'on' : 'off';
  });

  protected readonly compact = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 599px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  protected readonly search = new FormControl(this.filters().q ?? '', { nonNullable: true });

  constructor() {
    this.search.valueChanges
      .pipe(debounceTime(SEARCH_DEBOUNCE_MS), distinctUntilChanged(), takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((q) => this.update({ q, pageIndex: 0 }));
    // Back/forward or a link changes q in the URL: the box follows.
    effect(() => {
      const q = this.filters().q ?? '';
      if (q !== this.search.value.trim()) this.search.setValue(q, { emitEvent: false });
    });
  }

  protected statusKey(status: ClientStatusFilter): TranslationKey {
    return `clientStatus.${status}`;
  }

  protected onSort(sort: Sort): void {
    this.update(
      sort.direction
        ? { sort: sort.active as ClientSort, order: sort.direction, pageIndex: 0 }
        : { sort: undefined, order: undefined, pageIndex: 0 },
    );
  }

  protected onPage(event: PageEvent): void {
    this.update({ pageIndex: event.pageIndex, pageSize: event.pageSize });
  }

  protected onStatus(change: MatChipListboxChange): void {
    this.update({ status: (change.value as ClientStatusFilter[] | null) ?? [], pageIndex: 0 });
  }

  protected onShare(change: MatChipListboxChange): void {
    const value = change.value as 'on' | 'off' | null | undefined;
    this.update({ shareDocuments: value ? value === 'on' : undefined, pageIndex: 0 });
  }

  protected onCountry(change: MatSelectChange): void {
    this.update({ country: change.value as string[], pageIndex: 0 });
  }

  protected onSoftware(change: MatSelectChange): void {
    this.update({ accountingSoftwareId: (change.value as string) || undefined, pageIndex: 0 });
  }

  protected onArchived(change: MatChipListboxChange): void {
    this.update({ archived: change.value === 'archived', pageIndex: 0 });
  }

  protected clearFilters(): void {
    this.search.setValue('', { emitEvent: false });
    this.update({
      q: undefined,
      status: [],
      country: [],
      shareDocuments: undefined,
      accountingSoftwareId: undefined,
      pageIndex: 0,
    });
  }

  protected clearSearch(): void {
    this.search.setValue('');
  }

  protected open(client: ClientDto): void {
    void this.router.navigate(['/clients', client.id]);
  }

  protected edit(client: ClientDto): void {
    void this.router.navigate(['/clients', client.id, 'edit']);
  }

  protected async archive(client: ClientDto): Promise<void> {
    await this.run(this.api.archive(client.id), 'clients.archived');
  }

  protected async restore(client: ClientDto): Promise<void> {
    await this.run(this.api.restore(client.id), 'clients.restored');
  }

  private async run(
    request: ReturnType<ClientsApi['archive']>,
    doneKey: 'clients.archived' | 'clients.restored',
  ): Promise<void> {
    try {
      await firstValueFrom(request);
      this.snackBar.open(this.i18n.t(doneKey), undefined, { duration: 4000 });
      this.clients.reload();
    } catch (error) {
      this.snackBar.open(describeError(error, this.i18n).message, this.i18n.t('common.close'));
    }
  }

  private update(change: Partial<ClientListFilters>): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: paramsFromFilters({ ...this.filters(), ...change }),
    });
  }
}
