import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { ApiError, SessionDto } from '@passerelle/api-types';
import { AuthStore } from '@passerelle/web-data-access-auth';
import { describeError } from '@passerelle/web-data-access-clients';
import { formSubmit, newPassword, PASSWORD_MIN_LENGTH } from '@passerelle/web-util-forms';
import { I18n, LANGUAGES, Lang, TranslatePipe } from '@passerelle/web-util-i18n';

/** The signed-in user's own account: name and language, password, and the sessions open in other browsers. */
@Component({
  selector: 'psl-account-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './account-page.html',
  styleUrl: './account-page.scss',
})
export class AccountPage {
  private readonly store = inject(AuthStore);
  private readonly i18n = inject(I18n);
  private readonly snackBar = inject(MatSnackBar);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly me = this.store.me;
  protected readonly languages = LANGUAGES.map((code) => ({ code, labelKey: `lang.${code}` as const }));
  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;

  protected readonly profile = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(120)]],
    language: ['fr' as Lang, Validators.required],
  });
  protected readonly password = this.fb.group({
    currentPassword: ['', Validators.required],
    newPassword: ['', [Validators.required, newPassword]],
  });
  protected readonly profileSubmit = formSubmit(this.profile, (error) => describeError(error, this.i18n));
  protected readonly passwordSubmit = formSubmit(this.password, (error) => describeError(error, this.i18n));
  protected readonly passwordHidden = signal(true);

  protected readonly sessions = signal<SessionDto[] | null>(null);
  protected readonly sessionsError = signal<string | null>(null);
  protected readonly sessionsBusy = signal(false);
  protected readonly others = computed(() => (this.sessions() ?? []).filter((s) => !s.current).length);

  constructor() {
    // Fill the profile form once the signed-in user is known (and again if it changes elsewhere).
    effect(() => {
      const me = this.me();
      if (me) this.profile.reset({ name: me.user.name, language: me.user.language as Lang });
    });
    void this.loadSessions();
  }

  protected saveProfile(): Promise<void> {
    return this.profileSubmit.submit(async () => {
      await this.store.updateMe(this.profile.getRawValue());
      this.snackBar.open(this.i18n.t('account.profileSaved'), undefined, { duration: 4000 });
    });
  }

  protected changePassword(): Promise<void> {
    return this.passwordSubmit.submit(async () => {
      await this.store.changePassword(this.password.getRawValue());
      this.password.reset();
      this.snackBar.open(this.i18n.t('account.passwordChanged'), undefined, { duration: 5000 });
      await this.loadSessions();
    });
  }

  protected async loadSessions(): Promise<void> {
    this.sessionsError.set(null);
    try {
      this.sessions.set(await this.store.sessions());
    } catch (error) {
      this.sessionsError.set((error as ApiError).message);
    }
  }

  protected async endSession(session: SessionDto): Promise<void> {
    await this.runOnSessions(async () => {
      await this.store.endSession(session.id);
      this.snackBar.open(this.i18n.t('account.sessionEnded'), undefined, { duration: 4000 });
    });
  }

  protected async endOthers(): Promise<void> {
    await this.runOnSessions(async () => {
      const ended = await this.store.endOtherSessions();
      this.snackBar.open(this.i18n.t('account.othersEnded', { count: ended }), undefined, { duration: 4000 });
    });
  }

  /** When, in the UI language (util-i18n's one home of date formatting). */
  protected when(iso: string): string {
    return this.i18n.dateTime(iso);
  }

  /** A readable name for a session's browser ("Chrome · Windows"), from its User-Agent. */
  protected device(session: SessionDto): string {
    const agent = session.userAgent ?? '';
    const browser = /Edg\//.test(agent)
      ? 'Edge'
      : /Firefox\//.test(agent)
        ? 'Firefox'
        : /Chrom(e|ium)\//.test(agent)
          ? 'Chrome'
          : /Safari\//.test(agent)
            ? 'Safari'
            : null;
    const system = /Android/.test(agent)
      ? 'Android'
      : /iPhone|iPad/.test(agent)
        ? 'iOS'
        : /Windows/.test(agent)
          ? 'Windows'
          : /Mac OS X/.test(agent)
            ? 'macOS'
            : /Linux/.test(agent)
              ? 'Linux'
              : null;
    const parts = [browser, system].filter((part): part is string => part !== null);
    return parts.length ? parts.join(' · ') : this.i18n.t('account.unknownDevice');
  }

  private async runOnSessions(work: () => Promise<void>): Promise<void> {
    if (this.sessionsBusy()) return;
    this.sessionsBusy.set(true);
    try {
      await work();
      await this.loadSessions();
    } catch (error) {
      this.sessionsError.set((error as ApiError).message);
    } finally {
      this.sessionsBusy.set(false);
    }
  }
}
