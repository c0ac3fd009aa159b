import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { removesLastAdmin } from '@passerelle/domain-client';
import type { TeamInvitation, TeamMember, TeamRole } from '@passerelle/api-types';
import { describeError, loadErrorMessage } from '@passerelle/web-data-access-clients';
import { TeamApi } from '@passerelle/web-data-access-team';
import { formatDate } from '@passerelle/web-ui-clients';
import { confirm, LoadError, StatusChip, type StatusTone } from '@passerelle/web-ui-common';
import { I18n, TranslatePipe } from '@passerelle/web-util-i18n';
import { firstValueFrom, Observable } from 'rxjs';
import { InviteDialog } from './invite-dialog';

/**
 * Settings → Team: the firm's members (role, last sign-in, deactivated or not) and, for admins, the pending
 * invitations. Admins invite, resend or cancel invitations, change roles and deactivate accounts — each
 * change confirmed first; what would leave the firm without an active admin is offered disabled, with the
 * reason (the API refuses it anyway: `last_admin`). Members see the list, read-only.
 */
@Component({
  selector: 'psl-team-settings',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatMenuModule,
    MatProgressBarModule,
    TranslatePipe,
    LoadError,
    StatusChip,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './team-settings.html',
  styleUrls: ['../settings-section.scss', './team-settings.scss'],
})
export class TeamSettings {
  private readonly api = inject(TeamApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);

  protected readonly team = rxResource({ stream: () => this.api.team() });
  protected readonly pending = signal(false);

  protected readonly canManage = computed(() => (this.team.hasValue() ? this.team.value().canManage : false));
  protected readonly members = computed(() => (this.team.hasValue() ? this.team.value().members : []));
  protected readonly invitations = computed(() =>
    this.team.hasValue() ? this.team.value().invitations : [],
  );
  protected readonly loadError = loadErrorMessage(this.team, this.i18n);
  private readonly seats = computed(() =>
    this.members().map((member) => ({ id: member.id, role: member.role, active: member.active })),
  );

  protected roleLabel(role: TeamRole): string {
    return this.i18n.t(role === 'admin' ? 'team.role.admin' : 'team.role.member');
  }

  protected roleTone(role: TeamRole): StatusTone {
    return role === 'admin' ? 'info' : 'secondary';
  }

  /** A failed delivery shows first: the admin has something to do. */
  protected invitationTone(invitation: TeamInvitation): StatusTone {
    if (invitation.delivery === 'failed') return 'error';
    return invitation.status === 'expired' ? 'neutral' : 'secondary';
  }

  protected lastLogin(member: TeamMember): string {
    return member.lastLoginAt
      ? this.i18n.t('team.lastLogin', { date: formatDate(member.lastLoginAt, this.i18n.lang(), true) })
      : this.i18n.t('team.neverLoggedIn');
  }

  /** The other role, unless the change would leave no active admin. */
  protected canSwitchRole(member: TeamMember): boolean {
    return !removesLastAdmin(this.seats(), member.id, { role: otherRole(member.role) });
  }

  protected canDeactivate(member: TeamMember): boolean {
    return !member.isYou && !removesLastAdmin(this.seats(), member.id, 'deactivate');
  }

  protected isLastAdmin(member: TeamMember): boolean {
    return !this.canSwitchRole(member);
  }

  protected delivery(invitation: TeamInvitation): string {
    if (invitation.status === 'expired')
      return this.i18n.t('team.expiredOn', { date: this.date(invitation.expiresAt) });
    const expires = this.i18n.t('team.expiresOn', { date: this.date(invitation.expiresAt) });
    if (invitation.delivery === 'failed')
      return this.i18n.t('team.deliveryFailed', { reply: invitation.lastSmtpReply ?? '' });
    if (invitation.delivery === 'sent' && invitation.sentAt)
      return `${this.i18n.t('team.deliverySent', { date: this.date(invitation.sentAt) })} · ${expires}`;
    return `${this.i18n.t('team.deliveryQueued')} · ${expires}`;
  }

