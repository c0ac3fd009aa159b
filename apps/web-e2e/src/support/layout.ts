import type { Locator, Page } from 'playwright-core';

/** How far an element's content runs past its box, in CSS pixels (0: it fits). */
export async function horizontalOverflow(locator: Locator): Promise<number> {
  return locator.evaluate((element) => Math.max(0, element.scrollWidth - element.clientWidth));
}

/** Whether the page scrolls sideways (a phone must never need to). */
export async function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}

export interface Overlap {
  field: string;
  overlaps: string;
  pixels: number;
}

/**
 * Every visible mat-form-field's hint/error area (subscript) against every other field's box (its label
 * and input): the pairs whose rectangles intersect. [] when no hint or error is drawn over a neighbour.
 */
export async function subscriptOverlaps(scope: Locator): Promise<Overlap[]> {
  return scope.evaluate((root) => {
    const name = (field: Element) =>
      field.querySelector('mat-label')?.textContent?.trim() ||
      field.querySelector('input, mat-select')?.getAttribute('data-testid') ||
      'field';
    const fields = Array.from(root.querySelectorAll('mat-form-field')).filter(
      (field) => (field as HTMLElement).offsetParent !== null,
    );
    const boxes = fields.map((field) => ({
      field,
      subscript: field.querySelector('.mat-mdc-form-field-subscript-wrapper')?.getBoundingClientRect(),
      control: field.querySelector('.mat-mdc-text-field-wrapper')?.getBoundingClientRect(),
    }));
    const found: { field: string; overlaps: string; pixels: number }[] = [];
    for (const a of boxes) {
      if (!a.subscript || a.subscript.height === 0) continue;
      const text = a.field.querySelector('mat-hint, mat-error');
      if (!text) continue;
      const sub = text.getBoundingClientRect();
      for (const b of boxes) {
        if (a === b || !b.control) continue;
        const width = Math.min(sub.right, b.control.right) - Math.max(sub.left, b.control.left);
        const height = Math.min(sub.bottom, b.control.bottom) - Math.max(sub.top, b.control.top);
        if (width > 0.5 && height > 0.5)
          found.push({ field: name(a.field), overlaps: name(b.field), pixels: Math.round(width * height) });
      }
    }
    return found;
  });
}

/** Text of the focused element's tag and content, to assert where keyboard focus is. */
export async function focused(page: Page): Promise<{ tag: string; text: string; testId: string | null }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return {
      tag: element?.tagName.toLowerCase() ?? '',
      text: element?.textContent?.trim() ?? '',
      testId: element?.getAttribute('data-testid') ?? null,
    };
  });
}

/** Waits until keyboard focus is on the page's <h1> with this text (focus moves after rendering). */
export async function waitForHeadingFocus(
  page: Page,
  text: string | RegExp,
  timeout = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const now = await focused(page);
    const matches = typeof text === 'string' ? now.text === text : text.test(now.text);
    if (now.tag === 'h1' && matches) return;
    if (Date.now() > deadline)
      throw new Error(
        `focus is on <${now.tag}> "${now.text.slice(0, 80)}", expected the <h1> ${String(text)}`,
      );
    await page.waitForTimeout(50);
  }
}
