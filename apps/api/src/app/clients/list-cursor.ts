import { HttpStatus } from '@nestjs/common';
import { AppError, type FieldLabelText } from '../common/app-error';
import type { ClientSort } from './dto/client.dto';

/**
 * Keyset navigation (issue 15): a page's `nextCursor` is the sort key of its last row; sent back as `after`, the
 * next page is read from that key in the sort index instead of skipping (page - 1) × pageSize rows, which on a
 * deep page of a common search is most of the work. Opaque to clients: base64url of [sort, order, ...key, id].
 */
export interface SortKeyRow {
  id: string;
  name_sort: string;
  city_sort: string;
  created_at: string;
  updated_at: string;
  country: string;
  status: string;
}

/** The sort key of each sort, in ORDER BY order, then the id (which breaks ties). */
const KEY_COLUMNS: Record<ClientSort, (keyof SortKeyRow)[]> = {
  name: ['name_sort', 'id'],
  city: ['city_sort', 'name_sort', 'id'],
  createdAt: ['created_at', 'id'],
  updatedAt: ['updated_at', 'id'],
  country: ['country', 'name_sort', 'id'],
  status: ['status', 'name_sort', 'id'],
};

/** Selects a SortKeyRow from `client c`; timestamps in ISO with microseconds (no precision lost). */
export const SORT_KEY_SELECT = `c.id, c.name_sort, c.city_sort, c.country::text AS country, c.status,
  to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at,
  to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS updated_at`;

const LABEL: FieldLabelText = { fr: 'Curseur de page', en: 'Page cursor', ar: 'مؤشر الصفحة' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function encodeCursor(sort: ClientSort, order: 'asc' | 'desc', row: SortKeyRow): string {
  const key = KEY_COLUMNS[sort].map((column) => row[column]);
  return Buffer.from(JSON.stringify([sort, order, ...key])).toString('base64url');
}

/**
 * The key values of `after` (last one: the id), checked against the request's sort and order: a cursor of
 * another sort, a tampered or truncated one is a 400 naming the parameter, never a query with odd values.
 */
export function decodeCursor(after: string, sort: ClientSort, order: 'asc' | 'desc'): string[] {
  const invalid = () =>
    new AppError(HttpStatus.BAD_REQUEST, 'invalid_request', {
      after: { code: 'invalid_format', label: LABEL },
    });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const columns = KEY_COLUMNS[sort];
  if (
    !Array.isArray(parsed) ||
    parsed.length !== columns.length + 2 ||
    parsed[0] !== sort ||
    parsed[1] !== order ||
    !parsed.every((value) => typeof value === 'string' && value.length <= 400)
  )
    throw invalid();
  const key = parsed.slice(2) as string[];
  const wellFormed = columns.every((column, i) =>
    column === 'id'
      ? UUID.test(key[i])
      : column === 'created_at' || column === 'updated_at'
        ? TIMESTAMP.test(key[i]) && !Number.isNaN(Date.parse(key[i]))
        : true,
  );
  if (!wellFormed) throw invalid();
  return key;
}
