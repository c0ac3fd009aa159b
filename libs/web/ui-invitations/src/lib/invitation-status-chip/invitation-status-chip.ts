import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { InvitationStatus } from '@passerelle/api-types';
import { StatusChip, type StatusTone } from '@passerelle/web-ui-common';
import { TranslatePipe, TranslationKey } from '@passerelle/web-util-i18n';

const TONES: Record<InvitationStatus, StatusTone> = {
  queued: 'neutral',
  sent: 'info',
  accepted: 'success',
  failed: 'error',
  expired: 'warning',
  revoked: 'outline',
};

/** An invitation's status as a coloured chip (the tones of the client status chip's). */
@Component({
  selector: 'psl-invitation-status-chip',
  imports: [StatusChip, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The host adds no box: the chip lays out as if it stood in the page.
  styles: ':host { display: contents; }',
  template: `<psl-status-chip [label]="labelKey() | t" [tone]="tone()" data-testid="invitation-status" />`,
})
export class InvitationStatusChip {
  readonly status = input.required<InvitationStatus>();
  protected readonly labelKey = computed((): TranslationKey => `invitationStatus.${this.status()}`);
  protected readonly tone = computed(() => TONES[this.status()]);
}
