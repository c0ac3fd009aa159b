import { HttpStatus, Injectable } from '@nestjs/common';
import { FIELD_KEYS, formatWarning, type FieldKey, type MessageLanguage } from '@passerelle/domain-client';
import {
  clientSearchText,
  lookupKey,
  validateClient,
  type RawClientRow,
} from '@passerelle/domain-validators';
import { EntityManager } from 'typeorm';
import { Tenancy } from '../../database/tenancy';
import { AccountingSoftwareConfig } from '../accounting-software/accounting-software-config.entity';
import { AccountingSoftwareService } from '../accounting-software/accounting-software.service';
import { AuditService } from '../audit/audit.service';
import type { AuthContext } from '../auth/decorators';
import { isUniqueViolation } from '../../database/errors';
import { AppError, FieldProblem } from '../common/app-error';
import { Client } from './client.entity';
import { sortRanks } from './list-order';
import { SORT_KEY_SELECT, type SortKeyRow, decodeCursor, encodeCursor } from './list-cursor';
import { COUNT_LIMIT, SEARCH_COUNT_LIMIT, countLimit } from './list-total';
import {
  ClientDto,
  ClientPageDto,
  ClientSort,
  ListClientsQuery,
  SaveClientDto,
  SavedClientDto,
  TimelineEventDto,
} from './dto/client.dto';

/**
 * ORDER BY of the sorts on a stored column (name and city on their accent-free sort keys, see the
 * client-sort-keys migration); ties continue on the name, then the id, so page boundaries are stable.
 * Country and status are ranked sorts: see rankedPage().
 */
const SORT_COLUMNS: Record<Exclude<ClientSort, 'country' | 'status'>, string[]> = {
  name: ['c.name_sort', 'c.id'],
  city: ['c.city_sort', 'c.name_sort', 'c.id'],
  createdAt: ['c.created_at', 'c.id'],
  updatedAt: ['c.updated_at', 'c.id'],
};

@Injectable()
export class ClientsService {
  constructor(
    private readonly tenancy: Tenancy,
    private readonly audit: AuditService,
    private readonly software: AccountingSoftwareService,
  ) {}

  async create(auth: AuthContext, input: SaveClientDto, lang: MessageLanguage): Promise<SavedClientDto> {
    const { draft, warnings } = validate(input as RawClientRow);
    return this.write(async (em) => {
      await this.software.assertUsable(em, draft.accountingSoftwareId);
      const client = em.create(Client, {
        ...draft,
        firmId: auth.firmId,
        createdBy: auth.userId,
        searchText: clientSearchText(draft),
      });
      await em.insert(Client, client);
      await this.audit.record(em, {
        firmId: auth.firmId,
        actorUserId: auth.userId,
        action: 'client.created',
        targetType: 'client',
        targetId: client.id,
      });
      return { client: await this.loadDto(em, client.id), warnings: warningDtos(warnings, lang) };
    }, auth);
  }

  /**
   * Partial update: the given fields replace the stored ones, then the whole record is validated again. The
   * row is locked for the read-merge-write, and `expectedVersion` (the version the editor read) refuses an
   * edit made on a stale copy with 409 `edit_conflict` instead of silently undoing someone else's changes.
   */
  async update(
    auth: AuthContext,
    id: string,
    input: SaveClientDto,
    lang: MessageLanguage,
    expectedVersion?: number,
  ): Promise<SavedClientDto> {
    return this.write(async (em) => {
      const current = await findClient(em, id, true);
      const expected = input.version ?? expectedVersion;
      if (expected !== undefined && expected !== current.version)
        throw new AppError(HttpStatus.CONFLICT, 'edit_conflict');
      const merged: RawClientRow = { ...toRaw(current) };
      for (const key of FIELD_KEYS) if (input[key] !== undefined) merged[key] = input[key];
      const { draft, warnings } = validate(merged);
      await this.software.assertUsable(em, draft.accountingSoftwareId);
      const changes = (Object.keys(draft) as (keyof typeof draft)[]).filter(
        (key) => draft[key] !== current[key],
      );
      if (changes.length > 0) {
        await em.update(
          Client,
          { id },
          { ...draft, searchText: clientSearchText(draft), version: current.version + 1 },
        );
        await this.audit.record(em, {
          firmId: auth.firmId,
          actorUserId: auth.userId,
          action: 'client.updated',
          targetType: 'client',
          targetId: id,
          data: { fields: changes },
        });
      }
      return { client: await this.loadDto(em, id), warnings: warningDtos(warnings, lang) };
    }, auth);
  }

