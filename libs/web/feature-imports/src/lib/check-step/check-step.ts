import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { ImportBatch, ImportRow } from '@passerelle/api-types';
import { ImportBatchState, importErrorFileUrl } from '@passerelle/web-data-access-imports';
import { I18n, TranslatePipe, formatNumber } from '@passerelle/web-util-i18n';
import { ImportSummaryView } from '../import-summary/import-summary';
import { IssueTable } from '../issue-table/issue-table';

/**
 * Step 3, the dry run: a progress bar while the server checks every row, then the counts (rows, valid, with
 * errors, to create, to skip) and the findings, whose cells can be corrected in place; the file with its
 * errors can be downloaded to fix it in Excel instead.
 */
@Component({
  selector: 'psl-check-step',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    ImportSummaryView,
    IssueTable,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './check-step.html',
  styleUrl: './check-step.scss',
})
export class CheckStep {
  private readonly state = inject(ImportBatchState);
  private readonly i18n = inject(I18n);

  readonly batch = input.required<ImportBatch>();
  readonly back = output<void>();
  readonly continued = output<void>();

  protected readonly checking = computed(() => this.batch().status === 'checking');
  protected readonly checked = computed(() => this.batch().status !== 'checking');
  protected readonly editable = computed(() => this.batch().status === 'checked');
  protected readonly percent = computed(() => {
    const { done, total } = this.batch().progress;
    return total > 0 ? Math.round((100 * done) / total) : null;
  });
  protected readonly progressText = computed(() => {
    const { done, total } = this.batch().progress;
    const lang = this.i18n.lang();
    return this.i18n.t('imports.check.checking', {
      done: formatNumber(done, lang),
      total: formatNumber(total, lang),
    });
  });
  protected readonly hasFindings = computed(() => {
    const summary = this.batch().summary;
    return summary.invalid + summary.warnings + summary.toSkip > 0;
  });
  /** Findings change with each check (checkedAt) and each correction (updatedAt). */
  protected readonly version = computed(() => `${this.batch().checkedAt}|${this.batch().updatedAt}`);
  protected readonly errorFileUrl = computed(() => importErrorFileUrl(this.batch().id));

  /** A corrected row changes the counts: the batch is read again. */
  protected onCorrected(row: ImportRow): void {
    this.state.set({ ...this.batch(), summary: row.summary });
  }
}
