import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  TemplateRef,
  contentChild,
  effect,
  inject,
  input,
  viewChild,
} from '@angular/core';
import { MatBottomSheet, MatBottomSheetModule, MatBottomSheetRef } from '@angular/material/bottom-sheet';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@passerelle/web-util-i18n';
import { injectNarrowScreen } from '../responsive/breakpoints';

/**
 * A page's filter controls: shown in place on wide screens; on a phone folded behind one "Filtres (n)"
 * button that opens them in a bottom sheet (the list then starts near the top of the screen). Pair it
 * with <psl-filter-chips> so the filters in force stay visible and removable.
 *
 * ```html
 * <psl-responsive-filters [count]="activeFilters().length">
 *   <ng-template><mat-chip-listbox …/> <mat-select …/></ng-template>
 * </psl-responsive-filters>
 * ```
 */
@Component({
  selector: 'psl-responsive-filters',
  imports: [NgTemplateOutlet, MatBottomSheetModule, MatButtonModule, MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (narrow()) {
      <button
        mat-stroked-button
        type="button"
        (click)="open()"
        aria-haspopup="dialog"
        data-testid="filters-toggle"
      >
        <mat-icon fontIcon="tune" />
        {{ count() > 0 ? ('common.filtersCount' | t: { count: count() }) : ('common.filters' | t) }}
      </button>
    } @else {
      <ng-container [ngTemplateOutlet]="content()" />
    }
    <ng-template #sheet>
      <div class="sheet" data-testid="filters-sheet">
        <h2 class="sheet-title">{{ 'common.filters' | t }}</h2>
        <ng-container [ngTemplateOutlet]="content()" />
        <div class="sheet-actions">
          <button mat-flat-button type="button" (click)="close()" data-testid="filters-done">
            {{ 'common.showResults' | t }}
          </button>
        </div>
      </div>
    </ng-template>
  `,
  styles: `
    .sheet {
      display: flex;
      flex-direction: column;
      gap: 12px;
      padding-block: 8px 16px;
    }
    .sheet-title {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .sheet-actions {
      display: flex;
      justify-content: flex-end;
    }
  `,
})
export class ResponsiveFilters {
  private readonly bottomSheet = inject(MatBottomSheet);
  /** How many filters are in force (shown on the phone's button). */
  readonly count = input(0);
  protected readonly narrow = injectNarrowScreen();
  protected readonly content = contentChild.required(TemplateRef);
  private readonly sheet = viewChild.required<TemplateRef<unknown>>('sheet');
  private ref: MatBottomSheetRef | undefined;

  constructor() {
    // Back to a wide screen with the sheet open: the filters are shown in place again.
    effect(() => {
      if (!this.narrow()) this.close();
    });
  }

  protected open(): void {
    this.ref = this.bottomSheet.open(this.sheet(), { autoFocus: 'first-heading', restoreFocus: true });
    this.ref.afterDismissed().subscribe(() => (this.ref = undefined));
  }

  protected close(): void {
    this.ref?.dismiss();
  }
}
