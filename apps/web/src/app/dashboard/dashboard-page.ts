import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { AuthStore } from '@passerelle/web-data-access-auth';
import { TranslatePipe } from '@passerelle/web-util-i18n';

@Component({
  selector: 'psl-dashboard-page',
  imports: [MatCardModule, MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="page-title">{{ 'dashboard.welcome' | t: { name: store.me()?.user?.name ?? '' } }}</h1>
    <mat-card appearance="outlined" class="empty-state" data-testid="dashboard-empty">
      <mat-icon class="empty-state-icon" aria-hidden="true" fontIcon="group_add" />
      <h2 class="empty-state-title">{{ 'dashboard.emptyTitle' | t }}</h2>
      <p class="empty-state-text">{{ 'dashboard.emptyText' | t }}</p>
    </mat-card>
  `,
})
export class DashboardPage {
  protected readonly store = inject(AuthStore);
}
