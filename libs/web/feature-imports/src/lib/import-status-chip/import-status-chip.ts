import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@passerelle/web-util-i18n';
import { statusKey, type ImportStatus } from '../import-display';

/** An import batch's status as a coloured chip (the colours of the client and invitation chips). */
@Component({
  selector: 'psl-import-status-chip',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span [class]="'chip status-' + status()" data-testid="import-status">{{
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
    .status-parsing,
    .status-checking,
    .status-importing {
      background: #d8e6ff;
      color: #0a4aa6;
    }
    .status-mapping,
    .status-checked {
      background: #ffe1c4;
      color: #7a4100;
    }
    .status-imported {
      background: #cdf1d6;
      color: #135c27;
    }
    .status-failed {
      background: #ffdad6;
      color: #93000a;
    }
    .status-undone {
      border: 1px solid var(--mat-sys-outline);
      padding-block: 1px;
      padding-inline: 9px;
      background: transparent;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ImportStatusChip {
  readonly status = input.required<ImportStatus>();
  protected readonly labelKey = computed(() => statusKey(this.status()));
}
