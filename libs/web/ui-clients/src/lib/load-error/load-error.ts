import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@passerelle/web-util-i18n';

/** A page whose record could not be loaded (not found, network): the reason and a way back to the list. */
@Component({
  selector: 'psl-load-error',
  imports: [MatButtonModule, MatCardModule, MatIconModule, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" class="empty-state" role="alert" data-testid="client-load-error">
      <mat-icon class="empty-state-icon" aria-hidden="true" fontIcon="error" />
      <p class="empty-state-text">{{ message() }}</p>
      <a mat-stroked-button [routerLink]="backLink()">{{ 'common.back' | t }}</a>
    </mat-card>
  `,
})
export class LoadError {
  readonly message = input.required<string>();
  readonly backLink = input('/clients');
}
