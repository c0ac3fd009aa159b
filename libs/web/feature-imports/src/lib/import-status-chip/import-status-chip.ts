import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { StatusChip, type StatusTone } from '@passerelle/web-ui-common';
import { TranslatePipe } from '@passerelle/web-util-i18n';
import { statusKey, type ImportStatus } from '../import-display';

const TONES: Record<ImportStatus, StatusTone> = {
  parsing: 'info',
  checking: 'info',
  importing: 'info',
  mapping: 'warning',
  checked: 'warning',
  imported: 'success',
  failed: 'error',
  undone: 'outline',
};

/** An import batch's status as a coloured chip (the tones of the client and invitation chips). */
@Component({
  selector: 'psl-import-status-chip',
  imports: [StatusChip, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The host adds no box: the chip lays out as if it stood in the page.
  styles: ':host { display: contents; }',
  template: `<psl-status-chip [label]="labelKey() | t" [tone]="tone()" data-testid="import-status" />`,
})
export class ImportStatusChip {
  readonly status = input.required<ImportStatus>();
  protected readonly labelKey = computed(() => statusKey(this.status()));
  protected readonly tone = computed(() => TONES[this.status()]);
}
