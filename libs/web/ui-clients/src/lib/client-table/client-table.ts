import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatPaginatorIntl, MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import type { ClientDto } from '@passerelle/api-types';
import { I18n, TranslatePipe } from '@passerelle/web-util-i18n';
import { ClientStatusChip } from '../client-status-chip/client-status-chip';
import { countryName, formatDate } from '../display-names';
import { TranslatedPaginatorIntl } from '../translated-paginator-intl';

/**
 * One page of clients with server-side sort and pagination: it shows what it is given and says what the
 * user asked for (sort, page, open, edit, archive, restore); the page owns the data and the URL.
 */
@Component({
  selector: 'psl-client-table',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatMenuModule,
    MatPaginatorModule,
    MatSortModule,
    MatTableModule,
    TranslatePipe,
    ClientStatusChip,
  ],
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './client-table.html',
  styleUrl: './client-table.scss',
})
export class ClientTable {
  private readonly i18n = inject(I18n);

  readonly clients = input.required<readonly ClientDto[]>();
  readonly total = input.required<number>();
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

  /** Narrow screens: only the columns that identify a client and its state. */
  readonly compact = input(false);

  protected readonly columns = computed(() =>
    this.compact()
      ? ['name', 'status', 'actions']
      : ['name', 'city', 'country', 'status', 'contact', 'updatedAt', 'actions'],
  );
  protected readonly lang = this.i18n.lang;

  protected country(code: string): string {
    return countryName(code, this.lang());
  }

  protected date(iso: string): string {
    return formatDate(iso, this.lang());
  }

  protected row(client: unknown): ClientDto {
    return client as ClientDto;
  }
}
