import {
  FIELD_KEYS,
  FIELD_LABELS,
  FieldKey,
  LABEL_LANGUAGES,
  TEMPLATE_FIELD_KEYS,
} from '@passerelle/domain-client';
import {
  CellInput,
  Check,
  RawClientRow,
  isBlank,
  lookupKey,
  normalizeEmail,
  normalizeIban,
  normalizeIce,
  normalizeTaxId,
  resolveCountry,
  resolveLanguage,
} from '@passerelle/domain-validators';
import { HEADER_SYNONYMS } from './header-synonyms';

/** Why a column was proposed for a field, strongest first. */
export type MappingReason = 'saved_mapping' | 'template_header' | 'synonym' | 'header_contains' | 'values';

export interface MappingSuggestion {
  /** 0-based column index in the file */
  column: number;
  /** 0–1: 1 for a saved mapping or a template header, lower for weaker evidence */
  confidence: number;
  reason: MappingReason;
  /** name of the saved mapping that was applied, when reason is 'saved_mapping' */
  savedMapping?: string;
}

export type SuggestedMapping = Partial<Record<FieldKey, MappingSuggestion>>;

/** The mapping a user confirmed: field → column index (unmapped fields absent). */
export type ColumnMapping = Partial<Record<FieldKey, number>>;

/** A firm's saved mapping: columns are referenced by header (order-insensitive), not by position. */
export interface SavedMapping {
  id?: string;
  name: string;
  /** headerSignature() of the headers it was saved for */
  signature: string;
  /** field → column key (see columnKeys) */
  fields: Partial<Record<FieldKey, string>>;
}

const CONFIDENCE = {
  saved: 1,
  template: 1,
  synonym: 0.9,
  contains: 0.6,
  containsShared: 0.45,
  agreementBonus: 0.05,
  contradictionPenalty: 0.3,
  minimum: 0.5,
} as const;

/** Value checks that recognise a column by its content, with how much a full match proves. */
const SNIFFERS: readonly { field: FieldKey; weight: number; check: (input: CellInput) => Check<unknown> }[] =
  [
    { field: 'ice', weight: 0.95, check: normalizeIce },
    { field: 'iban', weight: 0.95, check: normalizeIban },
    { field: 'contactEmail', weight: 0.9, check: normalizeEmail },
    { field: 'country', weight: 0.8, check: resolveCountry },
    { field: 'taxId', weight: 0.6, check: normalizeTaxId },
    { field: 'language', weight: 0.6, check: resolveLanguage },
    { field: 'contactLanguage', weight: 0.55, check: resolveLanguage },
  ];
/** Share of a column's non-empty sample values that must pass a check for the column to be recognised. */
const SNIFF_THRESHOLD = 0.8;
/** Below this share, the values contradict the header. */
const CONTRADICTION_SHARE = 0.2;
const MIN_SAMPLE = 2;
const MAX_SAMPLE = 50;

const TEMPLATE_HEADERS = new Map<string, FieldKey>();
for (const lang of LABEL_LANGUAGES) {
  for (const field of TEMPLATE_FIELD_KEYS) TEMPLATE_HEADERS.set(lookupKey(FIELD_LABELS[field][lang]), field);
}
const SYNONYMS = new Map<string, FieldKey>();
for (const field of FIELD_KEYS) {
  for (const synonym of HEADER_SYNONYMS[field]) SYNONYMS.set(lookupKey(synonym), field);
  SYNONYMS.set(lookupKey(FIELD_LABELS[field].fr), field);
  SYNONYMS.set(lookupKey(FIELD_LABELS[field].en), field);
}
/** Synonyms long enough to be recognised inside a longer header ("Email du gérant"). */
const CONTAINED_SYNONYMS = [...SYNONYMS].filter(([key]) => [...key].length >= 4);

/** The form of a header used for matching and signatures: case, accents, spaces and punctuation ignored. */
export function normalizeHeader(header: string): string {
  return lookupKey(String(header ?? ''));
}

