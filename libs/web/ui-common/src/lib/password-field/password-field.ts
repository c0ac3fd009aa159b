import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@passerelle/web-util-i18n';

/**
 * A password field with its show/hide button (a toggle: `aria-pressed`), its hint and its error under it.
 *
 * ```html
 * <psl-password-field [control]="form.controls.password" [label]="'…' | t" autocomplete="new-password"
 *   [hint]="'auth.passwordHint' | t: { min }" [error]="errorOf('password')" testId="reset-password" />
 * ```
 */
@Component({
  selector: 'psl-password-field',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field appearance="outline">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        [type]="hidden() ? 'password' : 'text'"
        [formControl]="control()"
        [attr.autocomplete]="autocomplete()"
        [attr.data-testid]="testId()"
      />
      <button
        mat-icon-button
        matSuffix
        type="button"
        (click)="hidden.set(!hidden())"
        [attr.aria-label]="(hidden() ? 'auth.showPassword' : 'auth.hidePassword') | t"
        [attr.aria-pressed]="!hidden()"
      >
        <mat-icon [fontIcon]="hidden() ? 'visibility' : 'visibility_off'" />
      </button>
      @if (hint(); as text) {
        <mat-hint>{{ text }}</mat-hint>
      }
      <mat-error>{{ error() }}</mat-error>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    mat-form-field {
      inline-size: 100%;
    }
  `,
})
export class PasswordField {
  readonly control = input.required<FormControl<string>>();
  readonly label = input.required<string>();
  /** `new-password` where one is chosen, `current-password` where one is typed to sign in. */
  readonly autocomplete = input<'new-password' | 'current-password'>('new-password');
  readonly hint = input<string>();
  readonly error = input<string>('');
  readonly testId = input<string>();

  protected readonly hidden = signal(true);
}
