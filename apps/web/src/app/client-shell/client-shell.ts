import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink, RouterOutlet } from '@angular/router';
import { AuthStore } from '@passerelle/web-data-access-auth';
import { FocusOnNavigation, SkipLink } from '@passerelle/web-ui-common';
import { TranslatePipe } from '@passerelle/web-util-i18n';
import { LanguageToggle } from '../language-toggle/language-toggle';

/**
 * The client user's own layout (issue 9): brand, its firm, language and account menu — no staff
 * navigation. Its one page is the client's space (/folder).
 */
@Component({
  selector: 'psl-client-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    MatButtonModule,
    MatDividerModule,
    MatIconModule,
    MatMenuModule,
    MatToolbarModule,
    TranslatePipe,
    LanguageToggle,
    FocusOnNavigation,
    SkipLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let me = store.me();
    <psl-skip-link target="main-content" />
    <mat-toolbar class="app-bar" data-testid="client-app-bar">
      <a class="brand" routerLink="/folder">{{ 'app.name' | t }}</a>
      @if (me) {
        <span class="firm-name" data-testid="firm-name" [attr.title]="me.firm.name">{{ me.firm.name }}</span>
      }
      <span class="spacer"></span>
      <psl-language-toggle />
      <button
        mat-icon-button
        type="button"
        [matMenuTriggerFor]="userMenu"
        [attr.aria-label]="('shell.userMenu' | t) + (me ? ' — ' + me.user.name : '')"
        data-testid="user-menu"
      >
        <mat-icon fontIcon="account_circle" />
      </button>
      <mat-menu #userMenu="matMenu" xPosition="before">
        @if (me) {
          <div class="user-summary">
            <span class="user-name">{{ me.user.name }}</span>
            <span class="user-email"
              ><bdi dir="ltr">{{ me.user.email }}</bdi></span
            >
          </div>
          <mat-divider />
        }
        <button mat-menu-item type="button" (click)="logout()" data-testid="logout">
          <mat-icon fontIcon="logout" />
          <span>{{ 'shell.logout' | t }}</span>
        </button>
      </mat-menu>
    </mat-toolbar>
    <main id="main-content" class="page" tabindex="-1" pslFocusOnNavigation>
      <router-outlet />
    </main>
  `,
  styleUrl: '../shell/app-bar.scss',
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      min-block-size: 100dvh;
      background: var(--mat-sys-surface-container-low);
    }
    .app-bar {
      padding-inline: 16px 12px;
    }
    .page {
      inline-size: 100%;
      max-inline-size: 1000px;
      margin-inline: auto;
      padding-block: 24px 48px;
      padding-inline: 16px;
      box-sizing: border-box;
    }
  `,
})
export class ClientShell {
  private readonly router = inject(Router);
  protected readonly store = inject(AuthStore);

  protected async logout(): Promise<void> {
    try {
      await this.store.logout();
    } finally {
      await this.router.navigateByUrl('/login');
    }
  }
}
