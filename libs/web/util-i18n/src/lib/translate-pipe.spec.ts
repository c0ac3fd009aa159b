import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { I18n } from './i18n';
import { TranslatePipe } from './translate-pipe';

@Component({
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1>{{ 'dashboard.welcome' | t: { name: name() } }}</h1>
    <p>{{ 'nav.clients' | t }}</p>`,
})
class Host {
  readonly name = signal('Salma');
}

describe('TranslatePipe', () => {
  beforeEach(() => localStorage.clear());

  it('renders the current language and follows language and parameter changes in an OnPush view', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('h1')?.textContent).toBe('Bonjour, Salma');

    await TestBed.inject(I18n).use('en');
    await fixture.whenStable();
    expect(el.querySelector('h1')?.textContent).toBe('Hello, Salma');
    expect(el.querySelector('p')?.textContent).toBe('Clients');

    fixture.componentInstance.name.set('Omar');
    await fixture.whenStable();
    expect(el.querySelector('h1')?.textContent).toBe('Hello, Omar');
  });
});
