import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';

/**
 * What a page opened from an e-mail link shows when the link cannot be used (unknown, expired, replaced,
 * used: one neutral message) — a title, the server's message, and the way on (`actionLabel` → `actionLink`).
 * Inside a card; the title is the page's heading.
 */
@Component({
  selector: 'psl-link-problem',
  imports: [MatButtonModule, MatIconModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="problem" [attr.data-testid]="testId()">
      <mat-icon class="problem-icon" aria-hidden="true" [fontIcon]="icon()" />
      <h1>{{ title() }}</h1>
      <p class="message">{{ message() }}</p>
      <a mat-stroked-button [routerLink]="actionLink()">{{ actionLabel() }}</a>
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
  readonly title = input.required<string>();
  readonly message = input.required<string>();
  readonly actionLabel = input.required<string>();
  readonly actionLink = input.required<string>();
  readonly icon = input('link_off');
  readonly testId = input<string>();
}