/**
 * A key per column that survives reordering: the normalised header, with '#2', '#3'… for repeated headers.
 * Empty headers get '' (they cannot be saved in a mapping).
 */
export function columnKeys(headers: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((header) => {
    const key = normalizeHeader(header);
    if (!key) return '';
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? key : `${key}#${count}`;
  });
}

/** 53-bit string hash (cyrb53): stable across runtimes, short enough to index. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/**
 * Stable key of a header row for saved mappings: the normalised non-empty headers, sorted (so reordered
 * columns match), hashed. "Raison sociale;ICE" and "ice ; RAISON SOCIALE" share a signature.
 */
export function headerSignature(headers: readonly string[]): string {
  const keys = columnKeys(headers).filter(Boolean).sort();
  return `v1:${keys.length}:${hash53(keys.join('\u0000'))}`;
}

/** A saved mapping for these headers from the mapping the user confirmed. */
export function toSavedMapping(
  name: string,
  headers: readonly string[],
  mapping: ColumnMapping,
): SavedMapping {
  const keys = columnKeys(headers);
  const fields: Partial<Record<FieldKey, string>> = {};
  for (const field of FIELD_KEYS) {
    const column = mapping[field];
    if (column !== undefined && keys[column]) fields[field] = keys[column];
  }
  return { name, signature: headerSignature(headers), fields };
}

function applySaved(saved: SavedMapping, headers: readonly string[]): SuggestedMapping {
  const columnByKey = new Map(columnKeys(headers).map((key, column) => [key, column]));
  const result: SuggestedMapping = {};
  for (const field of FIELD_KEYS) {
    const key = saved.fields[field];
    const column = key === undefined ? undefined : columnByKey.get(key);
    if (column !== undefined) {
      result[field] = {
        column,
        confidence: CONFIDENCE.saved,
        reason: 'saved_mapping',
        savedMapping: saved.name,
      };
    }
  }
  return result;
}

interface Candidate {
  field: FieldKey;
  column: number;
  confidence: number;
  reason: MappingReason;
}

function headerCandidates(header: string, column: number): Candidate[] {
  const key = normalizeHeader(header);
  if (!key) return [];
  const template = TEMPLATE_HEADERS.get(key);
  if (template)
    return [{ field: template, column, confidence: CONFIDENCE.template, reason: 'template_header' }];
  const synonym = SYNONYMS.get(key);
  if (synonym) return [{ field: synonym, column, confidence: CONFIDENCE.synonym, reason: 'synonym' }];
  const fields = new Set<FieldKey>();
  for (const [synonymKey, field] of CONTAINED_SYNONYMS) if (key.includes(synonymKey)) fields.add(field);
  const confidence = fields.size === 1 ? CONFIDENCE.contains : CONFIDENCE.containsShared;
  return [...fields].map((field) => ({ field, column, confidence, reason: 'header_contains' as const }));
}

/** Share of a column's non-empty sample values passing each sniffer's check (empty when no values). */
function valueShares(sampleRows: readonly (readonly CellInput[])[], column: number): Map<FieldKey, number> {
  const values: CellInput[] = [];
  for (const row of sampleRows) {
    const value = row[column];
    if (!isBlank(value)) values.push(value);
    if (values.length >= MAX_SAMPLE) break;
  }
  const shares = new Map<FieldKey, number>();
  if (values.length < MIN_SAMPLE) return shares;
  for (const { field, check } of SNIFFERS) {
    let passing = 0;
    for (const value of values) if (check(value).ok) passing++;
    shares.set(field, passing / values.length);
  }
  return shares;
}

function valueCandidates(shares: Map<FieldKey, number>, column: number): Candidate[] {
  const candidates: Candidate[] = [];
  for (const { field, weight } of SNIFFERS) {
    const share = shares.get(field) ?? 0;
    if (share >= SNIFF_THRESHOLD) {
      candidates.push({
        field,
        column,
        confidence: Math.round(weight * share * 100) / 100,
        reason: 'values',
      });
    }
  }
  return candidates;
}