  setArchived(auth: AuthContext, id: string, archived: boolean): Promise<ClientDto> {
    return this.tenancy.forFirm(auth.firmId, async (em) => {
      const current = await findClient(em, id);
      if ((current.archivedAt !== null) !== archived) {
        await em.update(Client, { id }, { archivedAt: archived ? new Date() : null });
        await this.audit.record(em, {
          firmId: auth.firmId,
          actorUserId: auth.userId,
          action: archived ? 'client.archived' : 'client.restored',
          targetType: 'client',
          targetId: id,
        });
      }
      return this.loadDto(em, id);
    });
  }

  get(auth: AuthContext, id: string): Promise<ClientDto> {
    return this.tenancy.forFirm(auth.firmId, (em) => this.loadDto(em, id));
  }

  /** `lang`: the user's language, in which countries are sorted by name. */
  list(auth: AuthContext, query: ListClientsQuery, lang: MessageLanguage): Promise<ClientPageDto> {
    const search = query.q ? lookupKey(query.q) : '';
    const ranks = sortRanks(query.sort, lang, { status: query.status, country: countries(query) });
    const offset = (query.page - 1) * query.pageSize;
    const limit = countLimit(offset, query.pageSize, search ? SEARCH_COUNT_LIMIT : COUNT_LIMIT);
    const order = query.order === 'desc' ? 'desc' : 'asc';
    const after = query.after ? decodeCursor(query.after, query.sort, order) : undefined;
    // Plans over a large firm can cross jit_above_cost; compiling would take longer than running them
    // (measured: +8 to +40 ms on a 2 ms query). And no sequential scan: with a LIMIT (the capped counts) the
    // planner expects the firm's rows spread evenly over the 2,000,000-row table and scans from wherever the
    // previous scan stopped (synchronized scans), while a firm's rows sit together: one count in ten went
    // round the whole table (260 ms instead of 4). Every list query has an index led by the firm.
    const planner = { jit: 'off', enable_seqscan: 'off' } as const;
    return this.tenancy.scoped({ firmId: auth.firmId, planner }, async (em) => {
      // One import batch's clients are few and indexed by batch: filtered (and searched) on the table itself.
      const { ids, total, capped } =
        search && !query.importBatchId
          ? await searchPage(em, auth.firmId, search, query, ranks, limit, after)
          : await filterPage(em, auth.firmId, query, ranks, limit, search, after);
      const rows = await loadPage(em, ids);
      // A full page may have a next one: its cursor is this page's last sort key.
      const last = rows.length === query.pageSize ? rows[rows.length - 1] : undefined;
      return {
        items: rows.map((row) => ({
          ...toDto(row.client, row.softwareLabel),
          newDocuments: row.newDocuments,
        })),
        total,
        totalCapped: capped,
        nextCursor: last ? encodeCursor(query.sort, order, last.key) : null,
        page: query.page,
        pageSize: query.pageSize,
      };
    });
  }

  timeline(auth: AuthContext, id: string): Promise<TimelineEventDto[]> {
    return this.tenancy.forFirm(auth.firmId, async (em) => {
      await findClient(em, id);
      const rows: {
        id: string;
        action: string;
        actor_name: string | null;
        data: Record<string, unknown>;
        created_at: Date;
      }[] = await em.query(
        // A client created by a bulk import has no audit row of its own (100,000 rows would flood the audit):
        // its "imported from <file>, row N" event comes from its batch.
        `SELECT e.id, e.action, u.name AS actor_name, e.data, e.created_at
             FROM audit_event e LEFT JOIN app_user u ON u.id = e.actor_user_id
            WHERE e.target_type = 'client' AND e.target_id = $1
           UNION ALL
           SELECT b.id, 'client.imported', u.name,
                  jsonb_build_object('importBatchId', b.id, 'fileName', b.file_name,
                                     'row', split_part(c.import_key, ':', 2)::int)
                  -- cells corrected in the browser before the import (issue 11), when there were any
                  || coalesce((SELECT jsonb_build_object('corrected', jsonb_agg(k.field ORDER BY k.field))
                                 FROM import_correction k
                                WHERE k.batch_id = b.id AND k.row_number = split_part(c.import_key, ':', 2)::int
                               HAVING count(*) > 0), '{}'),
                  c.created_at
             FROM client c JOIN import_batch b ON b.id = c.import_batch_id
                  LEFT JOIN app_user u ON u.id = c.created_by
            WHERE c.id = $1
            ORDER BY created_at DESC, id DESC
            LIMIT 200`,
        [id],
      );
      return rows.map((row) => ({
        id: row.id,
        action: row.action,
        actorName: row.actor_name,
        data: row.data,
        createdAt: row.created_at.toISOString(),
      }));
    });
  }

