import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { LoadError } from './load-error';

describe('LoadError', () => {
  async function render(inputs: Record<string, unknown>) {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(LoadError);
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('says what failed and offers « Réessayer », which asks for a reload', async () => {
    const { fixture, el } = await render({ message: 'La liste n’a pas pu être chargée.', canRetry: true });
    const retries: unknown[] = [];
    fixture.componentInstance.retry.subscribe(() => retries.push(true));
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('La liste n’a pas pu être chargée.');
    const button = el.querySelector<HTMLButtonElement>('[data-testid="load-error-retry"]');
    expect(button?.textContent?.trim()).toContain('Réessayer');
    button?.click();
    expect(retries).toHaveLength(1);
    expect(el.querySelector('a')).toBeNull();
  });

  it('offers only the way back when retrying cannot help', async () => {
    const { el } = await render({ message: 'Ce client est introuvable.', backLink: '/clients' });
    expect(el.querySelector('[data-testid="load-error-retry"]')).toBeNull();
    expect(el.querySelector('a')?.getAttribute('href')).toBe('/clients');
    expect(el.querySelector('a')?.textContent?.trim()).toBe('Retour');
  });
});
