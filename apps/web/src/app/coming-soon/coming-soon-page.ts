import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe, TranslationKey } from '@passerelle/web-util-i18n';

/** Route data of a section whose feature has not shipped yet (bound to the inputs below). */
export interface ComingSoonData {
  titleKey: TranslationKey;
  textKey: TranslationKey;
  icon: string;
}

/** Placeholder for Clients, Imports, Invitations and Settings until their feature libraries land. */
@Component({
  selector: 'psl-coming-soon-page',
  imports: [MatCardModule, MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="page-title">{{ titleKey() | t }}</h1>
    <mat-card appearance="outlined" class="empty-state" data-testid="coming-soon">
      <mat-icon class="empty-state-icon" aria-hidden="true" [fontIcon]="icon()" />
      <p class="empty-state-text">{{ textKey() | t }}</p>
    </mat-card>
  `,
})
export class ComingSoonPage {
  readonly titleKey = input.required<TranslationKey>();
  readonly textKey = input.required<TranslationKey>();
  readonly icon = input.required<string>();
}
