import { ChangeDetectionStrategy, Component, booleanAttribute, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@passerelle/web-util-i18n';

/**
 * Where files are dropped or picked: a dashed area that takes files dragged onto it, and a button opening the
 * file picker (the keyboard's way in). It only hands the files over (`picked`); checking and uploading them
 * is the page's job. `accept` is a hint for the picker only — the page checks each file's content.
 *
 * ```html
 * <psl-drop-zone [title]="'…' | t" [buttonLabel]="'…' | t" [hint]="'…' | t" accept=".xlsx,.csv"
 *                (picked)="onFiles($event)" />
 * ```
 */
@Component({
  selector: 'psl-drop-zone',
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div
      class="drop-zone"
      [class.dragging]="dragging() && !disabled()"
      [class.disabled]="disabled()"
      (dragover)="onDragOver($event)"
      (dragleave)="dragging.set(false)"
      (drop)="onDrop($event)"
      data-testid="drop-zone"
    >
      <mat-icon [fontIcon]="icon()" aria-hidden="true" />
      <p class="drop-title">{{ title() }}</p>
      <p class="drop-or">{{ 'common.or' | t }}</p>
      <button mat-flat-button type="button" (click)="picker.click()" [disabled]="disabled()">
        {{ buttonLabel() }}
      </button>
      <input
        #picker
        type="file"
        hidden
        [multiple]="multiple()"
        [accept]="accept()"
        (change)="onPicked(picker)"
        data-testid="file-input"
        tabindex="-1"
      />
      @if (hint()) {
        <p class="drop-hint">{{ hint() }}</p>
      }
    </div>
  `,
  styles: `
    .drop-zone {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 4px;
      padding: 24px 16px;
      border: 2px dashed var(--mat-sys-outline);
      border-radius: 12px;
      text-align: center;

      &.dragging {
        border-color: var(--mat-sys-primary);
        background: var(--mat-sys-primary-container);
      }

      mat-icon {
        font-size: 40px;
        width: 40px;
        height: 40px;
        color: var(--mat-sys-primary);
      }

      p {
        margin: 0;
      }

      .drop-hint {
        margin-top: 8px;
        color: var(--mat-sys-on-surface-variant);
        font-size: 0.875rem;
      }
    }
  `,
})
export class DropZone {
  readonly title = input.required<string>();
  readonly buttonLabel = input.required<string>();
  /** What is accepted and up to what size, under the button. */
  readonly hint = input('');
  /** The picker's `accept` attribute. */
  readonly accept = input('');
  readonly multiple = input(false, { transform: booleanAttribute });
  readonly disabled = input(false, { transform: booleanAttribute });
  readonly icon = input('upload_file');
  /** The files dropped or picked (never empty). */
  readonly picked = output<File[]>();

  protected readonly dragging = signal(false);

  protected onDragOver(event: DragEvent): void {
    event.preventDefault();
    if (!this.disabled()) this.dragging.set(true);
  }

  protected onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    if (this.disabled()) return;
    this.emit(Array.from(event.dataTransfer?.files ?? []));
  }

  protected onPicked(input: HTMLInputElement): void {
    const files = Array.from(input.files ?? []);
    // Cleared, so that picking the same file again (after fixing it) is seen as a change.
    input.value = '';
    this.emit(files);
  }

  private emit(files: File[]): void {
    if (files.length > 0) this.picked.emit(this.multiple() ? files : files.slice(0, 1));
  }
}

/** The first `bytes` bytes of a file, to check what it is before sending it (FileReader: every browser, jsdom). */
export function readFileHead(file: File, bytes: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file.slice(0, bytes));
  });
}
