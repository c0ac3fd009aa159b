export {
  suggestMapping,
  headerSignature,
  applyMapping,
  normalizeHeader,
  columnKeys,
  toSavedMapping,
  toColumnMapping,
} from './lib/mapping';
export type {
  ColumnMapping,
  MappingReason,
  MappingSuggestion,
  SavedMapping,
  SuggestedMapping,
} from './lib/mapping';
export { HEADER_SYNONYMS } from './lib/header-synonyms';
