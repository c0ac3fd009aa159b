import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@passerelle/web-util-i18n';
import { FocusOnNavigation, SkipLink } from '@passerelle/web-ui-common';
import { LanguageToggle } from '../language-toggle/language-toggle';

/** Layout of the signed-out pages (login, sign-up, later the invitation page): brand, language switch, centered page. */
@Component({
  selector: 'psl-public-layout',
  imports: [RouterOutlet, MatIconModule, TranslatePipe, LanguageToggle, FocusOnNavigation, SkipLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <psl-skip-link target="main-content" />
    <header class="top">
      <span class="brand"><mat-icon aria-hidden="true" fontIcon="hub" />{{ 'app.name' | t }}</span>
      <psl-language-toggle />
    </header>
    <main class="content" id="main-content" tabindex="-1" pslFocusOnNavigation>
      <router-outlet />
    </main>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      min-block-size: 100dvh;
      background: var(--mat-sys-surface-container-low);
    }
    .top {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 16px;
      padding-block: 12px;
      padding-inline: 24px;
    }
    .brand {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      font: var(--mat-sys-title-large);
      color: var(--mat-sys-primary);
    }
    .content {
      flex: 1;
      display: flex;
      align-items: center;
      justify-content: center;
      padding-block: 16px 48px;
      padding-inline: 16px;
    }
  `,
})
export class PublicLayout {}
