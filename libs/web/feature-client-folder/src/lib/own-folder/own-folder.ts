import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { ClientFolder } from '@passerelle/api-types';
import { AuthStore } from '@passerelle/web-data-access-auth';
import { describeError } from '@passerelle/web-data-access-clients';
import { InvitationsApi } from '@passerelle/web-data-access-invitations';
import { LoadError } from '@passerelle/web-ui-common';
import { I18n, TranslatePipe } from '@passerelle/web-util-i18n';
import { firstValueFrom } from 'rxjs';
import { FolderView } from '../folder-view/folder-view';

/** The client user's home: its folder, then what the app projects (its documents). */
@Component({
  selector: 'psl-own-folder',
  imports: [MatProgressBarModule, LoadError, TranslatePipe, FolderView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let me = auth.me();
    <h1 class="page-title" data-testid="client-space-title">
      {{ me ? ('folder.welcome' | t: { name: me.user.name }) : ('folder.title' | t) }}
    </h1>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | t" />
    } @else if (error(); as message) {
      <psl-load-error [message]="message" canRetry (retry)="load()" />
    } @else if (folder(); as view) {
      <psl-folder-view [folder]="view" />
      <ng-content />
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
    .page-title {
      margin: 0;
      font: var(--mat-sys-headline-small);
    }
  `,
})
export class OwnFolder {
  private readonly api = inject(InvitationsApi);
  private readonly i18n = inject(I18n);
  protected readonly auth = inject(AuthStore);
  protected readonly folder = signal<ClientFolder | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      this.folder.set(await firstValueFrom(this.api.ownFolder()));
    } catch (error) {
      this.error.set(describeError(error, this.i18n).message || this.i18n.t('folder.loadError'));
    } finally {
      this.loading.set(false);
    }
  }
}
