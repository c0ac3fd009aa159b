import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterNextRender,
  computed,
  inject,
  input,
  linkedSignal,
  output,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { formatFieldError, isFieldKey, type FieldKey, type UiLanguage } from '@passerelle/domain-client';
import { validateClient } from '@passerelle/domain-validators';
import { I18n, TranslatePipe } from '@passerelle/web-util-i18n';
import { fieldName } from '../import-display';

/**
 * One cell of an import row, corrected in place: the field's own input, checked as it is typed by the
 * domain's validateClient (the rules the server applies; rules that depend on the rest of the row — ICE in
 * Morocco, e-mail when sharing — are the server's to tell after saving). Loaded on demand (@defer): it
 * brings the validators' country and language indexes.
 */
@Component({
  selector: 'psl-cell-editor',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="editor" (submit)="save($event)" data-testid="cell-editor">
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ label() }}</mat-label>
        <input
          matInput
          name="value"
          autocomplete="off"
          [ngModel]="text()"
          (ngModelChange)="text.set($event)"
          (keydown.escape)="cancelled.emit()"
          [attr.aria-invalid]="!!problem()"
          [attr.aria-describedby]="helpId()"
          data-testid="cell-editor-input"
        />
        @if (problem(); as message) {
          <mat-hint [id]="helpId()" class="field-error" data-testid="cell-editor-problem">{{
            message
          }}</mat-hint>
        } @else if (serverError(); as message) {
          <mat-hint [id]="helpId()" class="field-error" role="alert">{{ message }}</mat-hint>
        } @else {
          <mat-hint [id]="helpId()" data-testid="cell-editor-ok">{{
            'imports.issues.editorOk' | t
          }}</mat-hint>
        }
      </mat-form-field>
      <div class="buttons">
        <button
          mat-flat-button
          type="submit"
          [disabled]="saving() || !!problem()"
          data-testid="cell-editor-save"
        >
          {{ 'common.save' | t }}
        </button>
        <button mat-button type="button" (click)="cancelled.emit()">{{ 'common.cancel' | t }}</button>
      </div>
    </form>
  `,
  styles: `
    .editor {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 4px 8px;
    }
    mat-form-field {
      flex: 1 1 200px;
      min-inline-size: 0;
    }
    .buttons {
      display: flex;
      gap: 4px;
      padding-block-start: 8px;
    }
    .field-error {
      color: var(--mat-sys-error);
    }
  `,
})
export class CellEditor {
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;

  readonly field = input.required<FieldKey>();
  readonly row = input.required<number>();
  /** the cell as read */
  readonly value = input<string | null>(null);
  readonly saving = input(false);
  /** the server's answer to the last save, when it refused it */
  readonly serverError = input<string | null>(null);
  readonly saved = output<string>();
  readonly cancelled = output<void>();

  protected readonly text = linkedSignal(() => this.value() ?? '');
  protected readonly label = computed(() =>
    this.i18n.t('imports.issues.editorLabel', {
      field: fieldName(this.field(), this.i18n.lang()),
      row: this.row(),
    }),
  );
  protected readonly helpId = computed(() => `cell-editor-help-${this.row()}-${this.field()}`);
  /** The field's own rule, as the server will apply it. */
  protected readonly problem = computed(() => cellProblem(this.field(), this.text(), this.i18n.lang()));

  constructor() {
    afterNextRender(() => this.host.querySelector('input')?.select());
  }

  protected save(event: Event): void {
    event.preventDefault();
    if (this.problem()) return;
    this.saved.emit(this.text());
  }
}

/** What the domain's validator says about this one field's text (rules of other fields left out). */
export function cellProblem(field: FieldKey, text: string, lang: UiLanguage): string | null {
  if (!isFieldKey(field)) return null;
  const error = validateClient({ [field]: text }).errors.find((candidate) => candidate.field === field);
  return error ? formatFieldError(error, lang) : null;
}
