import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import type { ImportBatch, ImportLimits } from '@passerelle/api-types';
import {
  IMPORT_ACCEPT_ATTRIBUTE,
  SPREADSHEET_SNIFF_BYTES,
  apiErrorMessage,
  sniffSpreadsheet,
} from '@passerelle/domain-client';
import { describeError } from '@passerelle/web-data-access-clients';
import { ImportBatchState, ImportsApi } from '@passerelle/web-data-access-imports';
import { DropZone, readFileHead } from '@passerelle/web-ui-common';
import { I18n, TranslatePipe, formatSize } from '@passerelle/web-util-i18n';
import { Subscription, firstValueFrom } from 'rxjs';

/** Statuses in which the sheet and header row may still change (the server's rule). */
const LAYOUT_STATUSES: readonly ImportBatch['status'][] = ['mapping', 'checked'];

/**
 * Step 1 of the wizard: the file. Dropped or picked, checked here first (size, and what its first bytes
 * say — the domain's rule, the server's messages), sent with a progress bar, then read by the server (a
 * second progress bar). Once read: which sheet and which header row, with the columns found.
 */
@Component({
  selector: 'psl-upload-step',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    DropZone,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './upload-step.html',
  styleUrl: './upload-step.scss',
})
export class UploadStep {
  private readonly api = inject(ImportsApi);
  private readonly state = inject(ImportBatchState);
  protected readonly i18n = inject(I18n);

  readonly batch = input<ImportBatch | null>(null);
  readonly limits = input.required<ImportLimits>();
  /** A file was sent: the new batch's id (the server reads it in the background). */
  readonly uploaded = output<string>();
  readonly continued = output<void>();

  protected readonly accept = IMPORT_ACCEPT_ATTRIBUTE;
  /** Why the file just dropped was refused (here or by the server's answer to the upload). */
  protected readonly problem = signal<string | null>(null);
  protected readonly sending = signal<{ name: string; percent: number } | null>(null);
  protected readonly layoutBusy = signal(false);
  protected readonly layoutError = signal<string | null>(null);
  /** Once a file is read, the drop zone hides behind "Choose another file". */
  protected readonly replacing = signal(false);
  protected readonly headerRowInput = signal<number | null>(null);
  private upload?: Subscription;

  protected readonly hint = computed(() =>
    this.i18n.t('imports.upload.dropHint', {
      maxMb: this.limits().maxFileMb,
      maxRows: this.limits().maxRows,
    }),
  );
  protected readonly parsing = computed(() => this.batch()?.status === 'parsing');
  protected readonly failed = computed(() => this.batch()?.status === 'failed');
  protected readonly read = computed(() => {
    const batch = this.batch();
    return batch !== null && batch.status !== 'parsing' && batch.status !== 'failed';
  });
  protected readonly showDropZone = computed(
    () => !this.sending() && (!this.batch() || this.failed() || this.replacing()),
  );
  protected readonly layoutEditable = computed(() => {
    const batch = this.batch();
    return batch !== null && LAYOUT_STATUSES.includes(batch.status) && !this.layoutBusy();
  });
  protected readonly parsePercent = computed(() => {
    const progress = this.batch()?.progress;
    return progress && progress.total > 0 ? Math.round((100 * progress.done) / progress.total) : null;
  });
  protected readonly fileFacts = computed(() => {
    const batch = this.batch();
    if (!batch) return '';
    const lang = this.i18n.lang();
    return this.i18n.t('imports.upload.fileFacts', {
      size: formatSize(batch.fileSize, lang),
      rows: batch.summary.rows,
    });
  });
  /** The header row's texts, as read (empty ones left out). */
  protected readonly headersText = computed(() =>
    (this.batch()?.headers ?? []).filter((header) => header.trim() !== '').join(' · '),
  );
  protected readonly headerRowValid = computed(() => {
    const value = this.headerRowInput();
    return value === null || (Number.isInteger(value) && value >= 1 && value <= 1_048_576);
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.upload?.unsubscribe());
  }

  /** Checks the file here (size, first bytes), then sends it. */
  async onFiles(files: File[]): Promise<void> {
    const file = files[0];
    if (!file) return;
    this.problem.set(null);
    const refusal = await this.refusal(file);
    if (refusal) {
      this.problem.set(this.i18n.t('imports.upload.refused', { name: file.name, reason: refusal }));
      return;
    }
    this.send(file);
  }

  private async refusal(file: File): Promise<string | null> {
    const lang = this.i18n.lang();
    const maxMb = this.limits().maxFileMb;
    if (file.size > maxMb * 1024 * 1024) return apiErrorMessage('file_too_large', lang, `${maxMb} MB`);
    const sniffed = sniffSpreadsheet(await readFileHead(file, SPREADSHEET_SNIFF_BYTES));
    return sniffed.ok ? null : apiErrorMessage(sniffed.code, lang, sniffed.hint);
  }

  private send(file: File): void {
    this.sending.set({ name: file.name, percent: 0 });
    this.upload?.unsubscribe();
    this.upload = this.api.upload(file).subscribe({
      next: (event) => {
        if (event.kind === 'progress')
          this.sending.set({
            name: file.name,
            percent: Math.min(100, Math.round((100 * event.loaded) / Math.max(1, event.total))),
          });
        else {
          this.sending.set(null);
          this.replacing.set(false);
          this.uploaded.emit(event.id);
        }
      },
      error: (error: unknown) => {
        this.sending.set(null);
        this.problem.set(
          this.i18n.t('imports.upload.refused', {
            name: file.name,
            reason: describeError(error, this.i18n).message,
          }),
        );
      },
    });
  }

  protected cancelUpload(): void {
    this.upload?.unsubscribe();
    this.sending.set(null);
  }

  protected async changeSheet(sheet: string): Promise<void> {
    await this.changeLayout({ sheet });
  }

  protected async applyHeaderRow(): Promise<void> {
    const value = this.headerRowInput();
    if (value === null || !this.headerRowValid()) return;
    await this.changeLayout({ headerRow: value });
    this.headerRowInput.set(null);
  }

  private async changeLayout(layout: { sheet?: string; headerRow?: number }): Promise<void> {
    const batch = this.batch();
    if (!batch) return;
    this.layoutBusy.set(true);
    this.layoutError.set(null);
    try {
      this.state.set(await firstValueFrom(this.api.changeLayout(batch.id, layout)));
    } catch (error) {
      this.layoutError.set(describeError(error, this.i18n).message);
    } finally {
      this.layoutBusy.set(false);
    }
  }
}
