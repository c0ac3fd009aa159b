import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { Router, RouterLink } from '@angular/router';
import { AuthStore, linkPage, PasswordResetApi } from '@passerelle/web-data-access-auth';
import { describeError } from '@passerelle/web-data-access-clients';
import { formatDate } from '@passerelle/web-ui-clients';
import { FormAlert, LinkCard, PasswordField } from '@passerelle/web-ui-common';
import { formSubmit, newPassword, PASSWORD_MIN_LENGTH } from '@passerelle/web-util-forms';
import { I18n, TranslatePipe } from '@passerelle/web-util-i18n';
import { firstValueFrom } from 'rxjs';

/**
 * /reset-password/:token, the link of the reset e-mail: checks the link first (an unusable one gets one
 * neutral page and a way to ask again), then a new password by the sign-up rules. Every session of the
 * account ends, this browser's too: the person signs in again with the new password.
 */
@Component({
  selector: 'psl-reset-password-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    FormAlert,
    LinkCard,
    PasswordField,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reset-password-page.html',
  styles: ':host { display: contents; }',
})
export class ResetPasswordPage {
  private readonly api = inject(PasswordResetApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);

  /** The `:token` route parameter. */
  readonly token = input.required<string>();

  protected readonly link = linkPage(
    this.token,
    (token) => this.api.view(token),
    (error) => describeError(error, this.i18n),
  );
  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    password: ['', [Validators.required, newPassword]],
  });
  private readonly submission = formSubmit(this.form, (error) => this.link.submitError(error));
  protected readonly pending = this.submission.pending;
  protected readonly error = this.submission.error;
  protected readonly errorOf = this.submission.errorOf;

  protected time(iso: string): string {
    return formatDate(iso, this.i18n.lang(), true);
  }

  protected submit(): Promise<void> {
    return this.submission.submit(async () => {
      await firstValueFrom(this.api.reset(this.token(), this.form.getRawValue().password));
      // Every session ended, this one too: whoever was signed in here is not any more.
      await this.auth.reload().catch(() => null);
      await this.router.navigate(['/login'], { queryParams: { passwordReset: 'done' } });
    });
  }
}
