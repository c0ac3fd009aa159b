import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { confirm } from './confirm-dialog';

describe('confirm()', () => {
  const data = {
    title: 'Révoquer l’invitation ?',
    message: 'Le lien envoyé à karim@atlas.ma ne fonctionnera plus.',
    confirmLabel: 'Révoquer',
    cancelLabel: 'Annuler',
    destructive: true,
  };

  async function open() {
    const answer = confirm(TestBed.inject(MatDialog), data);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const dialog = document.querySelector('mat-dialog-container') as HTMLElement;
    return { answer, dialog };
  }

  it('asks the question and resolves true on confirm', async () => {
    const { answer, dialog } = await open();
    expect(dialog.querySelector('h2')?.textContent).toBe('Révoquer l’invitation ?');
    expect(dialog.textContent).toContain('ne fonctionnera plus');
    (dialog.querySelector('[data-testid="confirm-ok"]') as HTMLButtonElement).click();
    await expect(answer).resolves.toBe(true);
  });

  it('resolves false on cancel', async () => {
    const { answer, dialog } = await open();
    (dialog.querySelector('[data-testid="confirm-cancel"]') as HTMLButtonElement).click();
    await expect(answer).resolves.toBe(false);
  });
});
