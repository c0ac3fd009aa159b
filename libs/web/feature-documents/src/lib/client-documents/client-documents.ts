import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { DocumentDto } from '@passerelle/api-types';
import {
  ACCEPTED_DOCUMENT_TYPES_TEXT,
  DEFAULT_DOCUMENT_MAX_FILE_MB,
  DOCUMENT_ACCEPT_ATTRIBUTE,
  DOCUMENT_SNIFF_BYTES,
  isDocumentPeriod,
  sniffDocumentKind,
  type DocumentCategory,
} from '@passerelle/domain-client';
import { describeError } from '@passerelle/web-data-access-clients';
import { DocumentsApi, OWN_FOLDER, documentContentUrl } from '@passerelle/web-data-access-documents';
import { DropZone, confirm, readFileHead } from '@passerelle/web-ui-common';
import { I18n, TranslatePipe } from '@passerelle/web-util-i18n';
import { firstValueFrom, tap } from 'rxjs';
import { categoryOptions } from '../document-display';
import { DocumentFiltersBar } from '../document-list/document-filters';
import { DocumentList } from '../document-list/document-list';
import { DocumentResults } from '../document-list/document-results';
import { DocumentSummary } from '../document-list/document-summary';

/** One file of the upload queue, as the user sees it. */
export interface UploadRow {
  id: number;
  name: string;
  state: 'uploading' | 'done' | 'duplicate' | 'error';
  percent: number;
  message?: string;
}

/**
 * The client's documents section of its space: a drop zone for several files (each uploaded on its own, with
 * its own progress and its own error), the list with icons, category/period filters, download, and delete
 * while still allowed (24 hours, not yet downloaded by the firm).
 */
@Component({
  selector: 'psl-client-documents',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    DocumentFiltersBar,
    DocumentResults,
    DocumentSummary,
    DropZone,
    TranslatePipe,
  ],
  templateUrl: './client-documents.html',
  styleUrl: '../documents-section.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientDocuments {
  private readonly api = inject(DocumentsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly i18n = inject(I18n);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly accept = DOCUMENT_ACCEPT_ATTRIBUTE;
  protected readonly maxMb = DEFAULT_DOCUMENT_MAX_FILE_MB;
  protected readonly types = ACCEPTED_DOCUMENT_TYPES_TEXT;
  protected readonly categories = computed(() => categoryOptions(this.i18n.lang()));

  /** What the next upload is filed under. */
  protected readonly category = signal<DocumentCategory>('invoice');
  protected readonly period = signal('');
  protected readonly note = signal('');
  protected readonly periodValid = computed(() => !this.period() || isDocumentPeriod(this.period()));

  /** The firm has not turned document sharing on for this client: nothing to upload or list yet. */
  protected readonly sharingOff = signal(false);
  protected readonly list = new DocumentList(
    (filters) => this.api.list(OWN_FOLDER, filters).pipe(tap(() => this.sharingOff.set(false))),
    (error) => {
      const problem = describeError(error, this.i18n);
      if (problem.code !== 'sharing_off') return problem.message;
      this.sharingOff.set(true);
      return null;
    },
  );
  protected readonly uploads = signal<UploadRow[]>([]);
  private nextUploadId = 1;
  private destroyed = false;

  constructor() {
    this.destroyRef.onDestroy(() => (this.destroyed = true));
    void this.load();
  }

  protected contentUrl = (doc: DocumentDto) => documentContentUrl(OWN_FOLDER, doc.id);

  load(): Promise<void> {
    return this.list.load();
  }

  /** Checks each file here first (size, type by its first bytes), then uploads them one after the other. */
  async addFiles(files: File[]): Promise<void> {
    if (!this.periodValid()) return;
    const rows = files.map((file) => ({ file, row: this.addRow(file.name) }));
    for (const { file, row } of rows) {
      const problem = await this.checkLocally(file);
      if (problem) this.updateRow(row, { state: 'error', message: problem });
      else await this.uploadOne(file, row);
      if (this.destroyed) return;
    }
    await this.load();
  }

  private async checkLocally(file: File): Promise<string | null> {
    if (file.size > this.maxMb * 1024 * 1024)
      return this.i18n.t('documents.tooLarge', { name: file.name, max: this.maxMb });
    const head = await readFileHead(file, DOCUMENT_SNIFF_BYTES);
    if (!sniffDocumentKind(head))
      return this.i18n.t('documents.typeRefused', { name: file.name, types: this.types });
    return null;
  }

  private uploadOne(file: File, row: number): Promise<void> {
    return new Promise((resolve) => {
      this.api
        .upload(file, { category: this.category(), period: this.period() || undefined, note: this.note() })
        .subscribe({
          next: (event) => {
            if (event.kind === 'progress')
              this.updateRow(row, { percent: Math.round((100 * event.loaded) / Math.max(1, event.total)) });
            else
              this.updateRow(row, {
                state: event.result.documents[0]?.duplicate ? 'duplicate' : 'done',
                percent: 100,
                message: event.result.documents[0]?.duplicate
                  ? this.i18n.t('documents.duplicate')
                  : undefined,
              });
          },
          error: (error: unknown) => {
            this.updateRow(row, { state: 'error', message: describeError(error, this.i18n).message });
            resolve();
          },
          complete: () => resolve(),
        });
    });
  }

  private addRow(name: string): number {
    const id = this.nextUploadId++;
    this.uploads.update((rows) => [{ id, name, state: 'uploading', percent: 0 }, ...rows]);
    return id;
  }

  private updateRow(id: number, change: Partial<UploadRow>): void {
    this.uploads.update((rows) => rows.map((row) => (row.id === id ? { ...row, ...change } : row)));
  }

  protected async remove(doc: DocumentDto): Promise<void> {
    const ok = await confirm(this.dialog, {
      title: this.i18n.t('documents.deleteTitle'),
      message: this.i18n.t('documents.deleteMessage', { name: doc.fileName }),
      confirmLabel: this.i18n.t('documents.deleteConfirm'),
      cancelLabel: this.i18n.t('documents.cancel'),
      destructive: true,
    });
    if (!ok) return;
    try {
      await firstValueFrom(this.api.remove(doc.id));
      this.snackBar.open(this.i18n.t('documents.deleted', { name: doc.fileName }), undefined, {
        duration: 4000,
      });
    } catch (error) {
      this.snackBar.open(describeError(error, this.i18n).message, undefined, { duration: 8000 });
    }
    await this.load();
  }
}
