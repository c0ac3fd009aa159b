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
import { MatSnackBar } from '@angular/material/snack-bar';
import type { DocumentDto } from '@passerelle/api-types';
import { isDocumentPeriod } from '@passerelle/domain-client';
import { describeError } from '@passerelle/web-data-access-clients';
import {
  DocumentsApi,
  documentArchiveUrl,
  documentContentUrl,
  documentExportUrl,
} from '@passerelle/web-data-access-documents';
import { I18n, TranslatePipe } from '@passerelle/web-util-i18n';
import { firstValueFrom } from 'rxjs';
import { DocumentFiltersBar } from '../document-list/document-filters';
import { DocumentList } from '../document-list/document-list';
import { DocumentResults } from '../document-list/document-results';
import { DocumentSummary } from '../document-list/document-summary';

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
    DocumentFiltersBar,
    DocumentResults,
    DocumentSummary,
    TranslatePipe,
  ],
  templateUrl: './staff-documents.html',
  styleUrl: '../documents-section.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffDocuments {
  private readonly api = inject(DocumentsApi);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly i18n = inject(I18n);

  readonly clientId = input.required<string>();

  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly list = new DocumentList(
    (filters) => this.api.list({ kind: 'client', clientId: this.clientId() }, filters),
    (error) => describeError(error, this.i18n).message,
    // Another filter, other rows: the selection no longer applies.
    () => this.selected.set(new Set()),
  );
  protected readonly busy = signal<string | null>(null);
  protected readonly exportPeriod = signal('');
  protected readonly archiveUrl = computed(() => documentArchiveUrl(this.clientId(), [...this.selected()]));
  protected readonly exportUrl = computed(() =>
    isDocumentPeriod(this.exportPeriod()) ? documentExportUrl(this.clientId(), this.exportPeriod()) : null,
  );
  protected readonly allSelected = computed(() => {
    const items = this.list.page()?.items ?? [];
    return items.length > 0 && items.every((doc) => this.selected().has(doc.id));
  });

  constructor() {
    effect(() => {
      this.clientId();
      untracked(() => void this.list.load());
    });
  }

  protected contentUrl = (doc: DocumentDto) =>
    documentContentUrl({ kind: 'client', clientId: this.clientId() }, doc.id);

  protected toggle(doc: DocumentDto, checked: boolean): void {
    this.selected.update((set) => {
      const next = new Set(set);
      if (checked) next.add(doc.id);
      else next.delete(doc.id);
      return next;
    });
  }

  protected toggleAll(checked: boolean): void {
    this.selected.set(new Set(checked ? (this.list.page()?.items ?? []).map((doc) => doc.id) : []));
  }

  /** A download changes what the client may delete: the list is read again shortly after. */
  protected downloaded(): void {
    setTimeout(() => void this.list.load(), 1500);
  }

  protected async setProcessed(doc: DocumentDto, processed: boolean): Promise<void> {
    this.busy.set(doc.id);
    try {
      const updated = await firstValueFrom(this.api.setProcessed(this.clientId(), doc.id, processed));
      this.list.page.update((page) =>
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
