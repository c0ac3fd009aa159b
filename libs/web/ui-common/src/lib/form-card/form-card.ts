import { ChangeDetectionStrategy, Component, input, ViewEncapsulation } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@passerelle/web-util-i18n';

/**
 * The card of a signed-out page (sign-in, sign-up, forgotten password) and of a page opened from an e-mail
 * link (password reset, team or client invitation): a progress bar while `busy`, the `heading` and its
 * `subtitle` if given, then what the page puts in it. Its sheet styles the pieces these pages share — a
 * `.card-header` with an `h1` and a `.subtitle` (`.eyebrow` above, `.facts` and `.notice` below; not
 * mat-card-header, whose own flex layout would win over an unencapsulated rule), the `form` with its
 * `.required-note`, fields and `.submit`, the `.forgot` and `.switch` links, and a `.done` outcome
 * (`.done-icon`, `.done-actions`). The page's host should not box it (`display: contents`): the card sets
 * its own width.
 *
 * ```html
 * <psl-form-card [busy]="pending()" [heading]="'auth.login.title' | t" [subtitle]="…"> <form>…</form> </psl-form-card>
 * ```
 */
@Component({
  selector: 'psl-form-card',
  imports: [MatCardModule, MatProgressBarModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // Not encapsulated: the rules style the page's own elements projected into the card; each one is
  // scoped under psl-form-card.
  encapsulation: ViewEncapsulation.None,
  template: `
    <mat-card appearance="outlined" class="form-card">
      <div class="progress-slot">
        @if (busy()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="busyLabel() || ('common.loading' | t)" />
        }
      </div>
      @if (heading(); as title) {
        <div class="card-header">
          <h1>{{ title }}</h1>
          @if (subtitle(); as text) {
            <p class="subtitle">{{ text }}</p>
          }
        </div>
      }
      <ng-content />
    </mat-card>
  `,
  styleUrl: './form-card.scss',
})
export class FormCard {
  /** Something is on its way (loading the link, sending the form). */
  readonly busy = input(false);
  /** What the progress bar says to a screen reader (default « Chargement… »). */
  readonly busyLabel = input<string>();
  /** The page's heading, when it needs no more than that and a subtitle above its content. */
  readonly heading = input<string>();
  readonly subtitle = input<string>();
}
