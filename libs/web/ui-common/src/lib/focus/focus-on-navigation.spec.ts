import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, RouterOutlet, provideRouter } from '@angular/router';
import { FocusOnNavigation } from './focus-on-navigation';
import { SkipLink } from './skip-link';

@Component({
  template: '<h1>Clients</h1><input id="search" />',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class ListPage {}

/** The client page's data arrives when the test says so. */
const loading = signal(true);

@Component({
  template: `<h1 [attr.aria-busy]="loading() ? 'true' : null">
    {{ loading() ? 'Chargement…' : 'Atlas Négoce' }}
  </h1>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class ClientPage {
  protected readonly loading = loading;
}

@Component({
  imports: [RouterOutlet, FocusOnNavigation, SkipLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<psl-skip-link /><a id="nav" href="#">Clients</a>
    <main id="main-content" tabindex="-1" pslFocusOnNavigation><router-outlet /></main>`,
})
class Layout {}

describe('FocusOnNavigation and SkipLink', () => {
  async function render() {
    localStorage.clear();
    loading.set(true);
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'clients', component: ListPage },
          { path: 'clients/:id', component: ClientPage },
        ]),
      ],
    });
    const router = TestBed.inject(Router);
    const fixture = TestBed.createComponent(Layout);
    document.body.appendChild(fixture.nativeElement);
    await router.navigateByUrl('/clients');
    await fixture.whenStable();
    return { fixture, router, el: fixture.nativeElement as HTMLElement };
  }

  it('leaves the first page of a visit alone, then focuses each new page’s <h1>', async () => {
    const { fixture, router, el } = await render();
    expect(document.activeElement).toBe(document.body);
    (el.querySelector('#nav') as HTMLElement).focus();
    await router.navigateByUrl('/clients/42');
    await fixture.whenStable();
    // Not while the heading still says « Chargement… »: once it names the client.
    expect(document.activeElement?.id).toBe('nav');
    loading.set(false);
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    expect(document.activeElement?.textContent?.trim()).toBe('Atlas Négoce');
    expect(document.activeElement?.getAttribute('tabindex')).toBe('-1');
  });

  it('does not move focus when only the query parameters change (a list’s filters)', async () => {
    const { fixture, router, el } = await render();
    const search = el.querySelector('#search') as HTMLInputElement;
    search.focus();
    await router.navigateByUrl('/clients?q=atlas');
    await fixture.whenStable();
    expect(document.activeElement).toBe(search);
  });

  it('skips to the page’s heading from the skip link', async () => {
    const { el } = await render();
    const link = el.querySelector('[data-testid="skip-link"]') as HTMLAnchorElement;
    expect(link.textContent?.trim()).toBe('Aller au contenu');
    link.click();
    expect(document.activeElement?.textContent).toBe('Clients');
  });
});
