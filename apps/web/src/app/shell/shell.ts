import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatMenuModule } from '@angular/material/menu';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthStore } from '@passerelle/web-data-access-auth';
import { DevOutbox } from '@passerelle/web-data-access-invitations';
import { TranslatePipe, TranslationKey } from '@passerelle/web-util-i18n';
import { map } from 'rxjs';
import { FocusOnNavigation, SkipLink } from '@passerelle/web-ui-common';
import { LanguageToggle } from '../language-toggle/language-toggle';

interface NavItem {
  path: string;
  labelKey: TranslationKey;
  icon: string;
  testId: string;
}

/** Wide enough to keep the navigation open beside the content. */
const WIDE_SCREEN = '(min-width: 960px)';

/** The signed-in layout: app bar, side navigation and the routed page. */
@Component({
  selector: 'psl-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatButtonModule,
    MatDividerModule,
    MatIconModule,
    MatListModule,
    MatMenuModule,
    MatSidenavModule,
    MatToolbarModule,
    TranslatePipe,
    LanguageToggle,
    FocusOnNavigation,
    SkipLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.html',
  styleUrls: ['./app-bar.scss', './shell.scss'],
})
export class Shell {
  private readonly router = inject(Router);
  private readonly sidenav = viewChild.required(MatSidenav);
  protected readonly store = inject(AuthStore);

  protected readonly wide = toSignal(
    inject(BreakpointObserver)
      .observe(WIDE_SCREEN)
      .pipe(map((state) => state.matches)),
    { initialValue: true },
  );

  private readonly devOutbox = inject(DevOutbox);

  protected readonly navItems = computed((): readonly NavItem[] => [
    { path: '/', labelKey: 'nav.dashboard', icon: 'dashboard', testId: 'nav-dashboard' },
    { path: '/clients', labelKey: 'nav.clients', icon: 'groups', testId: 'nav-clients' },
    { path: '/imports', labelKey: 'nav.imports', icon: 'upload_file', testId: 'nav-imports' },
    {
      path: '/invitations',
      labelKey: 'nav.invitations',
      icon: 'forward_to_inbox',
      testId: 'nav-invitations',
    },
    { path: '/settings', labelKey: 'nav.settings', icon: 'settings', testId: 'nav-settings' },
    // Admins, while e-mails go to files (no SMTP server, not production): where invitation links can be opened.
    ...(this.devOutbox.available()
      ? [{ path: '/dev/outbox', labelKey: 'nav.outbox', icon: 'outbox', testId: 'nav-outbox' } as const]
      : []),
  ]);

  constructor() {
    if (this.store.me()?.user.role === 'admin') void this.devOutbox.check();
  }

  /** On narrow screens the navigation covers the page: close it once a destination is chosen. */
  protected closeIfOverlay(): void {
    if (!this.wide()) void this.sidenav().close();
  }

  protected async logout(): Promise<void> {
    try {
      await this.store.logout();
    } finally {
      await this.router.navigateByUrl('/login');
    }
  }
}
