import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { PasswordResetApi } from '@passerelle/web-data-access-auth';
import { describeError } from '@passerelle/web-data-access-clients';
import { EmailField, FormAlert, FormCard } from '@passerelle/web-ui-common';
import { emailAddress, formSubmit } from '@passerelle/web-util-forms';
import { I18n, TranslatePipe } from '@passerelle/web-util-i18n';
import { firstValueFrom } from 'rxjs';

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
    MatIconModule,
    EmailField,
    FormAlert,
    FormCard,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './forgot-password-page.html',
  styles: ':host { display: contents; }',
})
export class ForgotPasswordPage {
  private readonly api = inject(PasswordResetApi);
  private readonly i18n = inject(I18n);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, emailAddress]],
  });
  private readonly submission = formSubmit(this.form, (error) => describeError(error, this.i18n));
  protected readonly pending = this.submission.pending;
  protected readonly error = this.submission.error;
  protected readonly errorOf = this.submission.errorOf;
  /** The address the link was asked for, once asked. */
  protected readonly sentTo = signal<string | null>(null);

  protected submit(): Promise<void> {
    return this.submission.submit(async () => {
      const email = this.form.getRawValue().email.trim();
      await firstValueFrom(this.api.request(email));
      this.sentTo.set(email);
    });
  }

  protected again(): void {
    this.sentTo.set(null);
  }
}
