import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { AuthStore } from '@passerelle/web-data-access-auth';
import { describeError } from '@passerelle/web-data-access-clients';
import { EmailField, FormAlert, FormCard, PasswordField } from '@passerelle/web-ui-common';
import { emailAddress, formSubmit, newPassword, PASSWORD_MIN_LENGTH } from '@passerelle/web-util-forms';
import { I18n, TranslatePipe } from '@passerelle/web-util-i18n';

@Component({
  selector: 'psl-signup-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    EmailField,
    FormAlert,
    FormCard,
    PasswordField,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './signup-page.html',
  styles: ':host { display: contents; }',
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
  private readonly submission = formSubmit(this.form, (error) => describeError(error, this.i18n));
  protected readonly pending = this.submission.pending;
  protected readonly error = this.submission.error;
  protected readonly errorOf = this.submission.errorOf;

  protected submit(): Promise<void> {
    return this.submission.submit(async () => {
      const { firmName, name, email, password } = this.form.getRawValue();
      await this.store.signup({
        firmName: firmName.trim(),
        name: name.trim(),
        email: email.trim(),
        password,
      });
      await this.router.navigateByUrl('/');
    });
  }
}
