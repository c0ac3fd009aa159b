import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { AuthStore, linkPage } from '@passerelle/web-data-access-auth';
import { describeError } from '@passerelle/web-data-access-clients';
import { InvitationsApi } from '@passerelle/web-data-access-invitations';
import { formatDate } from '@passerelle/web-ui-clients';
import { FormAlert, LinkCard, PasswordField } from '@passerelle/web-ui-common';
import { formSubmit, newPassword, PASSWORD_MIN_LENGTH } from '@passerelle/web-util-forms';
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
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    FormAlert,
    LinkCard,
    PasswordField,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './accept-invitation-page.html',
  styles: ':host { display: contents; }',
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
    (error) => describeError(error, this.i18n),
  );
  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', Validators.required],
    password: ['', [Validators.required, newPassword]],
  });
  private readonly submission = formSubmit(this.form, (error) => this.link.submitError(error));
  protected readonly pending = this.submission.pending;
  protected readonly error = this.submission.error;
  protected readonly errorOf = this.submission.errorOf;

  protected date(iso: string): string {
    return formatDate(iso, this.i18n.lang());
  }

  protected submit(): Promise<void> {
    return this.submission.submit(async () => {
      const { name, password } = this.form.getRawValue();
      await firstValueFrom(
        this.api.accept(this.token(), { name: name.trim(), password, language: this.i18n.lang() }),
      );
      // The answer set the session cookie: the store reads who is signed in now.
      await this.auth.reload();
      await this.router.navigateByUrl('/folder');
    });
  }
}
