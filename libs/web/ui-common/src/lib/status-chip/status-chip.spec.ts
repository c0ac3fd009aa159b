import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { StatusChip, type StatusTone } from './status-chip';

@Component({
  imports: [StatusChip],
  template: `<psl-status-chip [label]="label()" [tone]="tone()" data-testid="chip" />`,
})
class Host {
  readonly label = signal('Invité');
  readonly tone = signal<StatusTone>('info');
}

describe('StatusChip', () => {
  it('shows its label and takes the colour of its tone', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const chip = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="chip"]') as HTMLElement;
    expect(chip.textContent).toBe('Invité');
    expect(chip.getAttribute('data-tone')).toBe('info');

    fixture.componentInstance.label.set('Échec de l’envoi');
    fixture.componentInstance.tone.set('error');
    await fixture.whenStable();
    expect(chip.textContent).toBe('Échec de l’envoi');
    expect(chip.getAttribute('data-tone')).toBe('error');
  });
});
