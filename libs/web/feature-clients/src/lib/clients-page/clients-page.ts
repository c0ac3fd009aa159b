import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
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
import { MatTooltipModule } from '@angular/material/tooltip';
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
import { importTemplateUrl } from '@passerelle/web-data-access-imports';
import { BulkInvitationRuns } from '@passerelle/web-data-access-invitations';
import { ClientTable, countryName } from '@passerelle/web-ui-clients';
import { BulkRunCard } from '@passerelle/web-ui-invitations';
import {
  ActiveFilter,
  FilterChips,
  LoadError,
  ResponsiveFilters,
  UndoSnackbar,
  confirm,
  injectNarrowScreen,
} from '@passerelle/web-ui-common';
import { I18n, TranslatePipe, TranslationKey } from '@passerelle/web-util-i18n';
import { debounceTime, distinctUntilChanged, firstValueFrom, map, of } from 'rxjs';
import { filtersFromParams, hasFilters, paramsFromFilters } from './list-state';
import { ClientActivation } from '../client-activation';
import { MatDialog } from '@angular/material/dialog';

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
    MatTooltipModule,
    TranslatePipe,
    ClientTable,
    BulkRunCard,
    FilterChips,
    LoadError,
    ResponsiveFilters,
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
  private readonly undo = inject(UndoSnackbar);
  private readonly injector = inject(Injector);
  private readonly table = viewChild(ClientTable);

  protected readonly statuses = CLIENT_STATUSES;
  protected readonly pageSizes = CLIENT_PAGE_SIZES;
  protected readonly filters = toSignal(this.route.queryParamMap.pipe(map(filtersFromParams)), {
    requireSync: true,
  });
  /** "Next page" from a full page: the API reads it from that page's last sort key (keyset, issue 15). */
  private readonly nextFrom = signal<{ pageIndex: number; pageSize: number; after: string } | undefined>(
    undefined,
  );
  protected readonly clients = rxResource({
    params: () => {
      const filters = this.filters();
      const next = this.nextFrom();
      return next && next.pageIndex === filters.pageIndex && next.pageSize === filters.pageSize
        ? { ...filters, after: next.after }
        : filters;
    },
    stream: ({ params }) => this.api.list(params),
  });
  protected readonly configs = rxResource({ stream: () => this.softwareApi.configs() });

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

  protected readonly narrow = injectNarrowScreen();
  protected readonly templateUrl = computed(() => importTemplateUrl(this.i18n.lang()));

  // Activation (issue 9): row actions, a selection for bulk activation, and the bulk runs' progress.
  private readonly activation = inject(ClientActivation);
  private readonly dialog = inject(MatDialog);
  protected readonly bulk = inject(BulkInvitationRuns);
  protected readonly selection = signal<ReadonlyMap<string, ClientDto>>(new Map());
  protected readonly selectedIds = computed((): ReadonlySet<string> => new Set(this.selection().keys()));
  /** How many not-invited clients match the filters (the "activate all" button's count; capped: "more than"). */
  protected readonly notInvited = rxResource({
    params: () => ({ ...this.filters(), pageIndex: 0, pageSize: 1 }),
    stream: ({ params }) =>
      params.archived || (params.status?.length && !params.status.includes('not_invited'))
        ? of({ count: 0, capped: false })
        : this.api
            .list({ ...params, status: ['not_invited'] })
            .pipe(map((page) => ({ count: page.total, capped: page.totalCapped }))),
  });

  /** The filters in force, as removable chips (what stays visible on a phone). */
  protected readonly activeFilters = computed((): ActiveFilter[] => {
    const filters = this.filters();
    const chips: ActiveFilter[] = [];
    const named = (key: TranslationKey, value: string) =>
      this.i18n.t('clients.filters.named', { filter: this.i18n.t(key), value });
    for (const status of filters.status ?? [])
      chips.push({
        key: `status:${status}`,
        label: named('clients.filters.status', this.i18n.t(this.statusKey(status))),
      });
    if (filters.shareDocuments !== undefined)
      chips.push({
        key: 'share',
        label: this.i18n.t(
          filters.shareDocuments ? 'clients.filters.sharingOn' : 'clients.filters.sharingOff',
        ),
      });
    for (const code of filters.country ?? [])
      chips.push({
        key: `country:${code}`,
        label: named('clients.filters.country', countryName(code, this.i18n.lang())),
      });
    if (filters.accountingSoftwareId) {
      const config = this.configs.value()?.find((c) => c.id === filters.accountingSoftwareId);
      chips.push({ key: 'software', label: named('clients.filters.software', config?.label ?? '…') });
    }
    if (filters.archived) chips.push({ key: 'archived', label: this.i18n.t('clients.filters.archived') });
    if (filters.importBatchId)
      chips.push({ key: 'batch', label: this.i18n.t('clients.filters.importBatchChip') });
    return chips;
  });
  /** After an archive: focus goes back to the list once it has reloaded. */
  private readonly refocusList = signal(false);

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
    void this.bulk.resume().catch(() => undefined);
    // A bulk run finished: the statuses in the list changed.
    effect(() => {
      if (this.bulk.finished() === 0) return;
      untracked(() => {
        this.clients.reload();
        this.notInvited.reload();
      });
    });
    effect(() => {
      if (this.clients.isLoading() || !this.refocusList()) return;
      untracked(() => this.refocusList.set(false));
      afterNextRender(() => this.table()?.focusList(), { injector: this.injector });
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
    const after = this.page()?.nextCursor;
    const next =
      event.pageIndex === (event.previousPageIndex ?? -1) + 1 && event.pageSize === this.filters().pageSize;
    this.nextFrom.set(
      after && next ? { pageIndex: event.pageIndex, pageSize: event.pageSize, after } : undefined,
    );
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
      archived: false,
      importBatchId: undefined,
      pageIndex: 0,
    });
  }

  protected removeFilter(key: string): void {
    const [kind, value] = key.split(':');
    const filters = this.filters();
    if (kind === 'status')
      this.update({ status: (filters.status ?? []).filter((s) => s !== value), pageIndex: 0 });
    else if (kind === 'country')
      this.update({ country: (filters.country ?? []).filter((c) => c !== value), pageIndex: 0 });
    else if (kind === 'share') this.update({ shareDocuments: undefined, pageIndex: 0 });
    else if (kind === 'software') this.update({ accountingSoftwareId: undefined, pageIndex: 0 });
    else if (kind === 'archived') this.update({ archived: false, pageIndex: 0 });
    else if (kind === 'batch') this.update({ importBatchId: undefined, pageIndex: 0 });
  }

  protected clearSearch(): void {
    this.search.setValue('');
  }

  protected open(client: ClientDto): void {
    void this.router.navigate(['/clients', client.id]);
  }

  protected edit(client: ClientDto): void {
    // After saving, the form comes back here: same filters, same page.
    void this.router.navigate(['/clients', client.id, 'edit'], { state: { returnUrl: this.router.url } });
  }

  /** At once, with "Annuler" in the snackbar for a few seconds (no confirmation dialog to click through). */
  protected async archive(client: ClientDto): Promise<void> {
    if (!(await this.run(this.api.archive(client.id)))) return;
    if (await this.undo.offer(this.i18n.t('clients.archivedNamed', { name: client.name }))) {
      if (await this.run(this.api.restore(client.id)))
        this.snackBar.open(this.i18n.t('clients.restoredNamed', { name: client.name }), undefined, {
          duration: 4000,
        });
    }
  }

  protected async restore(client: ClientDto): Promise<void> {
    if (!(await this.run(this.api.restore(client.id)))) return;
    if (await this.undo.offer(this.i18n.t('clients.restoredNamed', { name: client.name })))
      await this.run(this.api.archive(client.id));
  }

  protected async activate(client: ClientDto): Promise<void> {
    if (await this.activation.activate(client)) this.afterActivation();
  }

  protected async resendInvitation(client: ClientDto): Promise<void> {
    if (await this.activation.resend(client)) this.afterActivation();
  }

  protected async revokeInvitation(client: ClientDto): Promise<void> {
    if (await this.activation.revoke(client)) this.afterActivation();
  }

  protected openFolder(client: ClientDto): void {
    void this.router.navigate(['/clients', client.id, 'folder']);
  }

  protected onSelected(change: { client: ClientDto; selected: boolean }): void {
    this.selection.update((current) => {
      const next = new Map(current);
      if (change.selected) next.set(change.client.id, change.client);
      else next.delete(change.client.id);
      return next;
    });
  }

  protected onPageSelected(selected: boolean): void {
    this.selection.update((current) => {
      const next = new Map(current);
      for (const client of this.page()?.items ?? []) {
        if (selected) next.set(client.id, client);
        else next.delete(client.id);
      }
      return next;
    });
  }

  protected clearSelection(): void {
    this.selection.set(new Map());
  }

  /** The selected clients in one bulk run (those that cannot be invited are skipped, with the reason). */
  protected async activateSelected(): Promise<void> {
    const clientIds = [...this.selection().keys()];
    const ok = await confirm(this.dialog, {
      title: this.i18n.t('activation.confirmSelectedTitle', { count: clientIds.length }),
      message: this.i18n.t('activation.confirmSelectedText'),
      confirmLabel: this.i18n.t('activation.confirm'),
      cancelLabel: this.i18n.t('common.cancel'),
    });
    if (!ok) return;
    if (await this.startBulk({ clientIds })) this.clearSelection();
  }

  /** Every not-invited client matching the filters in force, in one bulk run. */
  protected async activateMatching(): Promise<void> {
    const { count, capped } = this.notInvited.value() ?? { count: 0, capped: false };
    const ok = await confirm(this.dialog, {
      title: this.i18n.t(capped ? 'activation.confirmMatchingMoreTitle' : 'activation.confirmMatchingTitle', {
        count,
      }),
      message: this.i18n.t('activation.confirmMatchingText'),
      confirmLabel: this.i18n.t('activation.confirm'),
      cancelLabel: this.i18n.t('common.cancel'),
    });
    if (!ok) return;
    const { q, status, country, shareDocuments, accountingSoftwareId, importBatchId } = this.filters();
    // The bulk filter has no batch: one import's clients are invited by batch (those invited already skipped).
    if (importBatchId) {
      await this.startBulk({ importBatchId });
      return;
    }
    await this.startBulk({
      filter: {
        q: q?.trim() || undefined,
        status: status?.length ? [...status] : undefined,
        country: country?.length ? [...country] : undefined,
        shareDocuments,
        accountingSoftwareId,
      },
      status: 'not_invited',
    });
  }

  private async startBulk(request: Parameters<BulkInvitationRuns['start']>[0]): Promise<boolean> {
    try {
      await this.bulk.start(request);
      return true;
    } catch (error) {
      this.snackBar.open(describeError(error, this.i18n).message, this.i18n.t('common.close'));
      return false;
    }
  }

  private afterActivation(): void {
    this.clients.reload();
    this.notInvited.reload();
  }

  /** Runs the request; the list reloads and keeps keyboard focus. False (and a message) when it failed. */
  private async run(request: ReturnType<ClientsApi['archive']>): Promise<boolean> {
    try {
      await firstValueFrom(request);
      this.refocusList.set(true);
      this.clients.reload();
      return true;
    } catch (error) {
      this.snackBar.open(describeError(error, this.i18n).message, this.i18n.t('common.close'));
      return false;
    }
  }

  private update(change: Partial<ClientListFilters>): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: paramsFromFilters({ ...this.filters(), ...change }),
    });
  }
}
