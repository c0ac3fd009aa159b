import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@passerelle/web-util-i18n';

/** One filter in force, as the user would say it: "Statut : Actif", "Pays : Maroc". */
export interface ActiveFilter {
  /** what `removed` hands back */
  key: string;
  label: string;
}

/**
 * The filters in force as removable chips, plus "Effacer les filtres" when there are any: on a phone they
 * are what remains visible of the filters once those are folded into a bottom sheet.
 */
@Component({
  selector: 'psl-filter-chips',
  imports: [MatButtonModule, MatChipsModule, MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (filters().length > 0) {
      <div class="active-filters" data-testid="active-filters">
        <mat-chip-set [attr.aria-label]="'common.activeFilters' | t">
          @for (filter of filters(); track filter.key) {
            <mat-chip (removed)="removed.emit(filter.key)" data-testid="active-filter">
              {{ filter.label }}
              <button matChipRemove [attr.aria-label]="'common.removeFilter' | t: { label: filter.label }">
                <mat-icon fontIcon="cancel" />
              </button>
            </mat-chip>
          }
        </mat-chip-set>
        <button mat-button type="button" (click)="cleared.emit()" data-testid="clear-filters">
          {{ 'common.clearFilters' | t }}
        </button>
      </div>
    }
  `,
  styles: `
    .active-filters {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
    }
  `,
})
export class FilterChips {
  readonly filters = input.required<readonly ActiveFilter[]>();
  readonly removed = output<string>();
  readonly cleared = output<void>();
}
