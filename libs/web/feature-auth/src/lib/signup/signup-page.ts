import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { AuthStore, toApiError } from '@passerelle/web-data-access-auth';
import { emailAddress, newPassword } from '@passerelle/web-util-forms';
import { I18n, TranslatePipe } from '@passerelle/web-util-i18n';
import { PASSWORD_MIN_LENGTH, applyServerErrors, fieldErrorText } from '../form-errors';

@Component({
  selector: 'psl-signup-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './signup-page.html',
  styleUrl: '../auth-card.scss',
})
export class SignupPage {
  private readonly store = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);

  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    firmName: ['', Validators.required],
    name: ['', Validators.required],
    email: ['', [Validators.required, emailAddress]],
    password: ['', [Validators.required, newPassword]],
  });
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly passwordHidden = signal(true);
  protected readonly errorOf = (field: keyof typeof this.form.controls) =>
    fieldErrorText(this.form.controls[field], this.i18n);

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    this.error.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    try {
      const { firmName, name, email, password } = this.form.getRawValue();
      await this.store.signup({
        firmName: firmName.trim(),
        name: name.trim(),
        email: email.trim(),
        password,
      });
      await this.router.navigateByUrl('/');
    } catch (error) {
      this.error.set(applyServerErrors(this.form, toApiError(error)));
    } finally {
      this.pending.set(false);
    }
  }
}
