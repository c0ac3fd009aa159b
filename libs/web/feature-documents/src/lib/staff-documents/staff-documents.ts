import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorIntl, MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { DocumentDto, DocumentPage } from '@passerelle/api-types';
import { isDocumentPeriod, type DocumentCategory } from '@passerelle/domain-client';
import { describeError } from '@passerelle/web-data-access-clients';
import {
  DocumentsApi,
  documentArchiveUrl,
  documentContentUrl,
  documentExportUrl,
  type DocumentFilters,
} from '@passerelle/web-data-access-documents';
import { LoadError, TranslatedPaginatorIntl } from '@passerelle/web-ui-common';
import { I18n, TranslatePipe } from '@passerelle/web-util-i18n';
import { firstValueFrom } from 'rxjs';
import {
  categoryLabel,
  categoryOptions,
  deliveryKey,
  documentIcon,
  formatDate,
  formatSize,
  statusKey,
} from '../document-display';

/**
 * Staff "Open client folder": the client's documents, read-only except for marking them processed (and back);
 * download one, or a zip of a selection; each document's delivery to the accounting software; and the
 * period's export for export configurations.
 */
@Component({
  selector: 'psl-staff-documents',
  imports: [
    FormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    LoadError,
    TranslatePipe,
  ],
  templateUrl: './staff-documents.html',
  styleUrl: '../client-documents/client-documents.scss',
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffDocuments {
  private readonly api = inject(DocumentsApi);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly i18n = inject(I18n);

  readonly clientId = input.required<string>();

  protected readonly categories = computed(() => categoryOptions(this.i18n.lang()));
  protected readonly filters = signal<DocumentFilters>({ pageIndex: 0, pageSize: 25 });
  protected readonly page = signal<DocumentPage | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly busy = signal<string | null>(null);
  protected readonly exportPeriod = signal('');
  protected readonly filtered = computed(
    () => !!(this.filters().category || this.filters().period || this.filters().status),
  );
  protected readonly archiveUrl = computed(() => documentArchiveUrl(this.clientId(), [...this.selected()]));
  protected readonly exportUrl = computed(() =>
    isDocumentPeriod(this.exportPeriod()) ? documentExportUrl(this.clientId(), this.exportPeriod()) : null,
  );
  protected readonly allSelected = computed(() => {
    const items = this.page()?.items ?? [];
    return items.length > 0 && items.every((doc) => this.selected().has(doc.id));
  });

  constructor() {
    effect(() => {
      this.clientId();
      untracked(() => void this.load());
    });
  }

  protected icon = documentIcon;
  protected statusKey = statusKey;
  protected deliveryKey = deliveryKey;
  protected size = (bytes: number) => formatSize(bytes, this.i18n.lang());
  protected date = (iso: string) => formatDate(iso, this.i18n.lang());
  protected categoryName = (category: DocumentCategory) => categoryLabel(category, this.i18n.lang());
  protected contentUrl = (doc: DocumentDto) =>
    documentContentUrl({ kind: 'client', clientId: this.clientId() }, doc.id);

  async load(): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    try {
      this.page.set(
        await firstValueFrom(this.api.list({ kind: 'client', clientId: this.clientId() }, this.filters())),
      );
    } catch (error) {
      this.loadError.set(describeError(error, this.i18n).message);
    } finally {
      this.loading.set(false);
    }
  }

  protected setFilter(change: Partial<DocumentFilters>): void {
    this.filters.update((current) => ({ ...current, ...change, pageIndex: 0 }));
    this.selected.set(new Set());
    void this.load();
  }

  protected clearFilters(): void {
    this.filters.update((current) => ({ pageIndex: 0, pageSize: current.pageSize }));
    void this.load();
  }

  protected onPage(event: PageEvent): void {
    this.filters.update((current) => ({ ...current, pageIndex: event.pageIndex, pageSize: event.pageSize }));
    void this.load();
  }

  protected toggle(doc: DocumentDto, checked: boolean): void {
    this.selected.update((set) => {
      const next = new Set(set);
      if (checked) next.add(doc.id);
      else next.delete(doc.id);
      return next;
    });
  }

  protected toggleAll(checked: boolean): void {
    this.selected.set(new Set(checked ? (this.page()?.items ?? []).map((doc) => doc.id) : []));
  }

  /** A download changes what the client may delete: the list is read again shortly after. */
  protected downloaded(): void {
    setTimeout(() => void this.load(), 1500);
  }

  protected async setProcessed(doc: DocumentDto, processed: boolean): Promise<void> {
    this.busy.set(doc.id);
    try {
      const updated = await firstValueFrom(this.api.setProcessed(this.clientId(), doc.id, processed));
      this.page.update((page) =>
        page
          ? {
              ...page,
              items: page.items.map((item) => (item.id === updated.id ? updated : item)),
              newCount: page.newCount + (processed ? -1 : 1),
            }
          : page,
      );
      this.snackBar.open(
        this.i18n.t(processed ? 'documents.processedDone' : 'documents.newDone', { name: doc.fileName }),
        undefined,
        { duration: 4000 },
      );
    } catch (error) {
      this.snackBar.open(describeError(error, this.i18n).message, undefined, { duration: 8000 });
    } finally {
      this.busy.set(null);
    }
  }
}
