import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ClientDto } from '@passerelle/api-types';
import { StatusChip, type StatusTone } from '@passerelle/web-ui-common';
import { TranslatePipe, TranslationKey } from '@passerelle/web-util-i18n';

export type ClientStatus = ClientDto['status'];

const TONES: Record<ClientStatus, StatusTone> = {
  not_invited: 'neutral',
  invited: 'info',
  active: 'success',
  invitation_failed: 'error',
  invitation_expired: 'warning',
  deactivated: 'inverse',
};

/**
 * A client's lifecycle status as a coloured chip (SPEC §4: the same colours everywhere), followed by an
 * "Archivé" chip when the client is archived — archiving does not change the status.
 */
@Component({
  selector: 'psl-client-status-chip',
  imports: [StatusChip, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<psl-status-chip [label]="labelKey() | t" [tone]="tone()" data-testid="status-chip" />
    @if (archived()) {
      &ngsp;<psl-status-chip
        [label]="'clientStatus.archived' | t"
        tone="outline"
        data-testid="archived-chip"
      />
    }`,
  styles: `
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 4px;
      max-inline-size: 100%;
    }
  `,
})
export class ClientStatusChip {
  readonly status = input.required<ClientStatus>();
  readonly archived = input(false);
  protected readonly labelKey = computed((): TranslationKey => `clientStatus.${this.status()}`);
  protected readonly tone = computed(() => TONES[this.status()]);
}
