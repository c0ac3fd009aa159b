import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { AuthStore } from '@passerelle/web-data-access-auth';
import { ClientsApi } from '@passerelle/web-data-access-clients';
import { TranslatePipe } from '@passerelle/web-util-i18n';

@Component({
  selector: 'psl-dashboard-page',
  imports: [MatButtonModule, MatCardModule, MatIconModule, MatProgressBarModule, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="page-title">{{ 'dashboard.welcome' | t: { name: store.me()?.user?.name ?? '' } }}</h1>
    @if (total() === 0) {
      <mat-card appearance="outlined" class="empty-state" data-testid="dashboard-empty">
        <mat-icon class="empty-state-icon" aria-hidden="true" fontIcon="group_add" />
        <h2 class="empty-state-title">{{ 'dashboard.emptyTitle' | t }}</h2>
        <p class="empty-state-text">{{ 'dashboard.emptyText' | t }}</p>
        <a mat-flat-button routerLink="/clients/new" data-testid="dashboard-new-client">
          <mat-icon fontIcon="add" />
          {{ 'dashboard.createClient' | t }}
        </a>
      </mat-card>
    } @else if (total() !== undefined) {
      <mat-card appearance="outlined" class="empty-state" data-testid="dashboard-clients">
        <mat-icon class="empty-state-icon" aria-hidden="true" fontIcon="groups" />
        <h2 class="empty-state-title">{{ 'dashboard.clientsTitle' | t }}</h2>
        <p class="empty-state-text">
          {{
            total() === 1
              ? ('dashboard.clientCountOne' | t)
              : ('dashboard.clientCount' | t: { count: total() ?? 0 })
          }}
        </p>
        <a mat-flat-button routerLink="/clients" data-testid="dashboard-see-clients">
          {{ 'dashboard.seeClients' | t }}
        </a>
      </mat-card>
    } @else {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | t" />
    }
  `,
})
export class DashboardPage {
  protected readonly store = inject(AuthStore);
  private readonly api = inject(ClientsApi);
  private readonly clients = rxResource({ stream: () => this.api.list({ pageIndex: 0, pageSize: 1 }) });

  /** Number of active clients; 0 also when the count cannot be loaded (the card then offers to create one). */
  protected readonly total = computed(() => {
    if (this.clients.error()) return 0;
    return this.clients.hasValue() ? this.clients.value().total : undefined;
  });
}
