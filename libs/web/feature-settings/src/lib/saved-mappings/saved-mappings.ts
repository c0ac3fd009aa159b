import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { SavedMapping } from '@passerelle/api-types';
import { FIELD_KEYS, FIELD_LABELS, type FieldKey } from '@passerelle/domain-client';
import { AuthStore } from '@passerelle/web-data-access-auth';
import { describeError, loadErrorMessage } from '@passerelle/web-data-access-clients';
import { ImportsApi } from '@passerelle/web-data-access-imports';
import { LoadError, confirm } from '@passerelle/web-ui-common';
import { I18n, TranslatePipe } from '@passerelle/web-util-i18n';
import { firstValueFrom } from 'rxjs';

/** Longest name of a saved mapping (the API's rule). */
const NAME_MAX = 80;

/**
 * Settings → Saved mappings: the firm's column mappings saved during imports (applied automatically to a
 * file with the same headers). Everyone sees them and what each maps; admins rename and delete them.
 */
@Component({
  selector: 'psl-saved-mappings',
  imports: [
    FormsModule,
    MatButtonModule,
    MatCardModule,
    MatExpansionModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    LoadError,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './saved-mappings.html',
  styleUrls: ['../settings-section.scss', './saved-mappings.scss'],
})
export class SavedMappingsSettings {
  private readonly api = inject(ImportsApi);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly i18n = inject(I18n);

  protected readonly nameMax = NAME_MAX;
  protected readonly isAdmin = computed(() => this.auth.me()?.user.role === 'admin');
  protected readonly mappings = rxResource({ stream: () => this.api.savedMappings() });
  protected readonly list = computed(() => (this.mappings.hasValue() ? this.mappings.value() : []));
  protected readonly loadError = loadErrorMessage(this.mappings, this.i18n);

  /** The mapping being renamed, and the name typed. */
  protected readonly renaming = signal<string | null>(null);
  protected readonly name = signal('');
  protected readonly nameError = signal<string | null>(null);
  protected readonly busy = signal(false);

  protected fields(mapping: SavedMapping): { field: string; header: string }[] {
    const lang = this.i18n.lang();
    return FIELD_KEYS.filter((field) => mapping.fields[field] !== undefined).map((field: FieldKey) => ({
      field: FIELD_LABELS[field][lang],
      header: mapping.fields[field],
    }));
  }

  protected usage(mapping: SavedMapping): string {
    return mapping.lastUsedAt
      ? this.i18n.t('savedMappings.lastUsed', { date: this.i18n.dateTime(mapping.lastUsedAt) })
      : this.i18n.t('savedMappings.neverUsed');
  }

  protected startRename(mapping: SavedMapping): void {
    this.renaming.set(mapping.id);
    this.name.set(mapping.name);
    this.nameError.set(null);
  }

  protected cancelRename(): void {
    this.renaming.set(null);
    this.nameError.set(null);
  }

  protected onName(value: string): void {
    this.name.set(value);
    this.nameError.set(null);
  }

  async rename(mapping: SavedMapping): Promise<void> {
    const name = this.name().trim();
    if (!name) return this.nameError.set(this.i18n.t('savedMappings.nameRequired'));
    if ([...name].length > NAME_MAX)
      return this.nameError.set(this.i18n.t('savedMappings.nameTooLong', { max: NAME_MAX }));
    this.busy.set(true);
    try {
      await firstValueFrom(this.api.renameMapping(mapping.id, name));
      this.renaming.set(null);
      this.snackBar.open(this.i18n.t('savedMappings.renamed', { name }), undefined, { duration: 4000 });
      this.mappings.reload();
    } catch (error) {
      const problem = describeError(error, this.i18n);
      this.nameError.set(problem.fields?.['name']?.message ?? problem.message);
    } finally {
      this.busy.set(false);
    }
  }

  async remove(mapping: SavedMapping): Promise<void> {
    const ok = await confirm(this.dialog, {
      title: this.i18n.t('savedMappings.deleteTitle'),
      message: this.i18n.t('savedMappings.deleteText', { name: mapping.name }),
      confirmLabel: this.i18n.t('savedMappings.deleteConfirm'),
      cancelLabel: this.i18n.t('common.cancel'),
      destructive: true,
    });
    if (!ok) return;
    this.busy.set(true);
    try {
      await firstValueFrom(this.api.deleteMapping(mapping.id));
      this.snackBar.open(this.i18n.t('savedMappings.deleted', { name: mapping.name }), undefined, {
        duration: 4000,
      });
      this.mappings.reload();
    } catch (error) {
      this.snackBar.open(describeError(error, this.i18n).message, this.i18n.t('common.close'));
    } finally {
      this.busy.set(false);
    }
  }
}
