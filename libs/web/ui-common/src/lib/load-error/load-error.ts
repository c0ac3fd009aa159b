import { ChangeDetectionStrategy, Component, booleanAttribute, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@passerelle/web-util-i18n';

/**
 * Something could not be loaded (a record, a list, a count): says so — never "nothing there" — and offers
 * a way on: "Réessayer" when `canRetry` (the `retry` output reloads), and/or a link back.
 *
 * ```html
 * <psl-load-error [message]="error" canRetry (retry)="list.reload()" />
 * <psl-load-error [message]="'Ce client est introuvable.'" backLink="/clients" />
 * ```
 */
@Component({
  selector: 'psl-load-error',
  imports: [MatButtonModule, MatCardModule, MatIconModule, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card
      appearance="outlined"
      class="empty-state"
      [class.compact]="compact()"
      role="alert"
      [attr.data-testid]="testId()"
    >
      <mat-icon class="empty-state-icon" aria-hidden="true" [fontIcon]="icon()" />
      <p class="empty-state-text">{{ message() }}</p>
      <div class="actions">
        @if (canRetry()) {
          <button mat-stroked-button type="button" (click)="retry.emit()" data-testid="load-error-retry">
            <mat-icon fontIcon="refresh" />
            {{ 'common.retry' | t }}
          </button>
        }
        @if (backLink(); as link) {
          <a mat-button [routerLink]="link">{{ 'common.back' | t }}</a>
        }
      </div>
    </mat-card>
  `,
  styles: `
    .actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: 8px;
    }
    .compact {
      padding-block: 16px;
    }
  `,
})
export class LoadError {
  readonly message = input.required<string>();
  /** Where "Retour" leads; none when null. */
  readonly backLink = input<string | null>(null);
  readonly canRetry = input(false, { transform: booleanAttribute });
  /** A smaller card, for a part of a page (a dashboard card, a select's options). */
  readonly compact = input(false, { transform: booleanAttribute });
  readonly icon = input('cloud_off');
  readonly testId = input('load-error');
  readonly retry = output<void>();
}
