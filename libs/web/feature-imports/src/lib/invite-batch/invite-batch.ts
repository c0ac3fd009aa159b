import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import type { ImportBatch } from '@passerelle/api-types';
import { describeError } from '@passerelle/web-data-access-clients';
import { BulkInvitationRuns } from '@passerelle/web-data-access-invitations';
import { confirm } from '@passerelle/web-ui-common';
import { BulkRunCard } from '@passerelle/web-ui-invitations';
import { I18n, TranslatePipe } from '@passerelle/web-util-i18n';

/**
 * "Invite these N clients": one bulk activation of every client the batch created (POST
 * /api/invitations/bulk {importBatchId}), followed with the invitations feature's progress card. Clients that
 * cannot be invited (no e-mail, already invited) are skipped there, with the reason.
 */
@Component({
  selector: 'psl-invite-batch',
  imports: [MatButtonModule, MatIconModule, BulkRunCard, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (run(); as progress) {
      <psl-bulk-run-card [run]="progress" (dismissed)="dismiss()" />
    } @else {
      <div class="invite">
        <button
          mat-flat-button
          type="button"
          (click)="invite()"
          [disabled]="starting()"
          data-testid="invite-batch"
        >
          <mat-icon fontIcon="forward_to_inbox" />
          {{ 'imports.invite.button' | t: { count: count() } }}
        </button>
        <p class="hint">{{ 'imports.invite.hint' | t }}</p>
      </div>
    }
    @if (error(); as message) {
      <p class="error" role="alert">{{ message }}</p>
    }
  `,
  styles: `
    .invite {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 4px;
    }
    .hint {
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      margin: 0;
      color: var(--mat-sys-error);
    }
  `,
})
export class InviteBatch {
  private readonly bulk = inject(BulkInvitationRuns);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18n);

  readonly batch = input.required<ImportBatch>();
  protected readonly starting = signal(false);
  protected readonly error = signal<string | null>(null);
  private readonly runId = signal<string | null>(null);

  protected readonly count = computed(() => this.batch().summary.created);
  protected readonly run = computed(() => {
    const id = this.runId();
    return id ? (this.bulk.runs().find((run) => run.id === id) ?? null) : null;
  });

  async invite(): Promise<void> {
    const ok = await confirm(this.dialog, {
      title: this.i18n.t('imports.invite.confirmTitle', { count: this.count() }),
      message: this.i18n.t('imports.invite.confirmText'),
      confirmLabel: this.i18n.t('activation.confirm'),
      cancelLabel: this.i18n.t('common.cancel'),
    });
    if (!ok) return;
    this.starting.set(true);
    this.error.set(null);
    try {
      const progress = await this.bulk.start({ importBatchId: this.batch().id });
      this.runId.set(progress.id);
    } catch (error) {
      this.error.set(describeError(error, this.i18n).message);
    } finally {
      this.starting.set(false);
    }
  }

  protected dismiss(): void {
    const id = this.runId();
    if (id) this.bulk.dismiss(id);
    this.runId.set(null);
  }
}
