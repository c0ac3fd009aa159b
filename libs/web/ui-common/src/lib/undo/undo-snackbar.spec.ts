import { TestBed } from '@angular/core/testing';
import { UndoSnackbar } from './undo-snackbar';

describe('UndoSnackbar', () => {
  beforeEach(() => localStorage.clear());

  it('names what happened and resolves true when « Annuler » is clicked', async () => {
    const undo = TestBed.inject(UndoSnackbar);
    const answer = undo.offer('« Atlas Négoce » archivé');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const container = document.querySelector('.mat-mdc-snack-bar-container') as HTMLElement;
    expect(container.textContent).toContain('« Atlas Négoce » archivé');
    const action = container.querySelector('button') as HTMLButtonElement;
    expect(action.textContent?.trim()).toBe('Annuler');
    action.click();
    await expect(answer).resolves.toBe(true);
  });

  it('resolves false when the time runs out', async () => {
    const undo = TestBed.inject(UndoSnackbar);
    await expect(undo.offer('« Rif » archivé', 30)).resolves.toBe(false);
  });
});
