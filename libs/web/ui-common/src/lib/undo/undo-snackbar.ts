import { Injectable, inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { I18n } from '@passerelle/web-util-i18n';
import { firstValueFrom } from 'rxjs';

/** How long "Annuler" stays offered: long enough to read the message and react. */
export const UNDO_DURATION_MS = 8000;

/**
 * An action done at once, with a way back: a snackbar naming what happened and an "Annuler" (undo)
 * button for a few seconds. Resolves true when the user asked to undo; the caller then reverts.
 *
 * ```ts
 * if (await this.undo.offer(this.i18n.t('clients.archivedNamed', { name }))) await restore();
 * ```
 */
@Injectable({ providedIn: 'root' })
export class UndoSnackbar {
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);

  async offer(message: string, duration = UNDO_DURATION_MS): Promise<boolean> {
    const ref = this.snackBar.open(message, this.i18n.t('common.undo'), { duration });
    const dismissed = await firstValueFrom(ref.afterDismissed());
    return dismissed.dismissedByAction;
  }
}
