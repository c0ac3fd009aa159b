import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

/**
 * The message box at the top of a form: what went wrong that no field took (`error`, read out at once), or
 * good news (`success`, e.g. "your password was changed").
 *
 * ```html
 * <psl-form-alert [message]="message" data-testid="login-error" />
 * ```
 */
@Component({
  selector: 'psl-form-alert',
  imports: [MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.role]': 'role()', '[class.success]': "tone() === 'success'" },
  template: `<mat-icon aria-hidden="true" [fontIcon]="icon()" /><span>{{ message() }}</span>`,
  styles: `
    :host {
      display: flex;
      align-items: flex-start;
      gap: 8px;
      margin-block-end: 12px;
      padding-block: 12px;
      padding-inline: 12px 16px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      font: var(--mat-sys-body-medium);
    }
    :host(.success) {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
  `,
})
export class FormAlert {
  readonly message = input.required<string>();
  readonly tone = input<'error' | 'success'>('error');
  protected readonly role = computed(() => (this.tone() === 'error' ? 'alert' : 'status'));
  protected readonly icon = computed(() => (this.tone() === 'error' ? 'error' : 'check_circle'));
}