  private async write<T>(work: (em: EntityManager) => Promise<T>, auth: AuthContext): Promise<T> {
    try {
      return await this.tenancy.forFirm(auth.firmId, work);
    } catch (error) {
      if (isUniqueViolation(error, 'client_ice_key')) {
        throw new AppError(HttpStatus.CONFLICT, 'invalid_request', { ice: { code: 'already_exists' } });
      }
      if (isUniqueViolation(error, 'client_contact_email_key')) {
        throw new AppError(HttpStatus.CONFLICT, 'invalid_request', {
          contactEmail: { code: 'already_exists' },
        });
      }
      throw error;
    }
  }

  private async loadDto(em: EntityManager, id: string): Promise<ClientDto> {
    const client = await findClient(em, id);
    const software = client.accountingSoftwareId
      ? await em.findOne(AccountingSoftwareConfig, { where: { id: client.accountingSoftwareId } })
      : null;
    return toDto(client, software?.label ?? null);
  }
}

interface PageOfIds {
  ids: string[];
  /** Exact when not `capped`; otherwise the count limit, beyond which counting stopped. */
  total: number;
  capped: boolean;
}

/**
 * Without a search (or within one import batch): filters and sort straight on the RLS-protected table (its
 * indexes, each led by the firm, serve them). The matches are counted up to `limit` first: an exact count of
 * a 100,000-client firm would read all its rows on every page view (see list-total.ts).
 */
async function filterPage(
  em: EntityManager,
  firmId: string,
  query: ListClientsQuery,
  ranks: readonly string[] | undefined,
  limit: number,
  search = '',
  after?: string[],
): Promise<PageOfIds> {
  const page = clientFilter(firmId, query, search);
  if (query.sort === 'country' || query.sort === 'status')
    return rankedPage(em, page, query.sort, ranks, limit, false, after);
  const counted: { n: string }[] = await em.query(
    `SELECT count(*) AS n FROM (SELECT 1 FROM client c WHERE ${page.filter} LIMIT ${limit + 1}) t`,
    page.params,
  );
  const total = Number(counted[0]?.n ?? 0);
  if (total <= page.offset) return { ids: [], total: Math.min(total, limit), capped: total > limit };
  // A cursor is for pages past the limit: below it the matches are few and the offset cheap.
  const ids = await keyedPage(em, page, query.sort, total > limit ? after : undefined);
  return { ids, total: Math.min(total, limit), capped: total > limit };
}

interface FilteredPage {
  /** SQL condition on `client c` and its parameters ($1…) */
  filter: string;
  params: unknown[];
  direction: 'ASC' | 'DESC';
  offset: number;
  limit: number;
}

/** The list's filters (and, when given, the search term) as a condition on the client table. */
function clientFilter(firmId: string, query: ListClientsQuery, search: string): FilteredPage {
  const where = ['c.firm_id = $1', query.archived ? 'c.archived_at IS NOT NULL' : 'c.archived_at IS NULL'];
  const params: unknown[] = [firmId];
  const bind = (value: unknown) => `$${params.push(value)}`;
  if (query.status?.length) where.push(`c.status = ANY (${bind(query.status)}::text[])`);
  if (query.country?.length) where.push(`c.country = ANY (${bind(countries(query))}::bpchar[])`);
  if (query.shareDocuments !== undefined) where.push(`c.share_documents = ${bind(query.shareDocuments)}`);
  if (query.accountingSoftwareId)
    where.push(`c.accounting_software_id = ${bind(query.accountingSoftwareId)}`);
  if (query.importBatchId) where.push(`c.import_batch_id = ${bind(query.importBatchId)}`);
  // LIKE is not leakproof: under RLS it is a filter on the rows the firm's index yields, never an index condition.
  if (search) where.push(`c.search_text LIKE ${bind(`%${escapeLike(search)}%`)}`);
  return {
    filter: where.join(' AND '),
    params,
    direction: query.order === 'desc' ? 'DESC' : 'ASC',
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  };
}

