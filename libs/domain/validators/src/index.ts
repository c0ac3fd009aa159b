export type { CellInput, Check, NumericCell, RawClientRow } from './lib/cell';
export { cellNumber, cellText } from './lib/cell';
export { normalizeIce, normalizeTaxId, normalizeIban, splitRib } from './lib/identifiers';
export type { RibParts } from './lib/identifiers';
export {
  resolveCountry,
  COUNTRY_CODES,
  COUNTRY_INDEX_ICU_VERSION,
  COUNTRY_INDEX_SOURCES,
} from './lib/country';
export { resolveLanguage } from './lib/language';
export { normalizeEmail, isStrictEmail, suggestDomain, EMAIL_OPTIONS } from './lib/email';
export {
  validateClient,
  normalizeText,
  normalizePostalCode,
  parseBoolean,
  isBlank,
} from './lib/validate-client';
export type { ClientValidation } from './lib/validate-client';
export { cleanText, lookupKey, isPlaceholder, nameKey, normalizeName } from './lib/text';
export { clientSearchText } from './lib/search-text';
export { neutralizeFormula, csvField, csvRow } from './lib/spreadsheet-cell';
