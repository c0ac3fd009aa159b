import type { ImportBatch } from '@passerelle/api-types';
import { FIELD_LABELS, isFieldKey, type FieldKey } from '@passerelle/domain-client';
import type { Lang, TranslationKey } from '@passerelle/web-util-i18n';

export type ImportStatus = ImportBatch['status'];

/** The wizard's steps, in order (the mat-stepper's indexes). */
export enum WizardStep {
  Upload = 0,
  Mapping = 1,
  Check = 2,
  Import = 3,
}

/**
 * Where a batch stands in the wizard, from the server's status: the step to show when the wizard opens on
 * it (a reload, coming back later, a batch opened from the Imports page).
 */
export function stepOf(status: ImportStatus): WizardStep {
  switch (status) {
    case 'mapping':
      return WizardStep.Mapping;
    case 'checking':
    case 'checked':
      return WizardStep.Check;
    case 'importing':
    case 'imported':
    case 'undone':
      return WizardStep.Import;
    default:
      // parsing, failed
      return WizardStep.Upload;
  }
}

/** A batch whose import is over (or undone): the Imports page opens its detail page, not the wizard. */
export function isFinished(status: ImportStatus): boolean {
  return status === 'imported' || status === 'undone' || status === 'failed';
}

export function statusKey(status: ImportStatus): TranslationKey {
  return `importStatus.${status}`;
}

/** A field's label in the user's language ("Nom client", "Client name"). */
export function fieldName(field: string, lang: Lang): string {
  return isFieldKey(field) ? FIELD_LABELS[field as FieldKey][lang] : field;
}

/** Where a batch opens from the Imports page. */
export function batchLink(batch: Pick<ImportBatch, 'id' | 'status'>): string[] {
  return isFinished(batch.status) ? ['/imports', batch.id, 'details'] : ['/imports', batch.id];
}
