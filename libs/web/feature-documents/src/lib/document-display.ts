import {
  DOCUMENT_CATEGORIES,
  DOCUMENT_CATEGORY_LABELS,
  DOCUMENT_KIND_INFO,
  type DocumentCategory,
  type DocumentDeliveryStatus,
  type DocumentKind,
  type DocumentStatus,
} from '@passerelle/domain-client';
import type { Lang, TranslationKey } from '@passerelle/web-util-i18n';

/** The Material Symbols icon of a document type. */
export function documentIcon(kind: DocumentKind): string {
  if (kind === 'pdf') return 'picture_as_pdf';
  if (kind === 'xml') return 'receipt_long';
  return 'image';
}

export function documentKindLabel(kind: DocumentKind): string {
  return DOCUMENT_KIND_INFO[kind].label;
}

export function categoryOptions(lang: Lang): { value: DocumentCategory; label: string }[] {
  return DOCUMENT_CATEGORIES.map((value) => ({ value, label: DOCUMENT_CATEGORY_LABELS[value][lang] }));
}

export function categoryLabel(category: DocumentCategory, lang: Lang): string {
  return DOCUMENT_CATEGORY_LABELS[category][lang];
}

// Shared with the other features (util-i18n): documents keep importing them from here.
export { formatDate, formatSize } from '@passerelle/web-util-i18n';

export function statusKey(status: DocumentStatus): TranslationKey {
  return status === 'new' ? 'documents.status.new' : 'documents.status.processed';
}

const DELIVERY_KEYS: Record<DocumentDeliveryStatus, TranslationKey> = {
  none: 'documents.delivery.none',
  queued: 'documents.delivery.queued',
  sent: 'documents.delivery.sent',
  failed: 'documents.delivery.failed',
};

export function deliveryKey(status: DocumentDeliveryStatus): TranslationKey {
  return DELIVERY_KEYS[status];
}
