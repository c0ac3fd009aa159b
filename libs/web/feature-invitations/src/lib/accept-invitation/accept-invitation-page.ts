import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { AuthStore, linkPage, toApiError } from '@passerelle/web-data-access-auth';
import { describeError } from '@passerelle/web-data-access-clients';
import { InvitationsApi } from '@passerelle/web-data-access-invitations';
import { formatDate } from '@passerelle/web-ui-clients';
import {
  applyServerErrors,
  fieldErrorText,
  newPassword,
  PASSWORD_MIN_LENGTH,
} from '@passerelle/web-util-forms';
import { I18n, TranslatePipe } from '@passerelle/web-util-i18n';
import { concatMap, firstValueFrom, from, map } from 'rxjs';

/**
 * What the link in the invitation e-mail opens (no session): who invites whom, then a name and a password
 * (the sign-up rules) to accept — which creates the client's access, signs it in and opens its space. A link
 * that is unknown, expired, replaced or used gets one neutral page.
 */
@Component({
  selector: 'psl-accept-invitation-page',
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
  templateUrl: './accept-invitation-page.html',
  styleUrl: './accept-invitation-page.scss',
})
export class AcceptInvitationPage {
  private readonly api = inject(InvitationsApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);

  /** The `:token` route parameter. */
  readonly token = input.required<string>();

  protected readonly link = linkPage(
    this.token,
    // The invitation is written in the contact's language: so is its page, unless this browser chose one.
    // The page shows once that language's dictionary is loaded, never first in French.
    (token) =>
      this.api
        .view(token)
        .pipe(
          concatMap((invitation) => from(this.i18n.suggest(invitation.language)).pipe(map(() => invitation))),
        ),
    (error) => describeError(error, this.i18n).message,
  );
  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', Validators.required],
    password: ['', [Validators.required, newPassword]],
  });
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly passwordHidden = signal(true);
  protected readonly errorOf = (field: keyof typeof this.form.controls) =>
    fieldErrorText(this.form.controls[field], this.i18n);

  protected date(iso: string): string {
    return formatDate(iso, this.i18n.lang());
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
      const { name, password } = this.form.getRawValue();
      await firstValueFrom(
        this.api.accept(this.token(), { name: name.trim(), password, language: this.i18n.lang() }),
      );
      // The answer set the session cookie: the store reads who is signed in now.
      await this.auth.reload();
      await this.router.navigateByUrl('/folder');
    } catch (error) {
      const problem = this.link.submitFailed(error);
      if (problem) this.error.set(applyServerErrors(this.form, toApiError(problem)) ?? null);
    } finally {
      this.pending.set(false);
    }
  }
}
