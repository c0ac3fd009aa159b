import { HttpStatus, Injectable } from '@nestjs/common';
import { FIELD_KEYS, formatWarning, type FieldKey, type MessageLanguage } from '@passerelle/domain-client';
import { lookupKey, validateClient, type RawClientRow } from '@passerelle/domain-validators';
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
import {
  ClientDto,
  ClientPageDto,
  ClientSort,
  ListClientsQuery,
  SaveClientDto,
  SavedClientDto,
  TimelineEventDto,
} from './dto/client.dto';

/** What the list searches in; normalised with the domain's lookupKey (accents, case, punctuation). */
export function clientSearchText(
  client: Pick<Client, 'name' | 'ice' | 'taxId' | 'contactName' | 'contactEmail' | 'city'>,
): string {
  return [client.name, client.ice, client.taxId, client.contactName, client.contactEmail, client.city]
    .filter((part): part is string => !!part)
    .map(lookupKey)
    .join(' ');
}

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
    return this.tenancy.forFirm(auth.firmId, async (em) => {
      // One import batch's clients are few and indexed by batch: filtered (and searched) on the table itself.
      const { ids, total } =
        search && !query.importBatchId
          ? await searchPage(em, search, query, ranks)
          : await filterPage(em, auth.firmId, query, ranks, search);
      const clients = ids.length
        ? await em
            .createQueryBuilder(Client, 'c')
            .leftJoin(AccountingSoftwareConfig, 's', 's.id = c.accounting_software_id')
            .addSelect('s.label', 'software_label')
            .where('c.id IN (:...ids)', { ids })
            .getRawAndEntities<{ c_id: string; software_label: string | null }>()
        : { entities: [], raw: [] };
      const labels = new Map(clients.raw.map((row) => [row.c_id, row.software_label]));
      const byId = new Map(clients.entities.map((client) => [client.id, client]));
      const newDocuments = await countNewDocuments(em, ids);
      return {
        items: ids.flatMap((id) => {
          const client = byId.get(id);
          return client
            ? [{ ...toDto(client, labels.get(id) ?? null), newDocuments: newDocuments.get(id) ?? 0 }]
            : [];
        }),
        total,
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
  total: number;
}

/** Without a search: filters and sort straight on the RLS-protected table (its indexes serve them). */
async function filterPage(
  em: EntityManager,
  firmId: string,
  query: ListClientsQuery,
  ranks: readonly string[] | undefined,
  search = '',
): Promise<PageOfIds> {
  const where = ['c.firm_id = $1', query.archived ? 'c.archived_at IS NOT NULL' : 'c.archived_at IS NULL'];
  const params: unknown[] = [firmId];
  const bind = (value: unknown) => `$${params.push(value)}`;
  if (query.status?.length) where.push(`c.status = ANY (${bind(query.status)}::text[])`);
  if (query.country?.length) where.push(`c.country = ANY (${bind(countries(query))}::bpchar[])`);
  if (query.shareDocuments !== undefined) where.push(`c.share_documents = ${bind(query.shareDocuments)}`);
  if (query.accountingSoftwareId)
    where.push(`c.accounting_software_id = ${bind(query.accountingSoftwareId)}`);
  if (query.importBatchId) where.push(`c.import_batch_id = ${bind(query.importBatchId)}`);
  if (search) where.push(`c.search_text LIKE ${bind(`%${escapeLike(search)}%`)}`);
  const filter = where.join(' AND ');
  const direction = query.order === 'desc' ? 'DESC' : 'ASC';
  const offset = (query.page - 1) * query.pageSize;
  if (query.sort === 'country' || query.sort === 'status')
    return rankedPage(em, { filter, params, direction, offset, limit: query.pageSize }, query.sort, ranks);

  const order = SORT_COLUMNS[query.sort].map((column) => `${column} ${direction}`).join(', ');
  const pageParams = [...params, offset, query.pageSize];
  const [rows, count] = await Promise.all([
    em.query(
      `SELECT c.id FROM client c WHERE ${filter} ORDER BY ${order}
        OFFSET $${pageParams.length - 1} LIMIT $${pageParams.length}`,
      pageParams,
    ) as Promise<{ id: string }[]>,
    em.query(`SELECT count(*) AS n FROM client c WHERE ${filter}`, params) as Promise<{ n: string }[]>,
  ]);
  return { ids: rows.map((row) => row.id), total: Number(count[0]?.n ?? 0) };
}

interface FilteredPage {
  /** SQL condition on `client c` and its parameters ($1…) */
  filter: string;
  params: unknown[];
  direction: 'ASC' | 'DESC';
  offset: number;
  limit: number;
}

/**
 * A page sorted by a ranked value (country by name, status by lifecycle), without ranking and sorting every
 * client of the firm:
 * 1. one GROUP BY counts the matching clients per value (it replaces the total's count(*), same cost);
 * 2. walking the values in rank order, those counts say which values the page spans, and where in the
 *    first one it starts;
 * 3. only those values are read, each from its (firm_id, value, name_sort, id) index, in rank order: the
 *    ordered subquery tells the planner rows arrive by rank, so an incremental sort stops once the page is
 *    full. Page 40 of 100,000 clients reads ~1,000 index entries; a value with no match is never scanned.
 * Values missing from `ranks` (none today: ranks list every code the validators accept) come last.
 */
async function rankedPage(
  em: EntityManager,
  page: FilteredPage,
  sort: 'country' | 'status',
  ranks: readonly string[] | undefined,
): Promise<PageOfIds> {
  const [column, type] = sort === 'country' ? ['c.country', 'bpchar[]'] : ['c.status', 'text[]'];
  const groups: { value: string; n: string }[] = await em.query(
    `SELECT ${column} AS value, count(*) AS n FROM client c WHERE ${page.filter} GROUP BY 1`,
    page.params,
  );
  const counts = new Map(groups.map((group) => [group.value, Number(group.n)]));
  const ranked = (ranks ?? []).filter((value) => counts.has(value));
  const unranked = [...counts.keys()].filter((value) => !ranked.includes(value)).sort();
  const order = [...ranked, ...unranked];
  if (page.direction === 'DESC') order.reverse();

  const total = groups.reduce((sum, group) => sum + Number(group.n), 0);
  const spanned: string[] = [];
  let start = 0;
  let skip = 0;
  for (const value of order) {
    const count = counts.get(value) ?? 0;
    if (start + count > page.offset && start < page.offset + page.limit) {
      if (spanned.length === 0) skip = page.offset - start;
      spanned.push(value);
    }
    start += count;
  }
  if (spanned.length === 0) return { ids: [], total };

  // Estimates of this plan (values × reach) can cross jit_above_cost; compiling would take longer than
  // running it (measured: +8 to +40 ms on a 2 ms query).
  await em.query('SET LOCAL jit = off');
  const params = [...page.params, spanned, skip + page.limit, skip, page.limit];
  const [values, reach, offset, limit] = [3, 2, 1, 0].map((back) => `$${params.length - back}`);
  const rows: { id: string }[] = await em.query(
    `SELECT p.id
       FROM (SELECT value, rank FROM unnest(${values}::${type}) WITH ORDINALITY AS u(value, rank)
              ORDER BY rank) r
       CROSS JOIN LATERAL (
         SELECT c.id, c.name_sort FROM client c WHERE ${page.filter} AND ${column} = r.value
          ORDER BY c.name_sort ${page.direction}, c.id ${page.direction} LIMIT ${reach}
       ) p
      ORDER BY r.rank, p.name_sort ${page.direction}, p.id ${page.direction}
     OFFSET ${offset} LIMIT ${limit}`,
    params,
  );
  return { ids: rows.map((row) => row.id), total };
}

/** With a search: one call to client_search_page() (see the clients migration for why). */
async function searchPage(
  em: EntityManager,
  search: string,
  query: ListClientsQuery,
  ranks: readonly string[] | undefined,
): Promise<PageOfIds> {
  const call = (limit: number, offset: number): Promise<{ client_id: string; total: string }[]> =>
    em.query(
      'SELECT client_id, total FROM client_search_page($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)',
      [
        `%${escapeLike(search)}%`,
        query.status?.length ? query.status : null,
        query.country?.length ? countries(query) : null,
        query.shareDocuments ?? null,
        query.accountingSoftwareId ?? null,
        query.archived ?? false,
        query.sort,
        query.order === 'desc',
        limit,
        offset,
        ranks ?? null,
      ],
    );
  const rows = await call(query.pageSize, (query.page - 1) * query.pageSize);
  // Past the last page there is no row to carry the total: ask for the first one.
  const total = rows.length > 0 ? rows[0].total : ((await call(1, 0))[0]?.total ?? '0');
  return { ids: rows.map((row) => row.client_id), total: Number(total) };
}

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

/** Documents still `new` per client of a page (issue 12: the list's "new documents" column). */
async function countNewDocuments(em: EntityManager, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows: { client_id: string; n: number }[] = await em.query(
    `SELECT client_id, count(*)::int AS n FROM document
      WHERE client_id = ANY($1::uuid[]) AND status = 'new' GROUP BY client_id`,
    [ids],
  );
  return new Map(rows.map((row) => [row.client_id, row.n]));
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
