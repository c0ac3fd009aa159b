import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { BulkProgress } from '@passerelle/api-types';
import { TranslatePipe } from '@passerelle/web-util-i18n';

/**
 * One bulk activation's progress. The bar counts clients dealt with (sent, failed or skipped) out of the
 * run's total; until the run has listed its clients (total 0) it is indeterminate.
 */
@Component({
  selector: 'psl-bulk-run-card',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatExpansionModule,
    MatIconModule,
    MatProgressBarModule,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './bulk-run-card.html',
  styleUrl: './bulk-run-card.scss',
})
export class BulkRunCard {
  readonly run = input.required<BulkProgress>();
  readonly dismissed = output<void>();

  protected readonly handled = computed(() => {
    const run = this.run();
    return run.sent + run.failed + run.skipped;
  });
  protected readonly percent = computed(() => {
    const run = this.run();
    return run.total > 0 ? Math.min(100, Math.round((this.handled() / run.total) * 100)) : 0;
  });
  protected readonly listing = computed(() => !this.run().done && this.run().total === 0);
}
