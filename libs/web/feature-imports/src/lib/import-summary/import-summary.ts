import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { ImportSummary } from '@passerelle/api-types';
import { I18n, TranslatePipe, formatNumber, type TranslationKey } from '@passerelle/web-util-i18n';

interface Tile {
  key: keyof ImportSummary;
  label: TranslationKey;
  tone: 'plain' | 'good' | 'bad' | 'warn';
}

const CHECK_TILES: readonly Tile[] = [
  { key: 'rows', label: 'imports.summary.rows', tone: 'plain' },
  { key: 'valid', label: 'imports.summary.valid', tone: 'good' },
  { key: 'invalid', label: 'imports.summary.invalid', tone: 'bad' },
  { key: 'warnings', label: 'imports.summary.warnings', tone: 'warn' },
  { key: 'toCreate', label: 'imports.summary.toCreate', tone: 'plain' },
  { key: 'toSkip', label: 'imports.summary.toSkip', tone: 'plain' },
];

const RESULT_TILES: readonly Tile[] = [
  { key: 'rows', label: 'imports.summary.rows', tone: 'plain' },
  { key: 'created', label: 'imports.summary.created', tone: 'good' },
  { key: 'skipped', label: 'imports.summary.skipped', tone: 'plain' },
  { key: 'invalid', label: 'imports.summary.invalid', tone: 'bad' },
];

/** A batch's counts as a row of figures: the check's (rows, valid, with errors…) or the import's result. */
@Component({
  selector: 'psl-import-summary',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dl class="tiles" data-testid="import-summary">
      @for (tile of tiles(); track tile.key) {
        <div
          [class]="'tile ' + (summary()[tile.key] > 0 ? tile.tone : 'plain')"
          [attr.data-testid]="'summary-' + tile.key"
        >
          <dt>{{ tile.label | t }}</dt>
          <dd>{{ value(tile.key) }}</dd>
        </div>
      }
    </dl>
  `,
  styles: `
    .tiles {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(120px, 1fr));
      gap: 8px;
      margin: 0;
    }
    .tile {
      display: flex;
      flex-direction: column-reverse;
      gap: 2px;
      padding-block: 10px;
      padding-inline: 14px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container);
    }
    dt {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      font: var(--mat-sys-title-large);
    }
    .good dd {
      color: #135c27;
    }
    .bad dd {
      color: var(--mat-sys-error);
    }
    .warn dd {
      color: #7a4100;
    }
  `,
})
export class ImportSummaryView {
  private readonly i18n = inject(I18n);
  readonly summary = input.required<ImportSummary>();
  /** `check`: what the dry run found; `result`: what the import did. */
  readonly kind = input<'check' | 'result'>('check');
  protected readonly tiles = computed(() => (this.kind() === 'check' ? CHECK_TILES : RESULT_TILES));

  protected value(key: keyof ImportSummary): string {
    return formatNumber(this.summary()[key], this.i18n.lang());
  }
}