/** A header whose column's values almost all fail that field's check counts for less. */
function weighedByValues(candidate: Candidate, shares: Map<FieldKey, number>): Candidate {
  const share = shares.get(candidate.field);
  return share !== undefined && share < CONTRADICTION_SHARE
    ? { ...candidate, confidence: candidate.confidence - CONFIDENCE.contradictionPenalty }
    : candidate;
}

/**
 * Proposes a column for each field: a saved mapping of the firm whose signature matches wins outright;
 * otherwise template headers (fr/en/ar), synonyms, headers containing a synonym, and value sniffing (a
 * column of valid ICEs is the ICE whatever its header) are scored, and the best pairs are taken greedily so
 * that no column serves two fields and no field two columns. Fields without a convincing column are left
 * out.
 */
export function suggestMapping(
  headers: readonly string[],
  sampleRows: readonly (readonly CellInput[])[],
  saved: readonly SavedMapping[] = [],
): SuggestedMapping {
  const signature = headerSignature(headers);
  const match = saved.find((mapping) => mapping.signature === signature);
  if (match) return applySaved(match, headers);

  const best = new Map<string, Candidate>();
  const consider = (candidate: Candidate) => {
    const id = `${candidate.field}@${candidate.column}`;
    const previous = best.get(id);
    if (!previous) best.set(id, candidate);
    else {
      // header and values agree: keep the more explainable reason, a little more confident
      const stronger = previous.confidence >= candidate.confidence ? previous : candidate;
      best.set(id, {
        ...stronger,
        confidence: Math.min(
          1,
          Math.max(previous.confidence, candidate.confidence) + CONFIDENCE.agreementBonus,
        ),
      });
    }
  };
  const columnCount = Math.max(headers.length, ...sampleRows.map((row) => row.length));
  for (let column = 0; column < columnCount; column++) {
    const shares = valueShares(sampleRows, column);
    for (const candidate of headerCandidates(headers[column] ?? '', column))
      consider(weighedByValues(candidate, shares));
    for (const candidate of valueCandidates(shares, column)) consider(candidate);
  }

  const reasonRank: Record<MappingReason, number> = {
    saved_mapping: 0,
    template_header: 1,
    synonym: 2,
    header_contains: 3,
    values: 4,
  };
  const ranked = [...best.values()]
    .filter((candidate) => candidate.confidence >= CONFIDENCE.minimum)
    .sort(
      (a, b) =>
        b.confidence - a.confidence ||
        reasonRank[a.reason] - reasonRank[b.reason] ||
        a.column - b.column ||
        FIELD_KEYS.indexOf(a.field) - FIELD_KEYS.indexOf(b.field),
    );
  const result: SuggestedMapping = {};
  const usedColumns = new Set<number>();
  for (const candidate of ranked) {
    if (result[candidate.field] || usedColumns.has(candidate.column)) continue;
    usedColumns.add(candidate.column);
    result[candidate.field] = {
      column: candidate.column,
      confidence: Math.round(candidate.confidence * 100) / 100,
      reason: candidate.reason,
    };
  }
  return result;
}

/**
 * The raw field values of one data row under a mapping (confirmed column indexes or suggestions), ready
 * for validateClient. Unmapped fields and columns beyond the row's end are absent.
 */
export function applyMapping(
  mapping: ColumnMapping | SuggestedMapping,
  row: readonly CellInput[],
): RawClientRow {
  const raw: RawClientRow = {};
  for (const field of FIELD_KEYS) {
    const entry = mapping[field];
    if (entry === undefined) continue;
    const column = typeof entry === 'number' ? entry : entry.column;
    if (column >= 0 && column < row.length) raw[field] = row[column];
  }
  return raw;
}

/** Plain column indexes from suggestions, e.g. to pre-fill the mapping form. */
export function toColumnMapping(suggested: SuggestedMapping): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const field of FIELD_KEYS) {
    const suggestion = suggested[field];
    if (suggestion) mapping[field] = suggestion.column;
  }
  return mapping;
}
