import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * The colour role of a status (SPEC §4: the same colours everywhere): `neutral` not started yet, `info` in
 * progress or sent, `success` done, `warning` waiting for someone, `error` failed, `inverse` switched off,
 * `outline` set aside (archived, revoked, undone), `secondary` a plain label (a role).
 */
export type StatusTone =
  'neutral' | 'secondary' | 'info' | 'success' | 'warning' | 'error' | 'inverse' | 'outline';

/**
 * A status as a coloured chip: the translated label, and its tone. Features map their statuses to a tone
 * (client, invitation, import, team member) and put their own `data-testid` on the element.
 *
 * ```html
 * <psl-status-chip [label]="'clientStatus.active' | t" tone="success" data-testid="status-chip" />
 * ```
 */
@Component({
  selector: 'psl-status-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.data-tone]': 'tone()' },
  template: `{{ label() }}`,
  // Material 3 colour roles; M3 has no success or warning role, so those two are custom colours built the
  // same way (a tone-90 container, tone-30 text: contrast above 7:1).
  styles: `
    :host {
      display: inline-block;
      max-inline-size: 100%;
      padding-block: 2px;
      padding-inline: 10px;
      border-radius: var(--mat-sys-corner-full);
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
    }
    :host([data-tone='secondary']) {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    :host([data-tone='info']) {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    :host([data-tone='success']) {
      background: #cdf1d6;
      color: #135c27;
    }
    :host([data-tone='warning']) {
      background: #ffe1c4;
      color: #7a4100;
    }
    :host([data-tone='error']) {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    :host([data-tone='inverse']) {
      background: var(--mat-sys-inverse-surface);
      color: var(--mat-sys-inverse-on-surface);
    }
    :host([data-tone='outline']) {
      padding-block: 1px;
      padding-inline: 9px;
      border: 1px solid var(--mat-sys-outline);
      background: transparent;
    }
  `,
})
export class StatusChip {
  /** The status in words (already translated). */
  readonly label = input.required<string>();
  readonly tone = input.required<StatusTone>();
}
