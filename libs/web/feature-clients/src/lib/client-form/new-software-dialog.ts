import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type {
  AccountingSoftwareConfig,
  ApiError,
  SaveAccountingSoftwareConfigRequest,
} from '@passerelle/api-types';
import { AccountingSoftwareApi, describeError } from '@passerelle/web-data-access-clients';
import { AccountingSoftwareForm } from '@passerelle/web-ui-clients';
import { LoadError } from '@passerelle/web-ui-common';
import { I18n, TranslatePipe } from '@passerelle/web-util-i18n';
import { firstValueFrom } from 'rxjs';

/**
 * "Configurer un nouveau logiciel" from the client form, as a dialog: its Annuler/Enregistrer clearly
 * belong to it (not to the client form underneath), and focus returns to the button that opened it.
 * Closes with the created configuration, or nothing when cancelled.
 */
@Component({
  selector: 'psl-new-software-dialog',
  imports: [MatDialogModule, MatProgressBarModule, AccountingSoftwareForm, LoadError, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'accountingSoftware.createTitle' | t }}</h2>
    <mat-dialog-content data-testid="new-software-dialog">
      <p class="intro">{{ 'accountingSoftware.dialogIntro' | t }}</p>
      @if (catalogue.isLoading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | t" />
      } @else if (catalogue.error()) {
        <psl-load-error
          compact
          canRetry
          [message]="'accountingSoftware.catalogueError' | t"
          (retry)="catalogue.reload()"
        />
      } @else {
        <psl-accounting-software-form
          [catalogue]="catalogue.value() ?? []"
          [pending]="saving()"
          [serverError]="error()"
          (save)="create($event)"
          (cancelled)="ref.close()"
        />
      }
    </mat-dialog-content>
  `,
  styles: `
    .intro {
      margin-block: 0 16px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class NewSoftwareDialog {
  private readonly api = inject(AccountingSoftwareApi);
  private readonly i18n = inject(I18n);
  protected readonly ref = inject<MatDialogRef<NewSoftwareDialog, AccountingSoftwareConfig>>(MatDialogRef);
  protected readonly catalogue = rxResource({ stream: () => this.api.catalogue() });
  protected readonly saving = signal(false);
  protected readonly error = signal<ApiError | null>(null);

  protected async create(request: SaveAccountingSoftwareConfigRequest): Promise<void> {
    this.saving.set(true);
    this.error.set(null);
    try {
      this.ref.close(await firstValueFrom(this.api.create(request)));
    } catch (error) {
      this.error.set(describeError(error, this.i18n));
    } finally {
      this.saving.set(false);
    }
  }
}
