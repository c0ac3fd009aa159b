import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  booleanAttribute,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatChipListboxChange, MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorIntl, MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectChange, MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import type { ImportIssue, ImportRow } from '@passerelle/api-types';
import { FIELD_KEYS, isFieldKey, type FieldKey } from '@passerelle/domain-client';
import { describeError, loadErrorMessage } from '@passerelle/web-data-access-clients';
import { ImportsApi, type ImportIssueFilters } from '@passerelle/web-data-access-imports';
import { LoadError, TranslatedPaginatorIntl, injectNarrowScreen } from '@passerelle/web-ui-common';
import { I18n, TranslatePipe, type TranslationKey } from '@passerelle/web-util-i18n';
import { firstValueFrom } from 'rxjs';
import { fieldName } from '../import-display';
import { CellEditor } from './cell-editor';

export type IssueSeverity = NonNullable<ImportIssueFilters['severity']>;
export const ISSUE_SEVERITIES: readonly IssueSeverity[] = ['error', 'warning', 'skip'];
export const ISSUE_PAGE_SIZES = [10, 25, 50, 100];

const key = (issue: ImportIssue) => `${issue.row}:${issue.field}:${issue.code}`;

/**
 * The check's findings, a page at a time, filterable by field and kind (errors, warnings, rows skipped):
 * row number, column letter and header, field, message, the cell as read. With `editable`, an error's cell
 * is corrected in place (CellEditor) and the row is checked again by the server (`corrected` tells the page,
 * whose counts change).
 */
@Component({
  selector: 'psl-issue-table',
  imports: [
    NgTemplateOutlet,
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    CellEditor,
    LoadError,
    TranslatePipe,
  ],
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './issue-table.html',
  styleUrl: './issue-table.scss',
})
export class IssueTable {
  private readonly api = inject(ImportsApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly injector = inject(Injector);
  protected readonly i18n = inject(I18n);
  protected readonly narrow = injectNarrowScreen();

  readonly batchId = input.required<string>();
  /** Changes whenever the batch's findings may have changed (a new check, a correction elsewhere). */
  readonly version = input<unknown>(null);
  readonly editable = input(false, { transform: booleanAttribute });
  readonly corrected = output<ImportRow>();

  protected readonly fields = FIELD_KEYS;
  protected readonly severities = ISSUE_SEVERITIES;
  protected readonly pageSizes = ISSUE_PAGE_SIZES;
  protected readonly filters = signal<ImportIssueFilters>({ pageIndex: 0, pageSize: 25, severity: 'error' });
  private readonly reloads = signal(0);

  protected readonly issues = rxResource({
    params: () => ({
      batchId: this.batchId(),
      filters: this.filters(),
      version: this.version(),
      reloads: this.reloads(),
    }),
    stream: ({ params }) => this.api.issues(params.batchId, params.filters),
  });
  protected readonly page = computed(() => (this.issues.hasValue() ? this.issues.value() : undefined));
  protected readonly loadError = loadErrorMessage(this.issues, this.i18n);
  protected readonly columns = computed(() =>
    this.editable() && this.filters().severity === 'error'
      ? ['row', 'column', 'field', 'message', 'value', 'action']
      : ['row', 'column', 'field', 'message', 'value'],
  );

  /** The issue whose cell is being corrected. */
  protected readonly editing = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly saveError = signal<string | null>(null);
  /** What the last correction gave (read out politely). */
  protected readonly outcome = signal('');

  protected key = key;
  protected field = (field: string) => fieldName(field, this.i18n.lang());
  protected severityKey = (severity: IssueSeverity): TranslationKey => `imports.issues.severity.${severity}`;

  /** An error on a mapped column can be corrected here; one without a column is the mapping's to fix. */
  protected canEdit(issue: ImportIssue): boolean {
    return this.editable() && issue.severity === 'error' && issue.column !== null && isFieldKey(issue.field);
  }

  protected asField(field: string): FieldKey {
    return field as FieldKey;
  }

  protected onField(change: MatSelectChange): void {
    this.update({ field: (change.value as FieldKey | '') || undefined });
  }

  protected onSeverity(change: MatChipListboxChange): void {
    const value = change.value as IssueSeverity | 'all' | null;
    this.update({ severity: value && value !== 'all' ? value : undefined });
  }

  protected onPage(event: PageEvent): void {
    this.filters.update((current) => ({ ...current, pageIndex: event.pageIndex, pageSize: event.pageSize }));
  }

  protected edit(issue: ImportIssue): void {
    this.saveError.set(null);
    this.editing.set(key(issue));
  }

  protected cancel(): void {
    const editing = this.editing();
    this.editing.set(null);
    this.saveError.set(null);
    // Keyboard focus goes back to the "Corriger" button it came from.
    if (editing) this.focusAfterRender(`[data-issue="${CSS.escape(editing)}"]`);
  }

  /** Sends the corrected cell; the server checks the row again and answers with its findings. */
  async save(issue: ImportIssue, text: string): Promise<void> {
    this.saving.set(true);
    this.saveError.set(null);
    try {
      const result = await firstValueFrom(
        this.api.correctRow(this.batchId(), issue.row, { [issue.field]: text }),
      );
      const errors = result.issues.filter((found) => found.severity === 'error').length;
      this.outcome.set(
        errors === 0
          ? this.i18n.t('imports.issues.fixed', { row: issue.row })
          : this.i18n.t('imports.issues.stillWrong', { row: issue.row, count: errors }),
      );
      this.editing.set(null);
      this.reloads.update((n) => n + 1);
      this.corrected.emit(result);
      // The row may have left the list: focus goes to the sentence saying what the correction gave.
      this.focusAfterRender('[data-testid="issue-outcome"]');
    } catch (error) {
      this.saveError.set(describeError(error, this.i18n).message);
    } finally {
      this.saving.set(false);
    }
  }

  private focusAfterRender(selector: string): void {
    afterNextRender(() => this.host.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  private update(change: Partial<ImportIssueFilters>): void {
    this.editing.set(null);
    this.filters.update((current) => ({ ...current, ...change, pageIndex: 0 }));
  }
}