/**
 * A page sorted on a stored column: the firm's index on it is read in order, from the page's offset — or,
 * with a cursor (`after`: the previous page's last key), from that key, skipping nothing.
 */
async function keyedPage(
  em: EntityManager,
  page: FilteredPage,
  sort: ClientSort,
  after?: string[],
  /** Read at most `budget` index entries, keeping those matching `pattern` (a page may come back short). */
  walk?: { pattern: string; budget: number },
): Promise<string[]> {
  if (sort === 'country' || sort === 'status') throw new Error(`${sort} is a ranked sort`);
  const columns = SORT_COLUMNS[sort];
  const order = columns.map((column) => `${column} ${page.direction}`).join(', ');
  const params = [...page.params];
  let filter = page.filter;
  if (after) {
    const values = after.map((value, i) => `$${params.push(value)}${CURSOR_CASTS[columns[i]]}`);
    const op = page.direction === 'ASC' ? '>' : '<';
    // The first comparison is the index range; the row comparison breaks the ties.
    filter += ` AND ${columns[0]} ${op}= ${values[0]} AND (${columns.join(', ')}) ${op} (${values.join(', ')})`;
  }
  if (walk) {
    const pattern = `$${params.push(walk.pattern)}`;
    const budget = `$${params.push(walk.budget)}`;
    params.push(after ? 0 : page.offset, page.limit);
    const outer = columns.map((column) => `${column.replace('c.', 'w.')} ${page.direction}`).join(', ');
    const walked: { id: string }[] = await em.query(
      `SELECT w.id FROM (SELECT ${columns.join(', ')}, c.search_text LIKE ${pattern} AS hit
                           FROM client c WHERE ${filter} ORDER BY ${order} LIMIT ${budget}) w
        WHERE w.hit ORDER BY ${outer} OFFSET $${params.length - 1} LIMIT $${params.length}`,
      params,
    );
    return walked.map((row) => row.id);
  }
  params.push(after ? 0 : page.offset, page.limit);
  const rows: { id: string }[] = await em.query(
    `SELECT c.id FROM client c WHERE ${filter} ORDER BY ${order}
      OFFSET $${params.length - 1} LIMIT $${params.length}`,
    params,
  );
  return rows.map((row) => row.id);
}

const CURSOR_CASTS: Record<string, string> = {
  'c.name_sort': '::text COLLATE "C"',
  'c.city_sort': '::text COLLATE "C"',
  'c.created_at': '::timestamptz',
  'c.updated_at': '::timestamptz',
  'c.id': '::uuid',
};

/**
 * A page sorted by a ranked value (country by name, status by lifecycle), without ranking and sorting every
 * client of the firm:
 * 1. one GROUP BY counts the matching clients per value, up to `limit` matches (it is the total's count);
 * 2. when they are all counted, walking the values in rank order, those counts say which values the page
 *    spans, and where in the first one it starts; when there are more, the values the firm has at all are
 *    found by a loose index scan (one index probe per value), and the page may span any of them;
 * 3. only those values are read, each from its (firm_id, value, name_sort, id) index, in rank order: the
 *    ordered subquery tells the planner rows arrive by rank, so an incremental sort stops once the page is
 *    full. Page 40 of 100,000 clients reads ~1,000 index entries; a value with no match is never scanned
 *    (when more than `limit` match, one without a match among many clients costs a walk through them).
 * Values missing from `ranks` (none today: ranks list every code the validators accept) come last.
 */
