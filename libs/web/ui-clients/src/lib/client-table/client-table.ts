import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  booleanAttribute,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  output,
  viewChild,
  viewChildren,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule, MatMenuTrigger, MenuCloseReason } from '@angular/material/menu';
import { MatPaginatorIntl, MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import type { ClientDto } from '@passerelle/api-types';
import { activationBlocker, apiErrorMessage } from '@passerelle/domain-client';
import {
  CardList,
  CardTemplate,
  RovingFocus,
  RovingItem,
  TranslatedPaginatorIntl,
  injectHostWidth,
  injectNarrowScreen,
} from '@passerelle/web-ui-common';
import { I18n, TranslatePipe, formatDay } from '@passerelle/web-util-i18n';
import { ClientStatusChip } from '../client-status-chip/client-status-chip';
import { countryName } from '../display-names';

/** Columns by the table's own width: it always fits its container (no horizontal scrolling). */
const ALL_COLUMNS = ['name', 'city', 'country', 'status', 'documents', 'contact', 'updatedAt', 'actions'];
const MEDIUM_COLUMNS = ['name', 'city', 'status', 'documents', 'updatedAt', 'actions'];
const SMALL_COLUMNS = ['name', 'status', 'actions'];
export const FULL_TABLE_MIN_WIDTH = 960;
export const MEDIUM_TABLE_MIN_WIDTH = 640;

let nextId = 0;

/**
 * One page of clients with server-side sort and pagination: it shows what it is given and says what the
 * user asked for (sort, page, open, edit, archive, restore); the page owns the data and the URL.
 * It fits its container: fixed widths for chips, dates and actions, names on two lines at most (the full
 * name on hover and when the row has focus), columns chosen by the table's own width, and a list of cards
 * on a phone. One Tab stop for the rows: ↑/↓ move, Enter opens, Shift+F10 or the menu key opens the row menu.
 */
@Component({
  selector: 'psl-client-table',
  imports: [
    NgTemplateOutlet,
    MatButtonModule,
    MatCheckboxModule,
    MatDividerModule,
    MatIconModule,
    MatMenuModule,
    MatPaginatorModule,
    MatSortModule,
    MatTableModule,
    TranslatePipe,
    CardList,
    CardTemplate,
    RovingFocus,
    RovingItem,
    ClientStatusChip,
  ],
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './client-table.html',
  styleUrl: './client-table.scss',
})
export class ClientTable {
  private readonly i18n = inject(I18n);
  private readonly paginatorIntl = inject(MatPaginatorIntl) as TranslatedPaginatorIntl;
  private readonly paginatorLength = effect(() => {
    this.paginatorIntl.lengthIsLowerBound = this.totalCapped();
    this.paginatorIntl.changes.next();
  });

  readonly clients = input.required<readonly ClientDto[]>();
  readonly total = input.required<number>();
  /** The total is a lower bound (the API stopped counting): the paginator says "of more than …". */
  readonly totalCapped = input(false);
  readonly pageIndex = input(0);
  readonly pageSize = input(25);
  readonly pageSizeOptions = input<readonly number[]>([10, 25, 50, 100]);
  readonly sort = input<string | undefined>(undefined);
  readonly order = input<'asc' | 'desc' | undefined>(undefined);
  /** Archived view: the row menu offers Restore instead of Edit/Archive. */
  readonly archived = input(false);

  readonly sortChange = output<Sort>();
  readonly pageChange = output<PageEvent>();
  readonly opened = output<ClientDto>();
  readonly edit = output<ClientDto>();
  readonly archive = output<ClientDto>();
  readonly restore = output<ClientDto>();
  /** Activation (issue 9): a selection column for bulk activation, and the row menu's activation actions. */
  readonly selectable = input(false, { transform: booleanAttribute });
  readonly selectedIds = input<ReadonlySet<string>>(new Set());
  readonly selectedChange = output<{ client: ClientDto; selected: boolean }>();
  readonly pageSelectedChange = output<boolean>();
  readonly activate = output<ClientDto>();
  readonly resendInvitation = output<ClientDto>();
  readonly revokeInvitation = output<ClientDto>();
  readonly openFolder = output<ClientDto>();

  private readonly width = injectHostWidth();
  protected readonly cards = injectNarrowScreen();
  protected readonly columns = computed(() => {
    const width = this.width();
    // 0 before the first layout: assume the widest, as a desktop first paint would be.
    const columns =
      width === 0 || width >= FULL_TABLE_MIN_WIDTH
        ? ALL_COLUMNS
        : width >= MEDIUM_TABLE_MIN_WIDTH
          ? MEDIUM_COLUMNS
          : SMALL_COLUMNS;
    return this.selectable() ? ['select', ...columns] : columns;
  });
  protected readonly allSelected = computed(
    () => this.clients().length > 0 && this.clients().every((client) => this.selectedIds().has(client.id)),
  );
  protected readonly someSelected = computed(() =>
    this.clients().some((client) => this.selectedIds().has(client.id)),
  );
  protected readonly keysHintId = `client-table-keys-${nextId++}`;
  protected readonly lang = this.i18n.lang;
  protected readonly trackId = (client: ClientDto) => client.id;
  protected readonly trackRow = (_: number, client: ClientDto) => client.id;

  private readonly roving = viewChild(RovingFocus);
  private readonly menuTriggers = viewChildren(MatMenuTrigger);
  private readonly menuButtons = viewChildren(MatMenuTrigger, { read: ElementRef });

  /** Gives focus back to the list (its current row or card), e.g. after the focused client left it. */
  focusList(): void {
    this.roving()?.focusCurrent();
  }

  /** Documents the client shared that nobody processed yet (issue 12; in list rows only). */
  protected newDocuments(client: unknown): number {
    return (client as { newDocuments?: number }).newDocuments ?? 0;
  }

  protected country(code: string): string {
    return countryName(code, this.lang());
  }

  protected date(iso: string): string {
    return formatDay(iso, this.lang());
  }

  /** Why Activate is disabled for this client (the API's rule and message), or null when it is not. */
  protected activationBlocked(client: ClientDto): string | null {
    const blocker = activationBlocker(client);
    return blocker ? apiErrorMessage(blocker, this.lang()) : null;
  }

  protected row(client: unknown): ClientDto {
    return client as ClientDto;
  }

  protected onRowEnter(event: Event, client: ClientDto): void {
    if (event.target !== event.currentTarget) return;
    this.opened.emit(client);
  }

  protected openMenuFromKey(event: Event): void {
    event.preventDefault();
    this.openMenuIn(event.currentTarget as HTMLElement);
  }

  /** Opens the menu of the row or card `container`, focus on its first item (as a keyboard user expects). */
  protected openMenuIn(container: HTMLElement): void {
    const buttons = this.menuButtons();
    const index = buttons.findIndex((button) => container.contains(button.nativeElement as Node));
    const trigger = this.menuTriggers()[index];
    if (!trigger || trigger.menuOpen) return;
    trigger.openMenu();
    trigger.menu?.focusFirstItem('keyboard');
  }

  /** The menu closed without leaving the page: focus goes back to its row (one Tab stop, arrows work). */
  protected onMenuClosed(reason: MenuCloseReason): void {
    if (reason === 'click') return; // an item was chosen: the page decides where focus goes next
    queueMicrotask(() => this.focusList());
  }
}
