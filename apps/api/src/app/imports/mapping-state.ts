import type { FieldKey } from '@passerelle/domain-client';
import { suggestMapping, toColumnMapping, type SavedMapping } from '@passerelle/domain-mapping';
import type { CellInput } from '@passerelle/domain-validators';
import type { EntityManager } from 'typeorm';
import { isErrorCell, type SheetRow } from './reading/cells';
import { detectHeaderRow, headerTexts } from './reading/header-row';
import { emptySummary, type BatchRecord } from './import-batch';
import { IMPORT_TUNING } from './import-limits';
import { importStore } from './import-store';

/** A firm's saved mappings, most recently used first (the first whose signature matches is applied). */
export async function savedMappings(em: EntityManager): Promise<SavedMapping[]> {
  const rows: { id: string; name: string; signature: string; fields: Partial<Record<FieldKey, string>> }[] =
    await em.query(
      `SELECT id, name, signature, fields FROM import_mapping
        ORDER BY last_used_at DESC NULLS LAST, updated_at DESC, id`,
    );
  return rows.map((row) => ({ id: row.id, name: row.name, signature: row.signature, fields: row.fields }));
}

export function toCellInputs(row: SheetRow): CellInput[] {
  return row.cells.map((cell) => (isErrorCell(cell) ? null : cell));
}

/**
 * Header row, headers and the proposed mapping of a parsed file: the header row asked for (or the first
 * stored row from it), else the one detected among the first rows; the suggestion from the domain's
 * suggestMapping over the headers and the first data rows, a saved mapping of the firm winning when the
 * header signature matches.
 */
export async function mappingState(
  em: EntityManager,
  batch: Pick<BatchRecord, 'id'>,
  headSearchRows: number,
  requestedHeaderRow: number | null,
): Promise<Partial<BatchRecord>> {
  let header: SheetRow | null;
  if (requestedHeaderRow !== null) header = await importStore.rowByNumber(em, batch.id, requestedHeaderRow);
  else {
    const head = await importStore.readRows(em, batch.id, 0, headSearchRows);
    const detected = detectHeaderRow(head, headSearchRows);
    header = head.find((row) => row.row === detected) ?? null;
  }
  if (!header) {
    return {
      headerRow: null,
      headers: [],
      mapping: {},
      suggestions: {},
      mappingSource: 'suggested',
      summary: emptySummary(),
    };
  }
  const headers = headerTexts(header);
  const samples = await importStore.readRows(em, batch.id, header.row, IMPORT_TUNING.sampleRows);
  const saved = await savedMappings(em);
  const suggestions = suggestMapping(headers, samples.map(toCellInputs), saved);
  const savedSuggestion = Object.values(suggestions).find((s) => s?.reason === 'saved_mapping');
  const savedMapping = savedSuggestion
    ? saved.find((m) => m.name === savedSuggestion.savedMapping)
    : undefined;
  const dataRows = await importStore.countRowsAfter(em, batch.id, header.row);
  return {
    headerRow: header.row,
    headers,
    mapping: toColumnMapping(suggestions),
    suggestions,
    mappingSource: savedMapping ? 'saved' : 'suggested',
    savedMappingId: savedMapping?.id ?? null,
    savedMappingName: savedMapping?.name ?? null,
    summary: emptySummary(dataRows),
  };
}
