import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { PasswordResetApi } from '@passerelle/web-data-access-auth';
import { describeError } from '@passerelle/web-data-access-clients';
import { emailAddress } from '@passerelle/web-util-forms';
import { I18n, TranslatePipe } from '@passerelle/web-util-i18n';
import { firstValueFrom } from 'rxjs';
import { applyServerErrors, fieldErrorText } from '../form-errors';

/**
 * /forgot-password: the address of the account; the answer is the same whether it has an account or not
 * (the API says nothing either), so the page always shows "check your inbox".
 */
@Component({
  selector: 'psl-forgot-password-page',
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
  templateUrl: './forgot-password-page.html',
  styleUrls: ['../auth-card.scss', '../link-page.scss'],
})
export class ForgotPasswordPage {
  private readonly api = inject(PasswordResetApi);
  private readonly i18n = inject(I18n);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, emailAddress]],
  });
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);
  /** The address the link was asked for, once asked. */
  protected readonly sentTo = signal<string | null>(null);
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
    const email = this.form.getRawValue().email.trim();
    try {
      await firstValueFrom(this.api.request(email));
      this.sentTo.set(email);
    } catch (error) {
      this.error.set(applyServerErrors(this.form, describeError(error, this.i18n)));
    } finally {
      this.pending.set(false);
    }
  }

  protected again(): void {
    this.sentTo.set(null);
  }
}
