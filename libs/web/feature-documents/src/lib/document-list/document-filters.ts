import { ChangeDetectionStrategy, Component, booleanAttribute, computed, inject, input } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { I18n, TranslatePipe } from '@passerelle/web-util-i18n';
import { categoryOptions } from '../document-display';
import type { DocumentList } from './document-list';

/** The filters of a documents list: category, period, and (`withStatus`, for staff) new or processed. */
@Component({
  selector: 'psl-document-filters',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let filters = list().filters();
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>{{ 'documents.category' | t }}</mat-label>
      <mat-select
        [ngModel]="filters.category ?? ''"
        (ngModelChange)="list().setFilter({ category: $event || undefined })"
      >
        <mat-option value="">{{ 'documents.allCategories' | t }}</mat-option>
        @for (option of categories(); track option.value) {
          <mat-option [value]="option.value">{{ option.label }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>{{ 'documents.period' | t }}</mat-label>
      <input
        matInput
        type="month"
        [ngModel]="filters.period ?? ''"
        (ngModelChange)="list().setFilter({ period: $event || undefined })"
      />
    </mat-form-field>
    @if (withStatus()) {
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'documents.statusFilter' | t }}</mat-label>
        <mat-select
          [ngModel]="filters.status ?? ''"
          (ngModelChange)="list().setFilter({ status: $event || undefined })"
        >
          <mat-option value="">{{ 'documents.allStatuses' | t }}</mat-option>
          <mat-option value="new">{{ 'documents.status.new' | t }}</mat-option>
          <mat-option value="processed">{{ 'documents.status.processed' | t }}</mat-option>
        </mat-select>
      </mat-form-field>
    }
    @if (list().filtered()) {
      <button mat-button type="button" (click)="list().clearFilters()">
        {{ 'documents.clearFilters' | t }}
      </button>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 0 16px;
      align-items: flex-start;
    }
    mat-form-field {
      flex: 1 1 180px;
      min-width: 0;
    }
  `,
})
export class DocumentFiltersBar {
  private readonly i18n = inject(I18n);
  readonly list = input.required<DocumentList>();
  readonly withStatus = input(false, { transform: booleanAttribute });
  protected readonly categories = computed(() => categoryOptions(this.i18n.lang()));
}