async function rankedPage(
  em: EntityManager,
  page: FilteredPage,
  sort: 'country' | 'status',
  ranks: readonly string[] | undefined,
  limit: number,
  knownToPassLimit = false,
  after?: string[],
): Promise<PageOfIds> {
  const [column, type] = sort === 'country' ? ['c.country', 'bpchar[]'] : ['c.status', 'text[]'];
  const groups: { value: string; n: string }[] = knownToPassLimit
    ? []
    : await em.query(
        `SELECT value, count(*) AS n FROM (SELECT ${column} AS value FROM client c WHERE ${page.filter}
                                            LIMIT ${limit + 1}) t GROUP BY 1`,
        page.params,
      );
  const counted = groups.reduce((sum, group) => sum + Number(group.n), 0);
  const capped = knownToPassLimit || counted > limit;
  const total = capped ? limit : counted;
  const counts = new Map(groups.map((group) => [group.value, Number(group.n)]));
  if (capped) {
    // The firm's values, whatever the filters: a recursive walk from one index entry to the next value's.
    const present: { value: string }[] = await em.query(
      `WITH RECURSIVE v(value) AS (
         SELECT min(${column}) FROM client c WHERE c.firm_id = $1
         UNION ALL
         SELECT (SELECT min(${column}) FROM client c WHERE c.firm_id = $1 AND ${column} > v.value)
           FROM v WHERE v.value IS NOT NULL)
       SELECT value FROM v WHERE value IS NOT NULL`,
      [page.params[0]],
    );
    counts.clear();
    for (const { value } of present) counts.set(value, Number.POSITIVE_INFINITY);
    // The cursor's value, even if its last client has gone meanwhile, places the next page.
    if (after) counts.set(after[0], Number.POSITIVE_INFINITY);
  }
  const ranked = (ranks ?? []).filter((value) => counts.has(value));
  const unranked = [...counts.keys()].filter((value) => !ranked.includes(value)).sort();
  const order = [...ranked, ...unranked];
  if (page.direction === 'DESC') order.reverse();

  if (capped && after) {
    // Keyset: the rest of the cursor's value after its key, then the following values from their start.
    const next = order.slice(order.indexOf(after[0]));
    const params = [...page.params, next[0], after[1], after[2], page.limit];
    const [value, name, id, pageLimit] = [3, 2, 1, 0].map((back) => `$${params.length - back}`);
    const op = page.direction === 'ASC' ? '>' : '<';
    const first: { id: string }[] = await em.query(
      `SELECT c.id FROM client c
        WHERE ${page.filter} AND ${column} = ${value}::${type.slice(0, -2)}
          AND c.name_sort ${op}= ${name}::text COLLATE "C" AND (c.name_sort, c.id) ${op} (${name}::text COLLATE "C", ${id}::uuid)
        ORDER BY c.name_sort ${page.direction}, c.id ${page.direction} LIMIT ${pageLimit}`,
      params,
    );
    const rest =
      first.length < page.limit && next.length > 1
        ? await lateralPage(em, page, column, type, next.slice(1), 0, page.limit - first.length)
        : [];
    return { ids: [...first.map((row) => row.id), ...rest], total, capped };
  }

  // Without counts, the page may start in any value: each is read up to the page's end.
  const spanned: string[] = capped ? order : [];
  let skip = page.offset;
  for (let i = 0, start = 0; !capped && i < order.length; i++) {
    const count = counts.get(order[i]) ?? 0;
    if (start + count > page.offset && start < page.offset + page.limit) {
      if (spanned.length === 0) skip = page.offset - start;
      spanned.push(order[i]);
    }
    start += count;
  }
  if (spanned.length === 0) return { ids: [], total, capped };
  return { ids: await lateralPage(em, page, column, type, spanned, skip, page.limit), total, capped };
}

/** Clients of `spanned` values, in that order, each value's in name order: `limit` of them after `skip`. */
async function lateralPage(
  em: EntityManager,
  page: FilteredPage,
  column: string,
  type: string,
  spanned: string[],
  skip: number,
  limit: number,
): Promise<string[]> {
  const params = [...page.params, spanned, skip + limit, skip, limit];
  const [values, reach, offset, pageLimit] = [3, 2, 1, 0].map((back) => `$${params.length - back}`);
  const rows: { id: string }[] = await em.query(
    `SELECT p.id
       FROM (SELECT value, rank FROM unnest(${values}::${type}) WITH ORDINALITY AS u(value, rank)
              ORDER BY rank) r
       CROSS JOIN LATERAL (
         SELECT c.id, c.name_sort FROM client c WHERE ${page.filter} AND ${column} = r.value
          ORDER BY c.name_sort ${page.direction}, c.id ${page.direction} LIMIT ${reach}
       ) p
      ORDER BY r.rank, p.name_sort ${page.direction}, p.id ${page.direction}
     OFFSET ${offset} LIMIT ${pageLimit}`,
    params,
  );
  return rows.map((row) => row.id);
}

