import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { ClientFolder } from '@passerelle/api-types';
import { InvitationsApi } from '@passerelle/web-data-access-invitations';
import { LoadError } from '@passerelle/web-ui-common';
import { I18n, TranslatePipe } from '@passerelle/web-util-i18n';
import { firstValueFrom } from 'rxjs';
import { FolderView } from '../folder-view/folder-view';

/** Staff "Open client folder": the client's folder as the client sees it, then the projected sections. */
@Component({
  selector: 'psl-staff-client-folder',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    RouterLink,
    LoadError,
    TranslatePipe,
    FolderView,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a mat-button class="back" [routerLink]="['/clients', clientId()]" data-testid="folder-back">
      <mat-icon fontIcon="arrow_back" />{{ 'folder.backToClient' | t }}
    </a>
    <h1 class="page-title" data-testid="staff-folder-title">
      {{ folder() ? ('folder.staffTitle' | t) + ' — ' + folder()?.client?.name : ('folder.staffTitle' | t) }}
    </h1>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | t" />
    } @else if (error(); as message) {
      <psl-load-error
        [message]="message"
        [canRetry]="!notFound()"
        (retry)="load(clientId())"
        backLink="/clients"
      />
    } @else if (folder(); as view) {
      <psl-folder-view [folder]="view" staff />
      <ng-content />
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
    .back {
      align-self: flex-start;
    }
    .page-title {
      margin: 0;
      font: var(--mat-sys-headline-small);
      overflow-wrap: anywhere;
    }
  `,
})
export class StaffClientFolder {
  private readonly api = inject(InvitationsApi);
  private readonly i18n = inject(I18n);

  readonly clientId = input.required<string>();
  protected readonly folder = signal<ClientFolder | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly notFound = signal(false);

  constructor() {
    effect(() => {
      const id = this.clientId();
      untracked(() => void this.load(id));
    });
  }

  protected async load(id: string): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    this.notFound.set(false);
    try {
      this.folder.set(await firstValueFrom(this.api.clientFolder(id)));
    } catch (error) {
      const missing = error instanceof HttpErrorResponse && error.status === 404;
      this.notFound.set(missing);
      this.error.set(this.i18n.t(missing ? 'folder.notFound' : 'folder.loadError'));
    } finally {
      this.loading.set(false);
    }
  }
}
