import { Injectable, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { ClientDto, InvitationDto } from '@passerelle/api-types';
import { describeError } from '@passerelle/web-data-access-clients';
import { InvitationsApi } from '@passerelle/web-data-access-invitations';
import { confirm } from '@passerelle/web-ui-common';
import { I18n } from '@passerelle/web-util-i18n';
import { firstValueFrom } from 'rxjs';

/**
 * The client actions of activation (issue 9), shared by the clients list's row menu and the client page:
 * each says what happened (or the API's reason it could not) in a snackbar, and resolves with the
 * invitation it produced, or null.
 */
@Injectable({ providedIn: 'root' })
export class ClientActivation {
  private readonly api = inject(InvitationsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);

  activate(client: ClientDto): Promise<InvitationDto | null> {
    return this.attempt(async () => {
      const invitation = await firstValueFrom(this.api.activate(client.id));
      this.say(this.i18n.t('activation.activated', { email: invitation.email }));
      return invitation;
    });
  }

  /** A new link for the client's current invitation (the previous one stops working). */
  resend(client: ClientDto): Promise<InvitationDto | null> {
    return this.attempt(async () => {
      const current = await this.current(client);
      if (!current) return null;
      const invitation = await firstValueFrom(this.api.resend(current.id));
      this.say(this.i18n.t('activation.resent', { email: invitation.email }));
      return invitation;
    });
  }

  /** After a confirmation: the client's current invitation stops working. */
  async revoke(client: ClientDto): Promise<InvitationDto | null> {
    const ok = await confirm(this.dialog, {
      title: this.i18n.t('activation.revokeTitle'),
      message: this.i18n.t('activation.revokeText', { email: client.contactEmail ?? '' }),
      confirmLabel: this.i18n.t('activation.revokeConfirm'),
      cancelLabel: this.i18n.t('common.cancel'),
      destructive: true,
    });
    if (!ok) return null;
    return this.attempt(async () => {
      const current = await this.current(client);
      if (!current) return null;
      const invitation = await firstValueFrom(this.api.revoke(current.id));
      this.say(this.i18n.t('activation.revoked'));
      return invitation;
    });
  }

  private async current(client: ClientDto): Promise<InvitationDto | null> {
    const latest = await firstValueFrom(this.api.latestOf(client.id));
    if (!latest) this.say(this.i18n.t('activation.noInvitation'));
    return latest;
  }

  private async attempt(work: () => Promise<InvitationDto | null>): Promise<InvitationDto | null> {
    try {
      return await work();
    } catch (error) {
      this.snackBar.open(describeError(error, this.i18n).message, this.i18n.t('common.close'), {
        duration: 8000,
      });
      return null;
    }
  }

  private say(message: string): void {
    this.snackBar.open(message, undefined, { duration: 5000 });
  }
}
