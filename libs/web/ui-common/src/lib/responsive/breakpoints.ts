import { BreakpointObserver } from '@angular/cdk/layout';
import { DestroyRef, ElementRef, Signal, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { map } from 'rxjs';

/** Phones: below this width lists become cards and filters move into a bottom sheet. */
export const NARROW_SCREEN = '(max-width: 599px)';

/** True while the viewport matches `query` (default: a phone). Call in an injection context. */
export function injectNarrowScreen(query = NARROW_SCREEN): Signal<boolean> {
  const observer = inject(BreakpointObserver);
  return toSignal(observer.observe(query).pipe(map((state) => state.matches)), {
    initialValue: observer.isMatched(query),
  });
}

/**
 * The host element's width in CSS pixels, updated as it changes (ResizeObserver): for components that
 * must fit their container whatever the page around them (side navigation open or not). Call in a
 * component's constructor.
 */
export function injectHostWidth(): Signal<number> {
  const element = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  const width = signal(0);
  if (typeof ResizeObserver === 'undefined') return width.asReadonly();
  const observer = new ResizeObserver((entries) => {
    const entry = entries[entries.length - 1];
    width.set(Math.round(entry.contentRect.width));
  });
  observer.observe(element);
  inject(DestroyRef).onDestroy(() => observer.disconnect());
  return width.asReadonly();
}
