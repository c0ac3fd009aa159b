import { TestBed } from '@angular/core/testing';
import { FilterChips } from './filter-chips';

describe('FilterChips', () => {
  it('shows the filters in force, each removable, and clears them all', async () => {
    localStorage.clear();
    const fixture = TestBed.createComponent(FilterChips);
    fixture.componentRef.setInput('filters', [
      { key: 'status:active', label: 'Statut : Actif' },
      { key: 'country:MA', label: 'Pays : Maroc' },
    ]);
    const removed: string[] = [];
    let cleared = 0;
    fixture.componentInstance.removed.subscribe((key) => removed.push(key));
    fixture.componentInstance.cleared.subscribe(() => cleared++);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const chips = Array.from(el.querySelectorAll('[data-testid="active-filter"]'));
    expect(chips.map((chip) => chip.textContent?.trim())).toEqual(['Statut : Actif', 'Pays : Maroc']);
    const remove = chips[1].querySelector('button') as HTMLButtonElement;
    expect(remove.getAttribute('aria-label')).toBe('Retirer le filtre « Pays : Maroc »');
    remove.click();
    expect(removed).toEqual(['country:MA']);
    (el.querySelector('[data-testid="clear-filters"]') as HTMLButtonElement).click();
    expect(cleared).toBe(1);

    fixture.componentRef.setInput('filters', []);
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="active-filters"]')).toBeNull();
  });
});
