import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { ImportBatch, ImportMode } from '@passerelle/api-types';
import { describeError } from '@passerelle/web-data-access-clients';
import { ImportBatchState, ImportsApi } from '@passerelle/web-data-access-imports';
import { I18n, TranslatePipe, formatNumber } from '@passerelle/web-util-i18n';
import { firstValueFrom } from 'rxjs';
import { ImportSummaryView } from '../import-summary/import-summary';
import { InviteBatch } from '../invite-batch/invite-batch';

/**
 * Step 4: "Import all" (only when no row has an error — otherwise it says why) or "Import the N valid rows
 * and skip M"; a progress bar while the server creates the clients (the page may be left); then the result,
 * a link to the new clients and "Invite these N clients".
 */
@Component({
  selector: 'psl-import-step',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    RouterLink,
    ImportSummaryView,
    InviteBatch,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './import-step.html',
  styleUrl: './import-step.scss',
})
export class ImportStep {
  private readonly api = inject(ImportsApi);
  private readonly state = inject(ImportBatchState);
  private readonly i18n = inject(I18n);
  protected readonly dialog = inject(MatDialog);

  readonly batch = input.required<ImportBatch>();
  readonly back = output<void>();
  /** "Import again" after an undo: the wizard goes back to the check. */
  readonly rechecking = output<void>();
  readonly anotherFile = output<void>();

  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  // Numbers, not formatted text: the messages choose their plural from them (and write them in the locale).
  protected readonly counts = computed(() => {
    const { summary } = this.batch();
    return {
      create: summary.toCreate,
      skip: summary.rows - summary.toCreate,
      invalid: summary.invalid,
      created: summary.created,
    };
  });
  protected readonly percent = computed(() => {
    const { done, total } = this.batch().progress;
    return total > 0 ? Math.round((100 * done) / total) : null;
  });
  protected readonly progressText = computed(() => {
    const { done, total } = this.batch().progress;
    const lang = this.i18n.lang();
    return this.i18n.t('imports.run.importing', {
      done: formatNumber(done, lang),
      total: formatNumber(total, lang),
    });
  });

  async run(mode: ImportMode): Promise<void> {
    const batch = this.batch();
    this.busy.set(true);
    this.error.set(null);
    try {
      await firstValueFrom(this.api.run(batch.id, mode));
      await this.state.follow(batch.id);
    } catch (error) {
      this.error.set(describeError(error, this.i18n).message);
    } finally {
      this.busy.set(false);
    }
  }

  /** After an undo, the same file is checked again (clients may have changed meanwhile), then imported. */
  async checkAgain(): Promise<void> {
    const batch = this.batch();
    this.busy.set(true);
    this.error.set(null);
    try {
      await firstValueFrom(this.api.check(batch.id));
      await this.state.follow(batch.id);
      this.rechecking.emit();
    } catch (error) {
      this.error.set(describeError(error, this.i18n).message);
    } finally {
      this.busy.set(false);
    }
  }
}