  protected invitedAs(invitation: TeamInvitation): string {
    const role = this.i18n.t(invitation.role === 'admin' ? 'team.roleLower.admin' : 'team.roleLower.member');
    return invitation.invitedBy
      ? this.i18n.t('team.invitedAsBy', { role, name: invitation.invitedBy })
      : this.i18n.t('team.invitedAs', { role });
  }

  protected async invite(): Promise<void> {
    const ref = this.dialog.open<InviteDialog, void, TeamInvitation>(InviteDialog, {
      autoFocus: 'first-tabbable',
      width: 'min(520px, calc(100vw - 32px))',
      maxWidth: 'calc(100vw - 32px)',
    });
    const invitation = await firstValueFrom(ref.afterClosed());
    if (!invitation) return;
    this.team.reload();
    this.notify(this.i18n.t('team.inviteDialog.sent', { email: invitation.email }));
  }

  protected async switchRole(member: TeamMember): Promise<void> {
    const role = otherRole(member.role);
    const ok = await confirm(this.dialog, {
      title: this.i18n.t('team.confirmRoleTitle', { name: member.name }),
      message: this.i18n.t(role === 'admin' ? 'team.confirmRoleAdmin' : 'team.confirmRoleMember', {
        name: member.name,
      }),
      confirmLabel: this.i18n.t(role === 'admin' ? 'team.makeAdmin' : 'team.makeMember'),
      cancelLabel: this.i18n.t('common.cancel'),
    });
    if (!ok) return;
    const roleName = this.i18n.t(role === 'admin' ? 'team.roleLower.admin' : 'team.roleLower.member');
    await this.run(
      this.api.changeRole(member.id, role),
      this.i18n.t('team.roleChanged', {
        name: member.name,
        role: roleName,
      }),
    );
  }

  protected async deactivate(member: TeamMember): Promise<void> {
    const ok = await confirm(this.dialog, {
      title: this.i18n.t('team.confirmDeactivateTitle', { name: member.name }),
      message: this.i18n.t('team.confirmDeactivate', { name: member.name }),
      confirmLabel: this.i18n.t('team.deactivate'),
      cancelLabel: this.i18n.t('common.cancel'),
      destructive: true,
    });
    if (!ok) return;
    await this.run(this.api.deactivate(member.id), this.i18n.t('team.deactivated', { name: member.name }));
  }

  protected reactivate(member: TeamMember): Promise<void> {
    return this.run(this.api.reactivate(member.id), this.i18n.t('team.reactivated', { name: member.name }));
  }

  protected resend(invitation: TeamInvitation): Promise<void> {
    return this.run(this.api.resend(invitation.id), this.i18n.t('team.resent', { email: invitation.email }));
  }

  protected async cancel(invitation: TeamInvitation): Promise<void> {
    const ok = await confirm(this.dialog, {
      title: this.i18n.t('team.confirmCancelTitle', { email: invitation.email }),
      message: this.i18n.t('team.confirmCancel'),
      confirmLabel: this.i18n.t('team.cancelInvitation'),
      cancelLabel: this.i18n.t('team.keep'),
      destructive: true,
    });
    if (!ok) return;
    await this.run(
      this.api.cancel(invitation.id),
      this.i18n.t('team.cancelled', { email: invitation.email }),
    );
  }

  private date(iso: string): string {
    return formatDate(iso, this.i18n.lang());
  }

  /** One change at a time: the list reloads after it, its outcome (or the API's reason) in a snack bar. */
  private async run(change: Observable<unknown>, done: string): Promise<void> {
    if (this.pending()) return;
    this.pending.set(true);
    try {
      await firstValueFrom(change);
      this.notify(done);
    } catch (error) {
      this.snackBar.open(describeError(error, this.i18n).message, this.i18n.t('common.close'));
    } finally {
      this.pending.set(false);
      this.team.reload();
    }
  }

  private notify(message: string): void {
    this.snackBar.open(message, undefined, { duration: 4000 });
  }
}

function otherRole(role: TeamRole): TeamRole {
  return role === 'admin' ? 'member' : 'admin';
}
