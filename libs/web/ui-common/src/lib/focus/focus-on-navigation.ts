import { DOCUMENT } from '@angular/common';
import { DestroyRef, Directive, ElementRef, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router } from '@angular/router';
import { filter } from 'rxjs';

/** How long a lazily loaded page may take to show its <h1> before we give up moving focus. */
const HEADING_WAIT_MS = 5000;

/**
 * Put on the layout's `<main>`: after each navigation to another page (a new path — not a change of query
 * parameters such as a list's filters), moves keyboard focus to the page's `<h1>`, made focusable with
 * tabindex="-1" (WCAG 2.4.3). Screen readers read the focused heading: the new page is announced. The
 * first page of a visit is left alone (the browser starts at the top, on the skip link).
 * Focus already inside the page (a field the page focused itself) is left where it is. A heading still
 * waiting for its data says so with aria-busy="true": focus waits for the real title (read once, right).
 *
 * ```html
 * <main id="main-content" tabindex="-1" pslFocusOnNavigation><router-outlet /></main>
 * ```
 */
@Directive({ selector: '[pslFocusOnNavigation]' })
export class FocusOnNavigation {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly document = inject(DOCUMENT);
  private readonly router = inject(Router);
  private lastPath: string | undefined;
  private stopWaiting?: () => void;

  constructor() {
    // Created during the visit's first navigation: that one is the page load, not a move.
    let skip = !this.router.navigated;
    this.router.events
      .pipe(
        filter((event): event is NavigationEnd => event instanceof NavigationEnd),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((event) => {
        const path = this.pathOf(event.urlAfterRedirects);
        const moved = path !== this.lastPath;
        this.lastPath = path;
        if (skip) {
          skip = false;
          return;
        }
        if (moved) this.focusHeadingWhenShown();
      });
    inject(DestroyRef).onDestroy(() => this.stopWaiting?.());
  }

  private pathOf(url: string): string {
    const tree = this.router.parseUrl(url);
    tree.queryParams = {};
    tree.fragment = null;
    return this.router.serializeUrl(tree);
  }

  private focusHeadingWhenShown(): void {
    this.stopWaiting?.();
    if (this.tryFocus()) return;
    const observer = new MutationObserver(() => {
      if (this.tryFocus()) this.stopWaiting?.();
    });
    const timer = setTimeout(() => this.stopWaiting?.(), HEADING_WAIT_MS);
    observer.observe(this.host, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['aria-busy'],
    });
    this.stopWaiting = () => {
      observer.disconnect();
      clearTimeout(timer);
      this.stopWaiting = undefined;
    };
  }

  /** True when done: the heading got focus, or the user's focus is already inside the page. */
  private tryFocus(): boolean {
    const active = this.document.activeElement;
    if (active && active !== this.document.body && this.host.contains(active) && active.tagName !== 'H1')
      return true;
    // A component's elements exist before its first render fills them: wait for a heading with its text.
    const heading = this.host.querySelector<HTMLElement>('h1:not([aria-busy="true"])');
    if (!heading?.textContent?.trim()) return false;
    focusHeading(heading);
    return true;
  }
}

/** Focuses a heading without scrolling the page sideways; makes it focusable first. */
export function focusHeading(heading: HTMLElement): void {
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus({ preventScroll: false });
}
