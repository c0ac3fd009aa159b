import { ChangeDetectionStrategy, Component, booleanAttribute, computed, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import type { DocumentDto } from '@passerelle/api-types';
import { I18n, TranslatePipe } from '@passerelle/web-util-i18n';
import {
  categoryLabel,
  deliveryKey,
  documentIcon,
  formatDate,
  formatSize,
  statusKey,
} from '../document-display';

/**
 * How a document reads in a list row: its type's icon, its name, and what it is (category, period, size,
 * upload date) with its status — for staff on a line of its own with the delivery to the accounting
 * software. The row (a flex line) puts its own checkbox and actions around it.
 */
@Component({
  selector: 'psl-document-summary',
  imports: [MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let document = doc();
    <mat-icon class="kind" [fontIcon]="icon()" aria-hidden="true" />
    <div class="document-text">
      <span class="document-name">{{ document.fileName }}</span>
      <span class="document-meta">
        {{ category() }}
        @if (document.period) {
          · {{ document.period }}
        }
        · {{ size() }} · {{ 'documents.uploadedOn' | t: { date: uploaded() } }}
        @if (!forStaff()) {
          · {{ status() | t }}
        }
      </span>
      @if (forStaff()) {
        <span class="document-meta">
          <span [class]="'status ' + document.status" data-testid="document-status">{{ status() | t }}</span>
          @if (document.delivery.status !== 'none') {
            ·
            <span
              [class]="'delivery ' + document.delivery.status"
              [attr.title]="document.delivery.lastReply"
              >{{ delivery() | t }}</span
            >
          }
        </span>
      }
    </div>
  `,
  styles: `
    :host {
      display: contents;
    }
    .kind {
      flex: none;
      color: var(--mat-sys-primary);
    }
    .document-text {
      display: flex;
      flex-direction: column;
      flex: 1;
      min-width: 0;
    }
    .document-name {
      overflow-wrap: anywhere;
    }
    .document-meta {
      color: var(--mat-sys-on-surface-variant);
      font-size: 0.875rem;
    }
    .delivery.failed {
      color: var(--mat-sys-error);
    }
  `,
})
export class DocumentSummary {
  private readonly i18n = inject(I18n);
  readonly doc = input.required<DocumentDto>();
  /** Staff see the status on its own line, with the delivery. */
  readonly forStaff = input(false, { transform: booleanAttribute });

  protected readonly icon = computed(() => documentIcon(this.doc().kind));
  protected readonly category = computed(() => categoryLabel(this.doc().category, this.i18n.lang()));
  protected readonly size = computed(() => formatSize(this.doc().size, this.i18n.lang()));
  protected readonly uploaded = computed(() => formatDate(this.doc().uploadedAt, this.i18n.lang()));
  protected readonly status = computed(() => statusKey(this.doc().status));
  protected readonly delivery = computed(() => deliveryKey(this.doc().delivery.status));
}
