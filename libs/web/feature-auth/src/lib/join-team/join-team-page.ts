import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import type { PublicTeamInvitation } from '@passerelle/api-types';
import { AuthStore, linkPage } from '@passerelle/web-data-access-auth';
import { describeError } from '@passerelle/web-data-access-clients';
import { TeamApi } from '@passerelle/web-data-access-team';
import { formatDate } from '@passerelle/web-ui-clients';
import { FormAlert, LinkCard, PasswordField } from '@passerelle/web-ui-common';
import { formSubmit, newPassword, PASSWORD_MIN_LENGTH } from '@passerelle/web-util-forms';
import { I18n, TranslatePipe } from '@passerelle/web-util-i18n';
import { firstValueFrom, tap } from 'rxjs';

/**
 * /join/:token, the link of a team invitation (no session): which firm, which role, who invites; then a name
 * and a password (the sign-up rules) to create the account — signed in at once, on the firm's dashboard. An
 * address that already has an account is told so before anything is typed; an unusable link gets one
 * neutral page.
 */
@Component({
  selector: 'psl-join-team-page',
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
  templateUrl: './join-team-page.html',
  styles: ':host { display: contents; }',
})
export class JoinTeamPage {
  private readonly api = inject(TeamApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);

  /** The `:token` route parameter. */
  readonly token = input.required<string>();

  protected readonly link = linkPage(
    this.token,
    // The name the admin typed, if any, prefills the form.
    (token) => this.api.viewInvitation(token).pipe(tap((invitation) => this.prefill(invitation))),
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

  protected roleLabel(role: PublicTeamInvitation['role']): string {
    return this.i18n.t(role === 'admin' ? 'team.role.admin' : 'team.role.member');
  }

  protected date(iso: string): string {
    return formatDate(iso, this.i18n.lang());
  }

  private prefill(invitation: PublicTeamInvitation): void {
    if (invitation.name && !this.form.controls.name.value) this.form.controls.name.setValue(invitation.name);
  }

  protected submit(): Promise<void> {
    return this.submission.submit(async () => {
      const { name, password } = this.form.getRawValue();
      await firstValueFrom(
        this.api.acceptInvitation(this.token(), { name: name.trim(), password, language: this.i18n.lang() }),
      );
      // The answer set the session cookie: the store reads who is signed in now.
      await this.auth.reload();
      await this.router.navigateByUrl('/');
    });
  }
}
