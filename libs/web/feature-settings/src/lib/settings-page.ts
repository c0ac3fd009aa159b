import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { TranslatePipe } from '@passerelle/web-util-i18n';
import { AccountingSoftwareSettings } from './accounting-software-settings/accounting-software-settings';
import { SavedMappingsSettings } from './saved-mappings/saved-mappings';
import { TeamSettings } from './team-settings/team-settings';

/** /settings: one tab per area — accounting software, the team, the import's saved column mappings. */
@Component({
  selector: 'psl-settings-page',
  imports: [MatTabsModule, TranslatePipe, AccountingSoftwareSettings, TeamSettings, SavedMappingsSettings],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="page-title">{{ 'settings.title' | t }}</h1>
    <mat-tab-group mat-stretch-tabs="false" animationDuration="0ms">
      <mat-tab [label]="'accountingSoftware.title' | t">
        <psl-accounting-software-settings />
      </mat-tab>
      <mat-tab [label]="'team.title' | t">
        <ng-template matTabContent>
          <psl-team-settings />
        </ng-template>
      </mat-tab>
      <mat-tab [label]="'savedMappings.title' | t">
        <ng-template matTabContent>
          <psl-saved-mappings />
        </ng-template>
      </mat-tab>
    </mat-tab-group>
  `,
})
export class SettingsPage {}
