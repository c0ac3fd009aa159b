import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

/**
 * An e-mail address field: typed left to right whatever the page's direction, with its error under it
 * (the companion of psl-password-field on the sign-in, sign-up and forgotten-password forms).
 *
 * ```html
 * <psl-email-field [control]="form.controls.email" [label]="'auth.fields.email' | t" autocomplete="username"
 *   [error]="errorOf('email')" testId="login-email" />
 * ```
 */
@Component({
  selector: 'psl-email-field',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field appearance="outline">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        type="email"
        dir="ltr"
        [formControl]="control()"
        [attr.autocomplete]="autocomplete()"
        [attr.data-testid]="testId()"
      />
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
export class EmailField {
  readonly control = input.required<FormControl<string>>();
  readonly label = input.required<string>();
  /** `username` where an account's address is typed to sign in, `email` where a new one is given. */
  readonly autocomplete = input<'username' | 'email'>('email');
  readonly error = input<string>('');
  readonly testId = input<string>();
}
