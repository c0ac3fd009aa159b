import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { ActivityDto, AttentionItemDto, ClientDto } from '@passerelle/api-types';
import { AuthStore } from '@passerelle/web-data-access-auth';
import { describeError } from '@passerelle/web-data-access-clients';
import { ClientStatusChip } from '@passerelle/web-ui-clients';
import { LoadError } from '@passerelle/web-ui-common';
import { I18n, TranslatePipe, TranslationKey } from '@passerelle/web-util-i18n';
import { DashboardApi } from './dashboard-api';

type ClientStatus = ClientDto['status'];

interface ActivityLine {
  id: string;
  icon: string;
  text: string;
  date: string;
  iso: string;
  link: string | null;
}

/** What each kind of attention item says and where it leads; imports with errors will add theirs. */
const ATTENTION: Readonly<Record<AttentionItemDto['kind'], { key: TranslationKey; icon: string }>> = {
  invitation_failed: { key: 'dashboard.attention.invitationFailed', icon: 'mail_lock' },
};

const ACTIVITY: Readonly<Record<string, { key: TranslationKey; icon: string }>> = {
  'client.created': { key: 'dashboard.events.clientCreated', icon: 'person_add' },
  'client.updated': { key: 'dashboard.events.clientUpdated', icon: 'edit' },
  'client.archived': { key: 'dashboard.events.clientArchived', icon: 'archive' },
  'client.restored': { key: 'dashboard.events.clientRestored', icon: 'unarchive' },
  'firm.signed_up': { key: 'dashboard.events.firmCreated', icon: 'apartment' },
  'accounting_software.created': { key: 'dashboard.events.softwareCreated', icon: 'account_balance' },
  'accounting_software.updated': { key: 'dashboard.events.softwareUpdated', icon: 'account_balance' },
  'accounting_software.default_changed': { key: 'dashboard.events.softwareDefault', icon: 'star' },
  'invitation.queued': { key: 'dashboard.events.invitationQueued', icon: 'forward_to_inbox' },
  'invitation.sent': { key: 'dashboard.events.invitationSent', icon: 'mark_email_read' },
  'invitation.retry_scheduled': { key: 'dashboard.events.invitationRetry', icon: 'schedule_send' },
  'invitation.failed': { key: 'dashboard.events.invitationFailed', icon: 'mail_lock' },
  'invitation.reminded': { key: 'dashboard.events.invitationReminded', icon: 'notifications' },
  'invitation.accepted': { key: 'dashboard.events.invitationAccepted', icon: 'how_to_reg' },
  'invitation.revoked': { key: 'dashboard.events.invitationRevoked', icon: 'link_off' },
  'invitation.expired': { key: 'dashboard.events.invitationExpired', icon: 'timer_off' },
  'invitation.bulk_started': { key: 'dashboard.events.bulkStarted', icon: 'group_add' },
  'document.uploaded': { key: 'dashboard.events.documentUploaded', icon: 'upload_file' },
  'import.completed': { key: 'dashboard.events.importCompleted', icon: 'upload_file' },
  'import.undone': { key: 'dashboard.events.importUndone', icon: 'undo' },
};

/**
 * Families of the other actions, said in words rather than as the audit log's machine code (« document.processed »
 * would read as English in every language).
 */
const ACTIVITY_FAMILIES: Readonly<Record<string, { key: TranslationKey; icon: string }>> = {
  document: { key: 'dashboard.events.documentChanged', icon: 'description' },
  documents: { key: 'dashboard.events.documentChanged', icon: 'description' },
  team: { key: 'dashboard.events.teamChanged', icon: 'group' },
  user: { key: 'dashboard.events.accountChanged', icon: 'manage_accounts' },
  account_mail: { key: 'dashboard.events.teamChanged', icon: 'group' },
};

/** `/`: the firm at a glance — clients per status (each a link to the filtered list), what needs attention, recent activity. */
@Component({
  selector: 'psl-dashboard-page',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    RouterLink,
    TranslatePipe,
    ClientStatusChip,
    LoadError,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dashboard-page.html',
  styleUrl: './dashboard-page.scss',
})
export class DashboardPage {
  protected readonly store = inject(AuthStore);
  private readonly api = inject(DashboardApi);
  private readonly i18n = inject(I18n);
  protected readonly dashboard = rxResource({ stream: () => this.api.get() });

  protected readonly data = computed(() => (this.dashboard.hasValue() ? this.dashboard.value() : undefined));
  protected readonly loadError = computed(() => {
    const error = this.dashboard.error();
    return error ? `${this.i18n.t('dashboard.loadError')} ${describeError(error, this.i18n).message}` : null;
  });
  protected readonly empty = computed(() => {
    const data = this.data();
    return data !== undefined && data.total === 0 && data.archived === 0;
  });

  protected readonly attention = computed(() =>
    (this.data()?.attention.items ?? []).map((item) => ({
      ...item,
      icon: ATTENTION[item.kind]?.icon ?? 'priority_high',
      text: this.i18n.t(ATTENTION[item.kind]?.key ?? 'dashboard.attention.other', { name: item.label }),
      link: item.targetType === 'client' ? `/clients/${item.targetId}` : null,
    })),
  );

  protected readonly activity = computed((): ActivityLine[] =>
    (this.data()?.recentActivity ?? []).map((event) => this.describe(event)),
  );

  protected statusQuery(status: ClientStatus): Record<string, string> {
    return { status };
  }

  protected statusKey(status: ClientStatus): TranslationKey {
    return `clientStatus.${status}`;
  }

  private describe(event: ActivityDto): ActivityLine {
    const actor = event.actorName || this.i18n.t('clientPage.someone');
    const target = event.targetLabel ?? '';
    const known = ACTIVITY[event.action] ?? ACTIVITY_FAMILIES[event.action.split('.')[0]];
    return {
      id: event.id,
      icon: known?.icon ?? 'history',
      text: known
        ? this.i18n.t(known.key, { actor, target })
        : this.i18n.t('dashboard.events.other', { actor, action: event.action }),
      date: this.i18n.dateTime(event.createdAt, 'long'),
      iso: event.createdAt,
      link: event.targetType === 'client' && event.targetId ? `/clients/${event.targetId}` : null,
    };
  }
}