/**
 * With a search, up to three steps, each only when the previous one cannot answer:
 * 1. client_search_page() finds the matches through the firm's part of the trigram index (a term of one or two
 *    characters has no trigram: it is tested on the firm's rows), counts them up to a limit and, when they fit,
 *    sorts them and returns the page. A term with trigrams is sorted there up to IN_SET_MAX matches at once,
 *    whatever the sort: "cedre" (16,495 matches, all named "Cèdre…" or "Médina Cèdre…") in one call of
 *    17–25 ms, where counting to the limit (5 ms), walking the name index (4 ms, in vain) then sorting took 33.
 *    A page that follows a cursor, or a short term (whose test reads every row of the firm when the matches
 *    are few), counts only up to the limit first.
 * 2. Past that, a common term is read in sort order from the client table's sort index (keyed sorts), the term
 *    as a filter: a few thousand index entries usually fill the page.
 * 3. Its matches may also all sort late: then (after a cursor) sorting every match up to IN_SET_MAX in
 *    client_search is cheaper than walking the index to them, and beyond that the walk is unbounded. A ranked
 *    sort (country, status) has no index to walk in sort order: it reads the client table's rank-ordered pages.
 */
async function searchPage(
  em: EntityManager,
  firmId: string,
  search: string,
  query: ListClientsQuery,
  ranks: readonly string[] | undefined,
  limit: number,
  after?: string[],
): Promise<PageOfIds> {
  const pattern = `%${escapeLike(search)}%`;
  const offset = (query.page - 1) * query.pageSize;
  const trigram = search.length >= 3;
  const sorted = async (countLimit: number) => {
    const rows: { client_id: string | null; total: string }[] = await em.query(
      'SELECT client_id, total FROM client_search_page($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)',
      [
        pattern,
        query.status?.length ? query.status : null,
        query.country?.length ? countries(query) : null,
        query.shareDocuments ?? null,
        query.accountingSoftwareId ?? null,
        query.archived ?? false,
        query.sort,
        query.order === 'desc',
        query.pageSize,
        offset,
        ranks ?? null,
        countLimit,
        trigram,
      ],
    );
    // Past the last page, one row with no client carries the total.
    const ids = rows.flatMap((row) => (row.client_id ? [row.client_id] : []));
    return { ids, total: Number(rows[0]?.total ?? 0) };
  };
  const ranked = query.sort === 'country' || query.sort === 'status';
  const firstLimit = ranked || (trigram && !after) ? Math.max(limit, IN_SET_MAX) : limit;
  const first = await sorted(firstLimit);
  if (first.total <= limit) return { ...first, capped: false };
  if (first.total <= firstLimit) return { ids: first.ids, total: limit, capped: true };

  // Under RLS the planner may not read search_text's statistics for a non-leakproof LIKE, so it takes every term
  // for a rare one (0.2 % instead of 16 % for "cedre") and would rather fetch and sort all matches per value.
  // This term is known to be common: reading the sort index in order is the plan (planner hint, these queries).
  await em.query(`SELECT set_config('enable_sort', 'off', true)`);
  try {
    // A short term that passed the limit is common ("sa": half the firm): the unbounded walk soon fills the
    // page, where sorting its matches would test every row of the firm a second time.
    if (!ranked && trigram) {
      const budget = WALK_BUDGET + 10 * (after ? query.pageSize : offset + query.pageSize);
      const ids = await keyedPage(em, clientFilter(firmId, query, ''), query.sort, after, {
        pattern,
        budget,
      });
      if (ids.length === query.pageSize) return { ids, total: limit, capped: true };
      if (after) {
        const all = await sorted(IN_SET_MAX);
        if (all.total <= IN_SET_MAX) return { ids: all.ids, total: limit, capped: true };
      }
    }
    const page = clientFilter(firmId, query, search);
    if (ranked)
      return await rankedPage(em, page, query.sort as 'country' | 'status', ranks, limit, true, after);
    return { ids: await keyedPage(em, page, query.sort, after), total: limit, capped: true };
  } finally {
    await em.query('RESET enable_sort');
  }
}

