import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { LinkCard, type LinkCardState } from './link-card';

@Component({
  imports: [LinkCard],
  template: `
    <psl-link-card
      [state]="state()"
      heading="Rejoindre l’équipe"
      loadingText="Vérification du lien…"
      invalidTitle="Lien non valide"
      invalidActionLabel="Se connecter"
      invalidActionLink="/login"
      invalidTestId="link-invalid"
      (retry)="retries = retries + 1"
    >
      <form data-testid="ready-form"></form>
    </psl-link-card>
  `,
})
class Host {
  readonly state = signal<LinkCardState>({ kind: 'loading' });
  retries = 0;
}

describe('LinkCard', () => {
  async function render(state: LinkCardState) {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.state.set(state);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('says the link is being checked, with a labelled progress bar', async () => {
    const { el } = await render({ kind: 'loading' });
    expect(el.querySelector('h1')?.textContent).toBe('Rejoindre l’équipe');
    expect(el.querySelector('.subtitle')?.textContent).toBe('Vérification du lien…');
    expect(el.querySelector('mat-progress-bar')?.getAttribute('aria-label')).toBe('Vérification du lien…');
    expect(el.querySelector('[data-testid="ready-form"]')).toBeNull();
  });

  it('shows one neutral page for a link that cannot be used, with the way on', async () => {
    const { el } = await render({ kind: 'invalid', message: 'Ce lien a expiré.' });
    const problem = el.querySelector('[data-testid="link-invalid"]');
    expect(problem?.querySelector('h1')?.textContent).toBe('Lien non valide');
    expect(problem?.textContent).toContain('Ce lien a expiré.');
    expect(problem?.querySelector('a')?.getAttribute('href')).toBe('/login');
    expect(problem?.getAttribute('role')).toBeNull();
    expect(el.querySelector('[data-testid="ready-form"]')).toBeNull();
  });

  it('offers « Réessayer » when loading failed', async () => {
    const { fixture, el } = await render({ kind: 'error', message: 'Le serveur ne répond pas.' });
    const alert = el.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Le serveur ne répond pas.');
    expect(alert?.querySelector('h1')).toBeNull();
    (alert?.querySelector('button') as HTMLButtonElement).click();
    expect(fixture.componentInstance.retries).toBe(1);
  });

  it('shows the page’s content once the link is ready, without the loading heading', async () => {
    const { el } = await render({ kind: 'ready' });
    expect(el.querySelector('[data-testid="ready-form"]')).not.toBeNull();
    expect(el.querySelector('h1')).toBeNull();
    expect(el.querySelector('mat-progress-bar')).toBeNull();
  });
});
