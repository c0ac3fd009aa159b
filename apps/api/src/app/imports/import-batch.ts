import { FIELD_KEYS, type FieldKey } from '@passerelle/domain-client';
import type { ColumnMapping, SuggestedMapping } from '@passerelle/domain-mapping';

export const IMPORT_STATUSES = [
  'parsing',
  'mapping',
  'checking',
  'checked',
  'importing',
  'imported',
  'failed',
  // the clients the import created were removed (issue 11); it may be checked and imported again
  'undone',
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export type ImportMode = 'all' | 'valid_only';
export type MappingSource = 'suggested' | 'saved' | 'user';

export interface ImportSummary {
  rows: number;
  valid: number;
  invalid: number;
  warnings: number;
  duplicates: number;
  toCreate: number;
  toSkip: number;
  created: number;
  skipped: number;
}

export function emptySummary(rows = 0): ImportSummary {
  return {
    rows,
    valid: 0,
    invalid: 0,
    warnings: 0,
    duplicates: 0,
    toCreate: 0,
    toSkip: 0,
    created: 0,
    skipped: 0,
  };
}

/** One import batch as stored (import_batch). */
export interface BatchRecord {
  id: string;
  firmId: string;
  createdBy: string | null;
  createdByName: string | null;
  status: ImportStatus;
  revision: number;
  /** starts of the current step (reset when another step is asked for) */
  stepAttempts: number;
  fileName: string;
  fileSize: number;
  fileSha256: string;
  /** the stored file (FileStore); null once a refused file was removed */
  fileId: string | null;
  format: 'xlsx' | 'csv' | null;
  encoding: string | null;
  delimiter: string | null;
  sheets: string[];
  sheet: string | null;
  headerRow: number | null;
  headers: string[];
  rowCount: number;
  mapping: ColumnMapping | null;
  suggestions: SuggestedMapping | null;
  mappingSource: MappingSource | null;
  savedMappingId: string | null;
  savedMappingName: string | null;
  progressDone: number;
  progressTotal: number;
  summary: ImportSummary | null;
  importMode: ImportMode | null;
  /** who asked for the import (its clients' creator) */
  importedBy: string | null;
  errorCode: string | null;
  errorHint: string | null;
  createdAt: Date;
  updatedAt: Date;
  checkedAt: Date | null;
  importedAt: Date | null;
}

/** Every field key with its column or null, as the API shows a mapping. */
export function fullMapping(mapping: ColumnMapping | null): Record<FieldKey, number | null> {
  const out = {} as Record<FieldKey, number | null>;
  for (const field of FIELD_KEYS) out[field] = mapping?.[field] ?? null;
  return out;
}
