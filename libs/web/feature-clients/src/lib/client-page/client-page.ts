import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import type { ClientDto, TimelineEvent } from '@passerelle/api-types';
import { FIELD_LABELS, FieldKey, isFieldKey, isLeftToRightField } from '@passerelle/domain-client';
import { ClientsApi, describeError } from '@passerelle/web-data-access-clients';
import { activationBlockerMessage } from '@passerelle/web-data-access-invitations';
import { ClientStatusChip, countryName, languageName } from '@passerelle/web-ui-clients';
import { LoadError, UndoSnackbar } from '@passerelle/web-ui-common';
import { I18n, TranslatePipe } from '@passerelle/web-util-i18n';
import { Observable, firstValueFrom, throwError } from 'rxjs';
import { isClientId } from '../client-id';
import { ClientActivation } from '../client-activation';

interface ProfileRow {
  field: FieldKey;
  value: string;
}

/** /clients/:id: the client's profile, status and history. */
@Component({
  selector: 'psl-client-page',
  imports: [
    LoadError,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    TranslatePipe,
    ClientStatusChip,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './client-page.html',
  styleUrl: './client-page.scss',
})
export class ClientPage {
  private readonly api = inject(ClientsApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);
  private readonly undo = inject(UndoSnackbar);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;

  /** Route parameter (component input binding). */
  readonly id = input.required<string>();

  protected readonly client = rxResource({
    params: () => this.id(),
    stream: ({ params }) =>
      isClientId(params)
        ? this.api.get(params)
        : throwError(() => new HttpErrorResponse({ status: 404, statusText: 'Not Found' })),
  });
  protected readonly timeline = rxResource({
    params: () => (isClientId(this.id()) ? this.id() : undefined),
    stream: ({ params }) => this.api.timeline(params),
  });
  protected readonly busy = signal(false);
  private readonly activation = inject(ClientActivation);
  /** Why "Activer" is disabled for this client (the API's own rule and words), or null. */
  protected readonly activationBlocked = computed(() => {
    const client = this.current();
    return client ? activationBlockerMessage(client, this.i18n.lang()) : null;
  });

  protected readonly current = computed(() => (this.client.hasValue() ? this.client.value() : undefined));
  /** Not found (or a malformed id in the URL): the same page; anything else can be retried. */
  protected readonly loadError = computed(() => {
    const error = this.client.error();
    if (!error) return null;
    const apiError = describeError(error, this.i18n);
    return apiError.statusCode === 404 || apiError.statusCode === 400
      ? { message: this.i18n.t('clientForm.notFound'), retry: false }
      : { message: apiError.message, retry: true };
  });
  /** aria-busy while the heading still says « Chargement… » (focus waits for the client's name). */
  protected readonly titleBusy = computed(() => (this.client.isLoading() ? 'true' : null));
  protected readonly title = computed(() => {
    const client = this.current();
    if (client) return client.name;
    return this.loadError() ? this.i18n.t('clientPage.unavailable') : this.i18n.t('common.loading');
  });

  protected readonly profile = computed((): ProfileRow[] => {
    const client = this.current();
    if (!client) return [];
    const lang = this.i18n.lang();
    const none = this.i18n.t('common.none');
    // The spec's field order A–L, then the two settings.
    const rows: [FieldKey, string | null][] = [
      ['name', client.name],
      ['address', client.address],
      ['postalCode', client.postalCode],
      ['city', client.city],
      ['country', `${countryName(client.country, lang)} (${client.country})`],
      ['ice', client.ice],
      ['taxId', client.taxId],
      ['iban', client.iban],
      ['language', languageName(client.language, lang)],
      ['contactName', client.contactName],
      ['contactLanguage', languageName(client.contactLanguage, lang)],
      ['contactEmail', client.contactEmail],
      ['shareDocuments', this.i18n.t(client.shareDocuments ? 'common.yes' : 'common.no')],
      ['accountingSoftwareId', client.accountingSoftwareLabel],
    ];
    return rows.map(([field, value]) => ({ field, value: value || none }));
  });

  protected readonly events = computed(() => {
    const events = this.timeline.hasValue() ? this.timeline.value() : [];
    return [...events]
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((event) => ({
        id: event.id,
        text: this.describe(event),
        date: this.date(event.createdAt),
        iso: event.createdAt,
        icon: ICONS[event.action] ?? 'history',
      }));
  });

  protected label(field: FieldKey): string {
    return FIELD_LABELS[field][this.i18n.lang()];
  }

  /** `ltr` for identifiers and e-mail (kept left to right inside Arabic), else the page's direction. */
  protected ltr(field: string): 'ltr' | null {
    return isLeftToRightField(field) ? 'ltr' : null;
  }

  protected date(iso: string | null | undefined): string {
    return this.i18n.dateTime(iso, 'long');
  }

  /** At once, with "Annuler" in the snackbar for a few seconds. */
  protected async archive(client: ClientDto): Promise<void> {
    if (!(await this.run(this.api.archive(client.id)))) return;
    if (await this.undo.offer(this.i18n.t('clients.archivedNamed', { name: client.name })))
      await this.run(this.api.restore(client.id));
  }

  protected async restore(client: ClientDto): Promise<void> {
    if (!(await this.run(this.api.restore(client.id)))) return;
    this.snackBar.open(this.i18n.t('clients.restoredNamed', { name: client.name }), undefined, {
      duration: 4000,
    });
  }

  protected activate(client: ClientDto): Promise<void> {
    return this.activating(() => this.activation.activate(client));
  }

  protected resendInvitation(client: ClientDto): Promise<void> {
    return this.activating(() => this.activation.resend(client));
  }

  protected revokeInvitation(client: ClientDto): Promise<void> {
    return this.activating(() => this.activation.revoke(client));
  }

  /** The status chip and the history follow at once (no page reload). */
  private async activating(action: () => Promise<unknown>): Promise<void> {
    this.busy.set(true);
    try {
      if (await action()) {
        this.client.reload();
        this.timeline.reload();
      }
    } finally {
      this.busy.set(false);
    }
  }

  private async run(request: Observable<ClientDto>): Promise<boolean> {
    this.busy.set(true);
    try {
      const updated = await firstValueFrom(request);
      this.client.set(updated);
      this.timeline.reload();
      // Archive and Restore swap places: keyboard focus follows to the one now shown.
      afterNextRender(
        () =>
          this.host
            .querySelector<HTMLElement>('[data-testid="client-restore"], [data-testid="client-archive"]')
            ?.focus(),
        { injector: this.injector },
      );
      return true;
    } catch (error) {
      this.snackBar.open(describeError(error, this.i18n).message, this.i18n.t('common.close'));
      return false;
    } finally {
      this.busy.set(false);
    }
  }

  private describe(event: TimelineEvent): string {
    const actor = event.actorName || this.i18n.t('clientPage.someone');
    switch (event.action) {
      case 'client.created':
        return this.i18n.t('clientPage.events.created', { actor });
      case 'client.archived':
        return this.i18n.t('clientPage.events.archived', { actor });
      case 'client.restored':
        return this.i18n.t('clientPage.events.restored', { actor });
      case 'client.updated': {
        const raw = event.data['fields'];
        const fields = Array.isArray(raw) ? raw.filter(isFieldKey).map((f) => this.label(f)) : [];
        return fields.length
          ? this.i18n.t('clientPage.events.updated', { actor, fields: fields.join(', ') })
          : this.i18n.t('clientPage.events.updatedNoFields', { actor });
      }
      case 'client.imported': {
        // Created by a bulk import: which file and row, and the cells corrected in the browser before.
        const raw = event.data['corrected'];
        const corrected = Array.isArray(raw) ? raw.filter(isFieldKey).map((f) => this.label(f)) : [];
        const where = { actor, file: text(event.data['fileName']), row: text(event.data['row']) };
        return corrected.length
          ? this.i18n.t('clientPage.events.importedCorrected', { ...where, fields: corrected.join(', ') })
          : this.i18n.t('clientPage.events.imported', where);
      }
      case 'invitation.queued':
        return this.i18n.t('clientPage.events.invitationQueued', { actor, email: text(event.data['email']) });
      case 'invitation.sent':
        return this.i18n.t('clientPage.events.invitationSent', { attempts: text(event.data['attempts']) });
      case 'invitation.retry_scheduled':
        return this.i18n.t('clientPage.events.invitationRetry', { reply: text(event.data['reply']) });
      case 'invitation.failed':
        return this.i18n.t('clientPage.events.invitationFailed', { reply: text(event.data['reply']) });
      case 'invitation.reminded':
        return this.i18n.t('clientPage.events.invitationReminded', {
          reminder: text(event.data['reminder']),
        });
      case 'invitation.accepted':
        return this.i18n.t('clientPage.events.invitationAccepted', { actor });
      case 'invitation.revoked':
        return event.data['reason'] === 'resent'
          ? this.i18n.t('clientPage.events.invitationReplaced', { actor })
          : this.i18n.t('clientPage.events.invitationRevoked', { actor });
      case 'invitation.expired':
        return this.i18n.t('clientPage.events.invitationExpired');
      default:
        return this.i18n.t('clientPage.events.other', { actor, action: event.action });
    }
  }
}

/** A value of an event's data as text (the API's audit data is free-form JSON). */
function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

const ICONS: Readonly<Record<string, string>> = {
  'invitation.queued': 'forward_to_inbox',
  'invitation.sent': 'mark_email_read',
  'invitation.retry_scheduled': 'schedule_send',
  'invitation.failed': 'error',
  'invitation.reminded': 'notifications',
  'invitation.accepted': 'how_to_reg',
  'invitation.revoked': 'link_off',
  'invitation.expired': 'timer_off',
  'client.created': 'add_circle',
  'client.imported': 'upload_file',
  'client.updated': 'edit',
  'client.archived': 'archive',
  'client.restored': 'unarchive',
};