/**
 * Index entries a common search reads in sort order before it gives up on finding its page nearby (see
 * searchPage): then it sorts its matches (after a cursor) or walks on without a bound.
 */
const WALK_BUDGET = 2000;
/**
 * Matches a search sorts in client_search rather than walking a sort index: "cedre" (16,495 of 100,000, none
 * before "Cèdre…" by name) in ~17 ms, where the walk read 16,700 entries (35–40 ms). Past this many, the
 * attempt itself costs what a walk would.
 */
const IN_SET_MAX = 20_000;

function countries(query: ListClientsQuery): string[] {
  return (query.country ?? []).map((code) => code.toUpperCase());
}

function validate(row: RawClientRow) {
  const result = validateClient(row);
  if (!result.value) {
    const fields: Record<string, FieldProblem> = {};
    for (const error of result.errors) fields[error.field] ??= { code: error.code, hint: error.hint };
    throw new AppError(HttpStatus.BAD_REQUEST, 'invalid_request', fields);
  }
  return { draft: result.value, warnings: result.warnings };
}

async function findClient(em: EntityManager, id: string, forUpdate = false): Promise<Client> {
  const client = await em.findOne(Client, {
    where: { id },
    ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!client) throw AppError.notFound();
  return client;
}

function warningDtos(warnings: ReturnType<typeof validateClient>['warnings'], lang: MessageLanguage) {
  return warnings.map((warning) => ({
    field: warning.field ?? '',
    code: warning.code,
    message: formatWarning(warning.code, lang, warning.field as FieldKey | undefined, warning.hint),
  }));
}

/** The stored record as the validator's input, so a partial update is validated as a whole. */
function toRaw(client: Client): RawClientRow {
  return Object.fromEntries(FIELD_KEYS.map((key) => [key, client[key]]));
}

function toDto(client: Client, softwareLabel: string | null): ClientDto {
  return {
    id: client.id,
    name: client.name,
    address: client.address,
    postalCode: client.postalCode,
    city: client.city,
    country: client.country,
    ice: client.ice,
    taxId: client.taxId,
    iban: client.iban,
    language: client.language,
    contactName: client.contactName,
    contactLanguage: client.contactLanguage,
    contactEmail: client.contactEmail,
    shareDocuments: client.shareDocuments,
    accountingSoftwareId: client.accountingSoftwareId,
    accountingSoftwareLabel: softwareLabel,
    status: client.status,
    version: client.version,
    archivedAt: client.archivedAt?.toISOString() ?? null,
    createdAt: client.createdAt.toISOString(),
    updatedAt: client.updatedAt.toISOString(),
  };
}

interface PageRow {
  client: Client;
  softwareLabel: string | null;
  /** Documents still `new` (issue 12: the list's "new documents" column). */
  newDocuments: number;
  key: SortKeyRow;
}

/** The client entity's selectable columns as `c.<column> AS "<property>"` (see loadPage). */
let clientColumns: string | undefined;

/**
 * A page's clients in the page's order, each with its software's label, its new documents and its sort key (the
 * last one's is the next page's cursor): one statement, where entity loading, counting and the key took three.
 */
async function loadPage(em: EntityManager, ids: string[]): Promise<PageRow[]> {
  if (ids.length === 0) return [];
  // The entity's columns under its property names (built once), then the sort key (whose id, country and
  // status repeat the entity's, with the same values).
  clientColumns ??= em.connection
    .getMetadata(Client)
    .columns.filter((column) => column.isSelect)
    .map((column) => `c.${column.databaseName} AS "${column.propertyName}"`)
    .join(', ');
  const rows: (Client & SortKeyRow & { software_label: string | null; new_documents: number })[] =
    await em.query(
      `SELECT ${clientColumns}, ${SORT_KEY_SELECT}, s.label AS software_label,
              (SELECT count(*)::int FROM document d WHERE d.client_id = c.id AND d.status = 'new') AS new_documents
         FROM unnest($1::uuid[]) WITH ORDINALITY AS p(id, n)
         JOIN client c ON c.id = p.id
         LEFT JOIN accounting_software_config s ON s.id = c.accounting_software_id
        ORDER BY p.n`,
      [ids],
    );
  return rows.map((row) => ({
    client: row,
    softwareLabel: row.software_label,
    newDocuments: row.new_documents,
    key: row,
  }));
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
