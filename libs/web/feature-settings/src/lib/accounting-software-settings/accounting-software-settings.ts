import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import type {
  AccountingSoftwareConfig,
  ApiError,
  SaveAccountingSoftwareConfigRequest,
} from '@passerelle/api-types';
import { AuthStore } from '@passerelle/web-data-access-auth';
import { AccountingSoftwareApi, describeError, loadErrorMessage } from '@passerelle/web-data-access-clients';
import { AccountingSoftwareForm } from '@passerelle/web-ui-clients';
import { LoadError, StatusChip } from '@passerelle/web-ui-common';
import { I18n, TranslatePipe } from '@passerelle/web-util-i18n';
import { firstValueFrom } from 'rxjs';

/** What the editor panel is doing: creating one, editing one, or closed. */
type Editing = { mode: 'create' } | { mode: 'edit'; config: AccountingSoftwareConfig } | null;

/** Settings → Accounting software: the firm's configurations; admins create, edit and set the default. */
@Component({
  selector: 'psl-accounting-software-settings',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    TranslatePipe,
    AccountingSoftwareForm,
    LoadError,
    StatusChip,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './accounting-software-settings.html',
  styleUrls: ['../settings-section.scss', './accounting-software-settings.scss'],
})
export class AccountingSoftwareSettings {
  private readonly api = inject(AccountingSoftwareApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);
  private readonly auth = inject(AuthStore);

  protected readonly isAdmin = computed(() => this.auth.me()?.user.role === 'admin');
  protected readonly configs = rxResource({ stream: () => this.api.configs() });
  protected readonly catalogue = rxResource({ stream: () => this.api.catalogue() });
  protected readonly editing = signal<Editing>(null);
  protected readonly pending = signal(false);
  protected readonly serverError = signal<ApiError | null>(null);

  protected readonly list = computed(() => (this.configs.hasValue() ? this.configs.value() : []));
  protected readonly loadError = loadErrorMessage(this.configs, this.i18n);

  /** "Aucun client", "1 client", "3 clients". */
  protected clientCount(count: number): string {
    return this.i18n.t('accountingSoftware.clientCount', { count });
  }

  protected delivery(config: AccountingSoftwareConfig): string {
    if (config.deliveryMethod === 'email')
      return this.i18n.t('accountingSoftware.deliveryEmailSummary', { email: config.deliveryEmail ?? '' });
    return this.i18n.t('accountingSoftware.deliveryExportSummary', {
      format: this.i18n.t(
        config.exportFormat === 'csv' ? 'accountingSoftware.format.csv' : 'accountingSoftware.format.xlsx',
      ),
      frequency: this.i18n.t(
        config.exportFrequency === 'daily'
          ? 'accountingSoftware.frequency.daily'
          : config.exportFrequency === 'monthly'
            ? 'accountingSoftware.frequency.monthly'
            : 'accountingSoftware.frequency.weekly',
      ),
    });
  }

  protected startCreate(): void {
    this.serverError.set(null);
    this.editing.set({ mode: 'create' });
  }

  protected startEdit(config: AccountingSoftwareConfig): void {
    this.serverError.set(null);
    this.editing.set({ mode: 'edit', config });
  }

  protected async save(request: SaveAccountingSoftwareConfigRequest): Promise<void> {
    const editing = this.editing();
    if (!editing) return;
    this.pending.set(true);
    this.serverError.set(null);
    try {
      await firstValueFrom(
        editing.mode === 'edit' ? this.api.update(editing.config.id, request) : this.api.create(request),
      );
      this.editing.set(null);
      this.configs.reload();
      this.snackBar.open(this.i18n.t('accountingSoftware.saved'), undefined, { duration: 3000 });
    } catch (error) {
      this.serverError.set(describeError(error, this.i18n));
    } finally {
      this.pending.set(false);
    }
  }

  protected async setDefault(config: AccountingSoftwareConfig): Promise<void> {
    this.pending.set(true);
    try {
      await firstValueFrom(this.api.setDefault(config.id));
      this.configs.reload();
      this.snackBar.open(this.i18n.t('accountingSoftware.defaultSet', { label: config.label }), undefined, {
        duration: 3000,
      });
    } catch (error) {
      this.snackBar.open(describeError(error, this.i18n).message, this.i18n.t('common.close'));
    } finally {
      this.pending.set(false);
    }
  }
}
