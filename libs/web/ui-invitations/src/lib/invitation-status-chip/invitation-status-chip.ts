import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { InvitationStatus } from '@passerelle/api-types';
import { TranslatePipe, TranslationKey } from '@passerelle/web-util-i18n';

/** An invitation's status as a coloured chip (colours matching the client status chip's). */
@Component({
  selector: 'psl-invitation-status-chip',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span [class]="'chip status-' + status()" data-testid="invitation-status">{{
    labelKey() | t
  }}</span>`,
  styles: `
    :host {
      display: inline-flex;
      max-inline-size: 100%;
    }
    .chip {
      display: inline-block;
      padding-block: 2px;
      padding-inline: 10px;
      border-radius: 999px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
    }
    .status-queued {
      background: #e3e3e3;
      color: #3c3c3c;
    }
    .status-sent {
      background: #d8e6ff;
      color: #0a4aa6;
    }
    .status-accepted {
      background: #cdf1d6;
      color: #135c27;
    }
    .status-failed {
      background: #ffdad6;
      color: #93000a;
    }
    .status-expired {
      background: #ffe1c4;
      color: #7a4100;
    }
    .status-revoked {
      border: 1px solid var(--mat-sys-outline);
      padding-block: 1px;
      padding-inline: 9px;
      background: transparent;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class InvitationStatusChip {
  readonly status = input.required<InvitationStatus>();
  protected readonly labelKey = computed((): TranslationKey => `invitationStatus.${this.status()}`);
}
