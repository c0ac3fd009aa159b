import { TestBed } from '@angular/core/testing';
import type { BulkProgress } from '@passerelle/api-types';
import { BulkRunCard } from './bulk-run-card';

const run = (overrides: Partial<BulkProgress>): BulkProgress => ({
  id: 'run-1',
  total: 30,
  queued: 10,
  sent: 17,
  failed: 1,
  skipped: 2,
  done: false,
  createdAt: '2026-11-30T10:00:00.000Z',
  skippedClients: [
    {
      clientId: 'a',
      clientName: 'Atlas Négoce',
      reason: 'client_archived',
      message: 'Ce client est archivé.',
    },
    { clientId: 'b', clientName: null, reason: 'client_not_found', message: 'Introuvable.' },
  ],
  ...overrides,
});

describe('BulkRunCard', () => {
  function render(progress: BulkProgress) {
    const fixture = TestBed.createComponent(BulkRunCard);
    fixture.componentRef.setInput('run', progress);
    fixture.detectChanges();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('counts the clients dealt with out of the total, with the bar at that share', () => {
    const { element } = render(run({}));
    expect(element.querySelector('[data-testid="bulk-fraction"]')?.textContent?.trim()).toBe('20 / 30');
    expect(element.querySelector('[data-testid="bulk-counts"]')?.textContent).toContain(
      '17 envoyées · 10 en attente · 1 en échec · 2 ignorés',
    );
    const bar = element.querySelector('[data-testid="bulk-progress"]') as HTMLElement;
    expect(bar.getAttribute('aria-valuenow')).toBe('67');
    expect(element.querySelector('h3')?.textContent?.trim()).toBe('Activation de 30 clients');
  });

  it('lists the skipped clients with their reason, and can be dismissed once done', () => {
    const { fixture, element } = render(run({ done: true, queued: 0, sent: 27 }));
    const items = Array.from(element.querySelectorAll('[data-testid="bulk-skipped"] li')).map((li) => [
      li.querySelector('.name')?.textContent?.trim(),
      li.querySelector('.reason')?.textContent?.trim(),
    ]);
    expect(items).toEqual([
      ['Atlas Négoce', 'Ce client est archivé.'],
      ['Client inconnu', 'Introuvable.'],
    ]);
    let dismissed = 0;
    fixture.componentInstance.dismissed.subscribe(() => dismissed++);
    (element.querySelector('button[aria-label="Masquer"]') as HTMLButtonElement).click();
    expect(dismissed).toBe(1);
  });

  it('shows an indeterminate bar while the run lists its clients', () => {
    const { element } = render(
      run({ total: 0, queued: 0, sent: 0, failed: 0, skipped: 0, skippedClients: [] }),
    );
    expect(element.querySelector('h3')?.textContent?.trim()).toBe('Préparation de la liste des clients…');
    expect(element.querySelector('[data-testid="bulk-progress"]')?.getAttribute('mode')).toBe(
      'indeterminate',
    );
  });
});
