import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { TranslatePipe } from '@passerelle/web-util-i18n';
import { focusHeading } from './focus-on-navigation';

/**
 * "Aller au contenu": the first Tab stop of a layout (WCAG 2.4.1), hidden until focused. Moves focus to
 * the page's <h1> (or the target itself), past the app bar and the navigation.
 *
 * ```html
 * <psl-skip-link target="main-content" />
 * ```
 */
@Component({
  selector: 'psl-skip-link',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<a class="skip-link" [href]="'#' + target()" (click)="skip($event)" data-testid="skip-link">{{
    'common.skipToContent' | t
  }}</a>`,
  styles: `
    .skip-link {
      position: fixed;
      inset-block-start: 8px;
      inset-inline-start: 8px;
      z-index: 1000;
      padding-block: 12px;
      padding-inline: 16px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
      font: var(--mat-sys-label-large);
      text-decoration: none;
      transform: translateY(calc(-100% - 16px));
    }
    .skip-link:focus {
      transform: none;
      outline: 2px solid var(--mat-sys-on-primary);
      outline-offset: -4px;
    }
  `,
})
export class SkipLink {
  private readonly document = inject(DOCUMENT);
  /** id of the element holding the page (usually the layout's <main>). */
  readonly target = input('main-content');

  protected skip(event: Event): void {
    event.preventDefault();
    const main = this.document.getElementById(this.target());
    if (!main) return;
    const heading = main.querySelector<HTMLElement>('h1');
    if (heading) focusHeading(heading);
    else main.focus();
  }
}
