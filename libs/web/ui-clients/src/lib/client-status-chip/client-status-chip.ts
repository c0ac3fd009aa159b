import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ClientDto } from '@passerelle/api-types';
import { TranslatePipe, TranslationKey } from '@passerelle/web-util-i18n';

export type ClientStatus = ClientDto['status'];

/**
 * A client's lifecycle status as a coloured chip (SPEC §4: the same colours everywhere), followed by an
 * "Archivé" chip when the client is archived — archiving does not change the status.
 */
@Component({
  selector: 'psl-client-status-chip',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span [class]="'chip status-' + status()" data-testid="status-chip">{{ labelKey() | t }}</span>
    @if (archived()) {
      &ngsp;<span class="chip archived" data-testid="archived-chip">{{ 'clientStatus.archived' | t }}</span>
    }`,
  styles: `
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 4px;
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
    .status-not_invited {
      background: #e3e3e3;
      color: #3c3c3c;
    }
    .status-invited {
      background: #d8e6ff;
      color: #0a4aa6;
    }
    .status-active {
      background: #cdf1d6;
      color: #135c27;
    }
    .status-invitation_failed {
      background: #ffdad6;
      color: #93000a;
    }
    .status-invitation_expired {
      background: #ffe1c4;
      color: #7a4100;
    }
    .status-deactivated {
      background: #4d5156;
      color: #ffffff;
    }
    .archived {
      border: 1px solid var(--mat-sys-outline);
      padding-block: 1px;
      padding-inline: 9px;
      background: transparent;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ClientStatusChip {
  readonly status = input.required<ClientStatus>();
  readonly archived = input(false);
  protected readonly labelKey = computed((): TranslationKey => `clientStatus.${this.status()}`);
}
