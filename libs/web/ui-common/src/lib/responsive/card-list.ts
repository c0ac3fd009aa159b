import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  Directive,
  TemplateRef,
  contentChild,
  input,
  output,
} from '@angular/core';
import { RovingFocus, RovingItem } from '../roving/roving-focus';

/** The template of one card: `<ng-template pslCard let-item>…</ng-template>`. */
@Directive({ selector: 'ng-template[pslCard]' })
export class CardTemplate {}

/**
 * The phone form of a list (below 600 px a table is replaced, not squeezed): one card per item, one Tab
 * stop for the list (↑/↓ between cards), Enter or a click opens the item. Put a row menu inside the card
 * template with `tabindex="-1"` and open it on `(menuRequested)` (menu key, Shift+F10, right-click).
 *
 * ```html
 * <psl-card-list [items]="clients()" [label]="'Clients'" (opened)="open($event)">
 *   <ng-template pslCard let-client><strong>{{ client.name }}</strong> …</ng-template>
 * </psl-card-list>
 * ```
 */
@Component({
  selector: 'psl-card-list',
  imports: [NgTemplateOutlet, RovingFocus, RovingItem],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="cards" pslRovingFocus [attr.aria-label]="label()" [attr.data-testid]="testId()">
      @for (item of items(); track trackKey()(item)) {
        <li
          class="card"
          pslRovingItem
          tabindex="-1"
          [attr.data-testid]="itemTestId()"
          (click)="opened.emit(item)"
          (keydown.enter)="onEnter($event, item)"
          (keydown.shift.f10)="requestMenu($event)"
          (contextmenu)="requestMenu($event)"
        >
          <ng-container [ngTemplateOutlet]="card()" [ngTemplateOutletContext]="{ $implicit: item }" />
        </li>
      }
    </ul>
  `,
  styles: `
    .cards {
      display: flex;
      flex-direction: column;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .card {
      padding-block: 12px;
      padding-inline: 16px;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
      cursor: pointer;
      min-inline-size: 0;
    }
    .card:last-child {
      border-block-end: 0;
    }
    .card:hover {
      background: var(--mat-sys-surface-container-low);
    }
    .card:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: -2px;
    }
  `,
})
export class CardList<T> {
  readonly items = input.required<readonly T[]>();
  /** Accessible name of the list. */
  readonly label = input.required<string>();
  readonly trackKey = input<(item: T) => unknown>((item) => item);
  readonly testId = input('card-list');
  readonly itemTestId = input('card');
  readonly opened = output<T>();
  /** The menu key, Shift+F10 or a right-click on a card: the card's element, to open its menu. */
  readonly menuRequested = output<HTMLElement>();
  protected readonly card = contentChild.required(CardTemplate, { read: TemplateRef });

  protected onEnter(event: Event, item: T): void {
    // Enter on a button inside the card is that button's.
    if (event.target !== event.currentTarget) return;
    this.opened.emit(item);
  }

  protected requestMenu(event: Event): void {
    event.preventDefault();
    this.menuRequested.emit(event.currentTarget as HTMLElement);
  }
}
