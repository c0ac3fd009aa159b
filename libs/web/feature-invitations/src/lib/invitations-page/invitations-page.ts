import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatChipListboxChange, MatChipsModule } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatPaginatorIntl, MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { InvitationDto, InvitationStatus } from '@passerelle/api-types';
import { daysUntil, INVITATION_STATUSES } from '@passerelle/domain-client';
import { describeError, loadErrorMessage } from '@passerelle/web-data-access-clients';
import { BulkInvitationRuns, InvitationsApi } from '@passerelle/web-data-access-invitations';
import { LoadError, TranslatedPaginatorIntl, confirm, injectNarrowScreen } from '@passerelle/web-ui-common';
import { BulkRunCard, InvitationStatusChip } from '@passerelle/web-ui-invitations';
import { I18n, TranslatePipe, TranslationKey } from '@passerelle/web-util-i18n';
import { firstValueFrom, map } from 'rxjs';
import {
  INVITATION_PAGE_SIZES,
  filtersFromParams,
  filtersToParams,
  isBulkResendable,
} from './invitation-filters';

const COLUMNS = [
  'select',
  'client',
  'status',
  'sentAt',
  'acceptedAt',
  'expires',
  'attempts',
  'reply',
  'actions',
];

/** The firm's invitations: follow them, resend or revoke one, resend the failed and expired ones together. */
@Component({
  selector: 'psl-invitations-page',
  imports: [
    NgTemplateOutlet,
    MatButtonModule,
    MatCardModule,
    MatCheckboxModule,
    MatChipsModule,
    MatIconModule,
    MatMenuModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatTableModule,
    MatTooltipModule,
    RouterLink,
    LoadError,
    BulkRunCard,
    InvitationStatusChip,
    TranslatePipe,
  ],
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './invitations-page.html',
  styleUrl: './invitations-page.scss',
})
export class InvitationsPage {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly api = inject(InvitationsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);
  protected readonly bulk = inject(BulkInvitationRuns);

  protected readonly statuses = INVITATION_STATUSES;
  protected readonly pageSizes = INVITATION_PAGE_SIZES;
  protected readonly columns = COLUMNS;
  protected readonly narrow = injectNarrowScreen();
  protected readonly filters = toSignal(this.route.queryParamMap.pipe(map(filtersFromParams)), {
    requireSync: true,
  });
  protected readonly invitations = rxResource({
    params: () => this.filters(),
    stream: ({ params }) => this.api.list(params),
  });
  protected readonly page = computed(() =>
    this.invitations.hasValue() ? this.invitations.value() : undefined,
  );
  protected readonly loadError = loadErrorMessage(this.invitations, this.i18n);
  /** Selected invitations (failed or expired only), by id. */
  protected readonly selected = signal<ReadonlyMap<string, InvitationDto>>(new Map());
  protected readonly selectable = computed(() =>
    (this.page()?.items ?? []).filter((item) => isBulkResendable(item.status)),
  );
  protected readonly allSelected = computed(
    () => this.selectable().length > 0 && this.selectable().every((item) => this.selected().has(item.id)),
  );
  protected readonly busy = signal(false);

  constructor() {
    void this.bulk.resume().catch(() => undefined);
    // A finished bulk run changed statuses: show them.
    effect(() => {
      if (this.bulk.finished() > 0) untracked(() => this.invitations.reload());
    });
  }

  protected statusKey(status: InvitationStatus | 'any'): TranslationKey {
    return status === 'any' ? 'invitations.filters.any' : `invitationStatus.${status}`;
  }

  protected date(iso: string | null | undefined): string {
    return this.i18n.date(iso);
  }

  /** "expire dans 12 jours" while the link can be used; "expirée le …" once expired. */
  protected expiry(invitation: InvitationDto): string {
    if (invitation.status === 'expired')
      return this.i18n.t('invitations.expiredOn', {
        date: this.date(invitation.expiredAt ?? invitation.expiresAt),
      });
    if (invitation.status !== 'queued' && invitation.status !== 'sent') return '';
    const days = daysUntil(invitation.expiresAt);
    if (days <= 0) return this.i18n.t('invitations.expiresToday');
    if (days === 1) return this.i18n.t('invitations.expiresTomorrow');
    return this.i18n.t('invitations.expiresInDays', { days });
  }

  protected live(invitation: InvitationDto): boolean {
    return invitation.status === 'queued' || invitation.status === 'sent';
  }

  protected resendable(invitation: InvitationDto): boolean {
    return invitation.status !== 'accepted' && invitation.status !== 'revoked';
  }

  protected bulkResendable(invitation: InvitationDto): boolean {
    return isBulkResendable(invitation.status);
  }

  protected onStatus(event: MatChipListboxChange): void {
    const status = event.value as InvitationStatus | 'any' | undefined;
    this.navigate({
      ...this.filters(),
      status: status && status !== 'any' ? status : undefined,
      pageIndex: 0,
    });
  }

  protected onPage(event: PageEvent): void {
    this.navigate({ ...this.filters(), pageIndex: event.pageIndex, pageSize: event.pageSize });
  }

  protected toggle(invitation: InvitationDto): void {
    this.selected.update((current) => {
      const next = new Map(current);
      if (next.has(invitation.id)) next.delete(invitation.id);
      else next.set(invitation.id, invitation);
      return next;
    });
  }

  protected toggleAll(): void {
    const all = this.allSelected();
    this.selected.update((current) => {
      const next = new Map(current);
      for (const item of this.selectable()) {
        if (all) next.delete(item.id);
        else next.set(item.id, item);
      }
      return next;
    });
  }

  protected async resendSelected(): Promise<void> {
    const clientIds = [...new Set([...this.selected().values()].map((item) => item.clientId))];
    if (clientIds.length === 0) return;
    await this.act(async () => {
      await this.bulk.start({ clientIds });
      this.selected.set(new Map());
    });
  }

  protected async resend(invitation: InvitationDto): Promise<void> {
    await this.act(async () => {
      const created = await firstValueFrom(this.api.resend(invitation.id));
      this.snackBar.open(this.i18n.t('activation.resent', { email: created.email }), undefined, {
        duration: 5000,
      });
    });
  }

  protected async revoke(invitation: InvitationDto): Promise<void> {
    const ok = await confirm(this.dialog, {
      title: this.i18n.t('activation.revokeTitle'),
      message: this.i18n.t('activation.revokeText', { email: invitation.email }),
      confirmLabel: this.i18n.t('activation.revokeConfirm'),
      cancelLabel: this.i18n.t('common.cancel'),
      destructive: true,
    });
    if (!ok) return;
    await this.act(async () => {
      await firstValueFrom(this.api.revoke(invitation.id));
      this.snackBar.open(this.i18n.t('activation.revoked'), undefined, { duration: 5000 });
    });
  }

  private async act(work: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    try {
      await work();
      this.invitations.reload();
    } catch (error) {
      this.snackBar.open(describeError(error, this.i18n).message, this.i18n.t('common.close'), {
        duration: 8000,
      });
    } finally {
      this.busy.set(false);
    }
  }

  private navigate(filters: ReturnType<typeof filtersFromParams>): void {
    this.selected.set(new Map());
    void this.router.navigate([], { queryParams: filtersToParams(filters), queryParamsHandling: 'merge' });
  }
}
