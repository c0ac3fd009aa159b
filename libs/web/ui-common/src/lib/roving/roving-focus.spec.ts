import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { RovingFocus, RovingItem } from './roving-focus';

@Component({
  imports: [RovingFocus, RovingItem],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button id="before">before</button>
    <ul pslRovingFocus>
      @for (item of items(); track item) {
        <li pslRovingItem [id]="item">{{ item }} <button class="inner">…</button></li>
      }
    </ul>
  `,
})
class Host {
  readonly items = signal(['a', 'b', 'c']);
}

describe('RovingFocus', () => {
  async function render() {
    const fixture = TestBed.createComponent(Host);
    document.body.appendChild(fixture.nativeElement);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const item = (id: string) => el.querySelector<HTMLElement>(`#${id}`) as HTMLElement;
    const tabStops = () => Array.from(el.querySelectorAll<HTMLElement>('li')).map((li) => li.tabIndex);
    const press = (key: string) =>
      (document.activeElement as HTMLElement).dispatchEvent(
        new KeyboardEvent('keydown', { key, bubbles: true }),
      );
    return { fixture, item, tabStops, press };
  }

  it('gives the list one Tab stop and moves between items with the arrows, Home and End', async () => {
    const { item, tabStops, press } = await render();
    expect(tabStops()).toEqual([0, -1, -1]);
    item('a').focus();
    press('ArrowDown');
    expect(document.activeElement?.id).toBe('b');
    expect(tabStops()).toEqual([-1, 0, -1]);
    press('End');
    expect(document.activeElement?.id).toBe('c');
    press('ArrowDown'); // stays on the last one
    expect(document.activeElement?.id).toBe('c');
    press('Home');
    expect(document.activeElement?.id).toBe('a');
    press('ArrowUp');
    expect(document.activeElement?.id).toBe('a');
  });

  it('leaves keys pressed on a button inside an item alone', async () => {
    const { item, press } = await render();
    (item('a').querySelector('.inner') as HTMLElement).focus();
    press('ArrowDown');
    expect(document.activeElement?.className).toBe('inner');
  });

  it('keeps one Tab stop when the items change (a new page)', async () => {
    const { fixture, item, tabStops } = await render();
    item('b').focus();
    fixture.componentInstance.items.set(['d', 'e']);
    await fixture.whenStable();
    expect(tabStops()).toEqual([0, -1]);
  });
});
