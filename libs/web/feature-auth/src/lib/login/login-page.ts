import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { AuthStore, safeReturnUrl } from '@passerelle/web-data-access-auth';
import { describeError } from '@passerelle/web-data-access-clients';
import { EmailField, FormAlert, FormCard, PasswordField } from '@passerelle/web-ui-common';
import { emailAddress, formSubmit } from '@passerelle/web-util-forms';
import { I18n, TranslatePipe } from '@passerelle/web-util-i18n';

@Component({
  selector: 'psl-login-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    EmailField,
    FormAlert,
    FormCard,
    PasswordField,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login-page.html',
  styles: ':host { display: contents; }',
})
export class LoginPage {
  private readonly store = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);

  /** Where to go once signed in (query parameter set by the auth guard). */
  readonly returnUrl = input<string>();
  /** `done` after a password reset (query parameter set by the reset page): says the new one is in place. */
  readonly passwordReset = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, emailAddress]],
    password: ['', Validators.required],
  });
  private readonly submission = formSubmit(this.form, (error) => describeError(error, this.i18n));
  protected readonly pending = this.submission.pending;
  protected readonly error = this.submission.error;
  protected readonly errorOf = this.submission.errorOf;

  protected submit(): Promise<void> {
    return this.submission.submit(async () => {
      await this.store.login(this.form.getRawValue());
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
    });
  }
}
