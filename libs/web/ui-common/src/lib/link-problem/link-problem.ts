import { ChangeDetectionStrategy, Component, booleanAttribute, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';

/**
 * What a page opened from an e-mail link shows when it cannot show what the link designates, inside its
 * card: the link cannot be used (unknown, expired, replaced, used: one neutral message, a `title` that is the
 * page's heading, and the way on, `actionLabel` → `actionLink`), or loading it failed (`alert`, the message,
 * and a button — no `actionLink` — whose `action` retries).
 *
 * ```html
 * <psl-link-problem [title]="…" [message]="…" [actionLabel]="…" actionLink="/login" testId="join-invalid" />
 * <psl-link-problem alert icon="cloud_off" [message]="…" [actionLabel]="'common.retry' | t" (action)="reload()" />
 * ```
 */
@Component({
  selector: 'psl-link-problem',
  imports: [MatButtonModule, MatIconModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="problem" [attr.role]="alert() ? 'alert' : null" [attr.data-testid]="testId()">
      <mat-icon class="problem-icon" aria-hidden="true" [fontIcon]="icon()" />
      @if (title(); as heading) {
        <h1>{{ heading }}</h1>
      }
      <p class="message">{{ message() }}</p>
      @if (actionLink(); as link) {
        <a mat-stroked-button [routerLink]="link">{{ actionLabel() }}</a>
      } @else {
        <button mat-stroked-button type="button" (click)="action.emit()">{{ actionLabel() }}</button>
      }
    </div>
  `,
  styles: `
    .problem {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 12px;
      padding: 32px 24px;
      text-align: center;
    }
    h1 {
      margin: 0;
      font: var(--mat-sys-headline-small);
      overflow-wrap: anywhere;
    }
    .message {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    /* Doubled class: Material's own .mat-icon size rule is injected after this stylesheet. */
    .problem-icon.mat-icon {
      inline-size: 48px;
      block-size: 48px;
      font-size: 48px;
      color: var(--mat-sys-primary);
    }
  `,
})
export class LinkProblem {
  readonly title = input<string>();
  readonly message = input.required<string>();
  readonly actionLabel = input.required<string>();
  /** Where the action leads; without it the action is a button that emits `action`. */
  readonly actionLink = input<string>();
  readonly icon = input('link_off');
  /** A failure to read out at once (role="alert"), not the neutral "this link does not work". */
  readonly alert = input(false, { transform: booleanAttribute });
  readonly testId = input<string>();
  readonly action = output<void>();
}
