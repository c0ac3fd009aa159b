import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { INVITATION_EMAIL_LANGUAGES, TEAM_ROLES } from '@passerelle/domain-client';
import type { TeamInvitation, TeamRole } from '@passerelle/api-types';
import { describeError } from '@passerelle/web-data-access-clients';
import { TeamApi } from '@passerelle/web-data-access-team';
import { applyServerErrors, emailAddress, fieldErrorText } from '@passerelle/web-util-forms';
import { I18n, TranslatePipe } from '@passerelle/web-util-i18n';
import { firstValueFrom } from 'rxjs';

/** Refusals about the address itself: said under the e-mail field, where the fix is typed. */
const ADDRESS_CODES = new Set(['email_has_account', 'already_member', 'team_invitation_pending']);

/** "Inviter un collaborateur": address, optional name, role, language of the e-mail. Closes with the invitation. */
@Component({
  selector: 'psl-invite-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSelectModule,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'team.inviteDialog.title' | t }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <div class="progress-slot">
          @if (pending()) {
            <mat-progress-bar mode="indeterminate" [attr.aria-label]="'team.inviteDialog.sending' | t" />
          }
        </div>
        <p class="intro">{{ 'team.inviteDialog.intro' | t }}</p>
        <p class="required-note" aria-hidden="true">{{ 'common.requiredNote' | t }}</p>
        @if (error(); as message) {
          <div class="alert" role="alert" data-testid="invite-error">
            <mat-icon aria-hidden="true" fontIcon="error" />
            <span>{{ message }}</span>
          </div>
        }
        <mat-form-field appearance="outline">
          <mat-label>{{ 'team.inviteDialog.email' | t }}</mat-label>
          <input
            matInput
            type="email"
            formControlName="email"
            autocomplete="off"
            data-testid="invite-email"
          />
          <mat-error>{{ errorOf('email') }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'team.inviteDialog.name' | t }}</mat-label>
          <input matInput formControlName="name" autocomplete="off" data-testid="invite-name" />
          <mat-error>{{ errorOf('name') }}</mat-error>
        </mat-form-field>
        <fieldset class="roles">
          <legend>{{ 'team.inviteDialog.role' | t }}</legend>
          <mat-radio-group formControlName="role" class="role-options" data-testid="invite-role">
            @for (role of roles; track role) {
              <mat-radio-button [value]="role" [attr.data-testid]="'invite-role-' + role">
                <span class="role-name">{{ roleLabel(role) }}</span>
                <span class="role-hint">{{ roleHint(role) }}</span>
              </mat-radio-button>
            }
          </mat-radio-group>
        </fieldset>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'team.inviteDialog.language' | t }}</mat-label>
          <mat-select formControlName="language" data-testid="invite-language">
            @for (language of languages; track language) {
              <mat-option [value]="language">
                <span [attr.lang]="language" [attr.dir]="language === 'ar' ? 'rtl' : null">{{
                  languageName(language)
                }}</span>
              </mat-option>
            }
          </mat-select>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="pending()" data-testid="invite-submit">
          {{ 'team.inviteDialog.submit' | t }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-dialog-content {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    mat-form-field {
      inline-size: 100%;
    }
    .progress-slot {
      block-size: 4px;
    }
    .intro {
      margin-block: 0 4px;
      color: var(--mat-sys-on-surface-variant);
    }
    .required-note {
      margin-block: 0 8px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .alert {
      display: flex;
      align-items: flex-start;
      gap: 8px;
      margin-block-end: 12px;
      padding: 12px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .roles {
      margin: 0 0 16px;
      padding: 0;
      border: 0;
    }
    legend {
      margin-block-end: 4px;
      font: var(--mat-sys-title-small);
    }
    .role-options {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .role-name {
      display: block;
      font: var(--mat-sys-body-large);
    }
    .role-hint {
      display: block;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class InviteDialog {
  private readonly api = inject(TeamApi);
  private readonly i18n = inject(I18n);
  private readonly ref = inject<MatDialogRef<InviteDialog, TeamInvitation>>(MatDialogRef);

  protected readonly roles = TEAM_ROLES;
  protected readonly languages = INVITATION_EMAIL_LANGUAGES;
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, emailAddress]],
    name: ['', Validators.maxLength(120)],
    role: ['member' as TeamRole, Validators.required],
    language: [this.i18n.lang() as (typeof INVITATION_EMAIL_LANGUAGES)[number], Validators.required],
  });
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly errorOf = (field: keyof typeof this.form.controls) =>
    fieldErrorText(this.form.controls[field], this.i18n);

  protected roleLabel(role: TeamRole): string {
    return this.i18n.t(role === 'admin' ? 'team.role.admin' : 'team.role.member');
  }

  protected roleHint(role: TeamRole): string {
    return this.i18n.t(role === 'admin' ? 'team.inviteDialog.adminHint' : 'team.inviteDialog.memberHint');
  }

  protected languageName(language: (typeof INVITATION_EMAIL_LANGUAGES)[number]): string {
    return this.i18n.t(`team.inviteDialog.languages.${language}`);
  }

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    this.error.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    const { email, name, role, language } = this.form.getRawValue();
    try {
      const invitation = await firstValueFrom(
        this.api.invite({ email: email.trim(), role, language, ...(name.trim() && { name: name.trim() }) }),
      );
      this.ref.close(invitation);
    } catch (error) {
      const problem = describeError(error, this.i18n);
      if (ADDRESS_CODES.has(problem.code)) {
        this.form.controls.email.setErrors({ server: problem.message });
        this.form.controls.email.markAsTouched();
      } else this.error.set(applyServerErrors(this.form, problem));
    } finally {
      this.pending.set(false);
    }
  }
}
