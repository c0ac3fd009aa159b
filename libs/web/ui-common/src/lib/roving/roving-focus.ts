import { DOCUMENT } from '@angular/common';
import { Directive, ElementRef, afterEveryRender, inject, input } from '@angular/core';

const ITEM = '[pslRovingItem]';

/**
 * One Tab stop for a list of rows or cards (roving tabindex): Tab enters the list on the current item,
 * ↑/↓ (or ←/→ with orientation="horizontal"), Home and End move between items, and Tab leaves the list.
 * The items say what Enter, the menu key or Shift+F10 do; this directive only moves focus. Mark the
 * container with `pslRovingFocus` and each item with `pslRovingItem`; items may come and go (paging).
 *
 * ```html
 * <ul pslRovingFocus>
 *   @for (c of clients(); track c.id) { <li pslRovingItem (keydown.enter)="open(c)">…</li> }
 * </ul>
 * ```
 */
@Directive({
  selector: '[pslRovingFocus]',
  host: { '(keydown)': 'onKeydown($event)', '(focusin)': 'onFocusIn($event)' },
})
export class RovingFocus {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly document = inject(DOCUMENT);
  readonly orientation = input<'vertical' | 'horizontal'>('vertical');
  private current: HTMLElement | undefined;

  constructor() {
    // After every render (a new page of rows): exactly one item is reachable with Tab.
    afterEveryRender({ write: () => this.normalise() });
  }

  /** Moves focus to the list's current item (e.g. after the focused one was removed). */
  focusCurrent(): void {
    this.normalise();
    this.current?.focus();
  }

  protected onFocusIn(event: FocusEvent): void {
    const item = (event.target as HTMLElement).closest<HTMLElement>(ITEM);
    if (item && this.host.contains(item)) this.makeCurrent(item);
  }

  protected onKeydown(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    // Only keys pressed on an item itself: a button or field inside it keeps its own keys.
    if (!target.matches(ITEM)) return;
    const items = this.items();
    const index = items.indexOf(target);
    const [previous, next] =
      this.orientation() === 'vertical' ? ['ArrowUp', 'ArrowDown'] : ['ArrowLeft', 'ArrowRight'];
    let to: number | undefined;
    if (event.key === next) to = Math.min(items.length - 1, index + 1);
    else if (event.key === previous) to = Math.max(0, index - 1);
    else if (event.key === 'Home') to = 0;
    else if (event.key === 'End') to = items.length - 1;
    if (to === undefined) return;
    event.preventDefault();
    this.makeCurrent(items[to]);
    items[to].focus();
  }

  private items(): HTMLElement[] {
    return Array.from(this.host.querySelectorAll<HTMLElement>(ITEM));
  }

  private makeCurrent(item: HTMLElement): void {
    this.current = item;
    for (const other of this.items()) other.tabIndex = other === item ? 0 : -1;
  }

  private normalise(): void {
    const items = this.items();
    if (items.length === 0) {
      this.current = undefined;
      return;
    }
    const focused = this.document.activeElement;
    const keep =
      items.find((item) => item === focused) ??
      (this.current && items.includes(this.current) ? this.current : items[0]);
    if (keep !== this.current || items.some((item) => item.tabIndex !== (item === keep ? 0 : -1)))
      this.makeCurrent(keep);
  }
}

/** Marks an item of a `pslRovingFocus` list. */
@Directive({ selector: '[pslRovingItem]', host: { tabindex: '-1' } })
export class RovingItem {}
