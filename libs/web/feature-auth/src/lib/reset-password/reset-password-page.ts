import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { AuthStore, linkPage, PasswordResetApi } from '@passerelle/web-data-access-auth';
import { describeError } from '@passerelle/web-data-access-clients';
import { formatDate } from '@passerelle/web-ui-clients';
import { LinkProblem, PasswordField } from '@passerelle/web-ui-common';
import { newPassword } from '@passerelle/web-util-forms';
import { I18n, TranslatePipe } from '@passerelle/web-util-i18n';
import { firstValueFrom } from 'rxjs';
import { PASSWORD_MIN_LENGTH, applyServerErrors, fieldErrorText } from '../form-errors';

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
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    LinkProblem,
    PasswordField,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reset-password-page.html',
  styleUrls: ['../auth-card.scss', '../link-page.scss'],
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
    (error) => describeError(error, this.i18n).message,
  );
  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    password: ['', [Validators.required, newPassword]],
  });
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly errorOf = (field: keyof typeof this.form.controls) =>
    fieldErrorText(this.form.controls[field], this.i18n);

  protected time(iso: string): string {
    return formatDate(iso, this.i18n.lang(), true);
  }

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    this.error.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    try {
      await firstValueFrom(this.api.reset(this.token(), this.form.getRawValue().password));
      // Every session ended, this one too: whoever was signed in here is not any more.
      await this.auth.reload().catch(() => null);
      await this.router.navigate(['/login'], { queryParams: { passwordReset: 'done' } });
    } catch (error) {
      const problem = this.link.submitFailed(error);
      if (problem) this.error.set(applyServerErrors(this.form, describeError(problem, this.i18n)));
    } finally {
      this.pending.set(false);
    }
  }
}
