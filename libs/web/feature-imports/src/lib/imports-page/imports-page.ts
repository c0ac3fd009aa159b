import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorIntl, MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import type { ImportBatch } from '@passerelle/api-types';
import { loadErrorMessage } from '@passerelle/web-data-access-clients';
import {
  ImportsApi,
  importTemplateUrl,
  isImportBusy,
  type Paging,
} from '@passerelle/web-data-access-imports';
import {
  CardList,
  CardTemplate,
  LoadError,
  TranslatedPaginatorIntl,
  injectNarrowScreen,
} from '@passerelle/web-ui-common';
import { I18n, TranslatePipe, formatDate, formatNumber } from '@passerelle/web-util-i18n';
import { timer } from 'rxjs';
import { batchLink } from '../import-display';
import { ImportStatusChip } from '../import-status-chip/import-status-chip';

const PAGE_SIZES = [10, 25, 50];
/** While a batch of the page is being worked on, the page is read again this often. */
const REFRESH_MS = 2000;

/**
 * /imports: the firm's import batches, newest first — when, who, which file, counts, status, the mapping
 * used. A batch still in progress opens the wizard at its step; a finished one its detail page.
 */
@Component({
  selector: 'psl-imports-page',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatTableModule,
    RouterLink,
    CardList,
    CardTemplate,
    LoadError,
    ImportStatusChip,
    TranslatePipe,
  ],
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './imports-page.html',
  styleUrl: './imports-page.scss',
})
export class ImportsPage {
  private readonly api = inject(ImportsApi);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18n);
  protected readonly narrow = injectNarrowScreen();

  protected readonly pageSizes = PAGE_SIZES;
  protected readonly paging = signal<Paging>({ pageIndex: 0, pageSize: 25 });
  protected readonly batches = rxResource({
    params: () => this.paging(),
    stream: ({ params }) => this.api.list(params),
  });
  protected readonly page = computed(() => (this.batches.hasValue() ? this.batches.value() : undefined));
  protected readonly loadError = loadErrorMessage(this.batches, this.i18n);
  protected readonly columns = ['createdAt', 'file', 'rows', 'created', 'invalid', 'status', 'mapping'];
  protected readonly templateUrl = computed(() => importTemplateUrl(this.i18n.lang()));

  constructor() {
    // Batches in progress move on their own: the list follows them until none is.
    timer(REFRESH_MS, REFRESH_MS)
      .pipe(takeUntilDestroyed())
      .subscribe(() => {
        if (this.page()?.items.some(isImportBusy) && !this.batches.isLoading()) this.batches.reload();
      });
  }

  protected date = (iso: string) => formatDate(iso, this.i18n.lang());
  protected number = (value: number) => formatNumber(value, this.i18n.lang());
  protected link = batchLink;
  protected trackId = (batch: ImportBatch) => batch.id;

  protected mappingText(batch: ImportBatch): string {
    if (batch.savedMappingName)
      return this.i18n.t('imports.list.mappingSaved', { name: batch.savedMappingName });
    if (batch.mappingSource === 'user') return this.i18n.t('imports.list.mappingUser');
    if (batch.mappingSource === 'suggested') return this.i18n.t('imports.list.mappingSuggested');
    return this.i18n.t('common.none');
  }

  protected open(batch: ImportBatch): void {
    void this.router.navigate(batchLink(batch));
  }

  protected onPage(event: PageEvent): void {
    this.paging.set({ pageIndex: event.pageIndex, pageSize: event.pageSize });
  }
}
