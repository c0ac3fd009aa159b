import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormAlert } from './form-alert';

@Component({
  imports: [FormAlert],
  template: `<psl-form-alert [message]="message()" [tone]="tone()" data-testid="alert" />`,
})
class Host {
  readonly message = signal('E-mail ou mot de passe incorrect.');
  readonly tone = signal<'error' | 'success'>('error');
}

describe('FormAlert', () => {
  it('reads an error out at once and good news politely', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const alert = (fixture.nativeElement as HTMLElement).querySelector(
      '[data-testid="alert"]',
    ) as HTMLElement;
    const icon = () => alert.querySelector('mat-icon')?.getAttribute('data-mat-icon-name');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toBe('E-mail ou mot de passe incorrect.');
    expect(icon()).toBe('error');
    expect(alert.classList.contains('success')).toBe(false);

    fixture.componentInstance.message.set('Votre mot de passe a été changé.');
    fixture.componentInstance.tone.set('success');
    await fixture.whenStable();
    expect(alert.getAttribute('role')).toBe('status');
    expect(alert.textContent).toBe('Votre mot de passe a été changé.');
    expect(icon()).toBe('check_circle');
    expect(alert.classList.contains('success')).toBe(true);
  });
});
