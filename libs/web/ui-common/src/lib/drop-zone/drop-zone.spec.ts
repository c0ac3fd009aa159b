import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { DropZone } from './drop-zone';

@Component({
  imports: [DropZone],
  template: `<psl-drop-zone
    title="Glissez votre fichier ici"
    buttonLabel="Choisir un fichier"
    hint=".xlsx ou .csv — 20 Mo au maximum"
    accept=".xlsx,.csv"
    [multiple]="multiple()"
    [disabled]="disabled()"
    (picked)="received.push($event)"
  />`,
})
class Host {
  readonly multiple = signal(false);
  readonly disabled = signal(false);
  readonly received: File[][] = [];
}

const file = (name: string) => new File(['Nom;Ville\n'], name, { type: 'text/csv' });

function drop(zone: HTMLElement, files: File[]): void {
  const event = new Event('drop', { bubbles: true, cancelable: true }) as DragEvent;
  Object.defineProperty(event, 'dataTransfer', { value: { files } });
  zone.dispatchEvent(event);
}

describe('DropZone', () => {
  function render() {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    return { fixture, el, zone: el.querySelector('[data-testid="drop-zone"]') as HTMLElement };
  }

  it('shows its texts and gives the picker the accepted types', () => {
    const { el } = render();
    expect(el.querySelector('.drop-title')?.textContent?.trim()).toBe('Glissez votre fichier ici');
    expect(el.querySelector('.drop-or')?.textContent?.trim()).toBe('ou');
    expect(el.querySelector('button')?.textContent?.trim()).toBe('Choisir un fichier');
    expect(el.querySelector('.drop-hint')?.textContent?.trim()).toBe('.xlsx ou .csv — 20 Mo au maximum');
    const input = el.querySelector('[data-testid="file-input"]') as HTMLInputElement;
    expect(input.accept).toBe('.xlsx,.csv');
    expect(input.multiple).toBe(false);
  });

  it('hands over a dropped file, only the first one unless several are allowed', () => {
    const { fixture, zone } = render();
    drop(zone, [file('a.csv'), file('b.csv')]);
    expect(fixture.componentInstance.received.map((files) => files.map((f) => f.name))).toEqual([['a.csv']]);
    fixture.componentInstance.multiple.set(true);
    fixture.detectChanges();
    drop(zone, [file('a.csv'), file('b.csv')]);
    expect(fixture.componentInstance.received[1].map((f) => f.name)).toEqual(['a.csv', 'b.csv']);
  });

  it('marks a drag over it, and ignores drops while disabled', () => {
    const { fixture, zone } = render();
    zone.dispatchEvent(new Event('dragover', { bubbles: true, cancelable: true }));
    fixture.detectChanges();
    expect(zone.classList).toContain('dragging');
    fixture.componentInstance.disabled.set(true);
    fixture.detectChanges();
    drop(zone, [file('a.csv')]);
    expect(fixture.componentInstance.received).toEqual([]);
    expect(zone.classList).not.toContain('dragging');
    expect((zone.querySelector('button') as HTMLButtonElement).disabled).toBe(true);
  });
});
