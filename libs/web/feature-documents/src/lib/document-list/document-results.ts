import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatPaginatorIntl, MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { LoadError, TranslatedPaginatorIntl } from '@passerelle/web-ui-common';
import { TranslatePipe } from '@passerelle/web-util-i18n';
import type { DocumentList } from './document-list';

/**
 * What a documents list shows around its rows: the load error (with « Réessayer »), a progress bar on the
 * first load, the empty state (filtered or not), else the rows the page projects and the paginator.
 */
@Component({
  selector: 'psl-document-results',
  imports: [LoadError, MatPaginatorModule, MatProgressBarModule, TranslatePipe],
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let state = list();
    @if (state.loadError(); as message) {
      <psl-load-error [message]="message" canRetry (retry)="state.load()" />
    } @else if (state.loading() && !state.page()) {
      <mat-progress-bar mode="indeterminate" />
    } @else if (state.page(); as current) {
      @if (current.items.length === 0) {
        <p class="empty" data-testid="documents-empty">
          {{ (state.filtered() ? 'documents.emptyFiltered' : 'documents.empty') | t }}
        </p>
      } @else {
        <ng-content />
        <mat-paginator
          [length]="current.total"
          [pageIndex]="state.filters().pageIndex"
          [pageSize]="state.filters().pageSize"
          [pageSizeOptions]="[10, 25, 50]"
          (page)="state.showPage($event)"
        />
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class DocumentResults {
  readonly list = input.required<DocumentList>();
}
