import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslatePipe } from '@passerelle/web-util-i18n';
import { LinkProblem } from '../link-problem/link-problem';
import { FormCard } from './form-card';

/** Where a page opened from an e-mail link stands (data-access-auth's LinkPageState, whatever its value). */
export type LinkCardState =
  | { kind: 'loading' }
  | { kind: 'ready' }
  | { kind: 'invalid'; message: string }
  | { kind: 'error'; message: string };

/**
 * The card of a page opened from an e-mail link (password reset, team or client invitation), in the state of
 * its link: loading (`heading`, `loadingText`), not usable (one neutral page: `invalidTitle`, the server's
 * message, `invalidActionLabel` → `invalidActionLink`), failed to load (the message and « Réessayer »:
 * `retry`), or ready — then what the page puts in it.
 *
 * ```html
 * <psl-link-card [state]="link.state()" [busy]="pending()" [heading]="…" [loadingText]="…" (retry)="…">
 *   @if (current.kind === 'ready') { … }
 * </psl-link-card>
 * ```
 */
@Component({
  selector: 'psl-link-card',
  imports: [FormCard, LinkProblem, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let current = state();
    <psl-form-card
      [busy]="current.kind === 'loading' || busy()"
      [busyLabel]="loadingText()"
      [heading]="current.kind === 'loading' ? heading() : undefined"
      [subtitle]="loadingText()"
    >
      @switch (current.kind) {
        @case ('invalid') {
          <psl-link-problem
            [title]="invalidTitle()"
            [message]="current.message"
            [actionLabel]="invalidActionLabel()"
            [actionLink]="invalidActionLink()"
            [testId]="invalidTestId()"
          />
        }
        @case ('error') {
          <psl-link-problem
            alert
            icon="cloud_off"
            [message]="current.message"
            [actionLabel]="'common.retry' | t"
            (action)="retry.emit()"
          />
        }
        @case ('ready') {
          <ng-content />
        }
      }
    </psl-form-card>
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
})
export class LinkCard {
  readonly state = input.required<LinkCardState>();
  /** The form is being sent. */
  readonly busy = input(false);
  /** The page's heading while the link loads. */
  readonly heading = input.required<string>();
  readonly loadingText = input.required<string>();
  readonly invalidTitle = input.required<string>();
  readonly invalidActionLabel = input.required<string>();
  readonly invalidActionLink = input.required<string>();
  readonly invalidTestId = input<string>();
  readonly retry = output<void>();
}
