import { ParamMap, Params } from '@angular/router';
import { CLIENT_STATUSES } from '@passerelle/domain-client';
import {
  CLIENT_PAGE_SIZES,
  ClientListFilters,
  ClientSort,
  ClientStatusFilter,
  DEFAULT_CLIENT_PAGE_SIZE,
} from '@passerelle/web-data-access-clients';

const SORTS: readonly ClientSort[] = ['name', 'city', 'country', 'status', 'createdAt', 'updatedAt'];

const list = (value: string | null): string[] =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** The list's state, read from the URL's query parameters (so it survives reloads, links and Back). */
export function filtersFromParams(params: ParamMap): ClientListFilters {
  const page = Number(params.get('page'));
  const size = Number(params.get('size'));
  const sort = params.get('sort') as ClientSort | null;
  const share = params.get('share');
  return {
    pageIndex: Number.isInteger(page) && page > 1 ? page - 1 : 0,
    pageSize: (CLIENT_PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_CLIENT_PAGE_SIZE,
    sort: sort && SORTS.includes(sort) ? sort : undefined,
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    q: params.get('q') ?? undefined,
    status: list(params.get('status')).filter((s): s is ClientStatusFilter =>
      (CLIENT_STATUSES as readonly string[]).includes(s),
    ),
    country: list(params.get('country')).map((c) => c.toUpperCase()),
    shareDocuments: share === 'true' ? true : share === 'false' ? false : undefined,
    accountingSoftwareId: params.get('software') ?? undefined,
    archived: params.get('archived') === 'true',
    importBatchId: params.get('batch') ?? undefined,
  };
}

/** The query parameters for `filters`; defaults are left out to keep URLs short. */
export function paramsFromFilters(filters: ClientListFilters): Params {
  return {
    page: filters.pageIndex > 0 ? filters.pageIndex + 1 : null,
    size: filters.pageSize !== DEFAULT_CLIENT_PAGE_SIZE ? filters.pageSize : null,
    sort: filters.sort ?? null,
    order: filters.sort && filters.order === 'desc' ? 'desc' : null,
    q: filters.q?.trim() || null,
    status: filters.status?.length ? filters.status.join(',') : null,
    country: filters.country?.length ? filters.country.join(',') : null,
    share: filters.shareDocuments === undefined ? null : String(filters.shareDocuments),
    software: filters.accountingSoftwareId || null,
    archived: filters.archived ? 'true' : null,
    batch: filters.importBatchId || null,
  };
}

export function hasFilters(filters: ClientListFilters): boolean {
  return Boolean(
    filters.q?.trim() ||
    filters.status?.length ||
    filters.country?.length ||
    filters.shareDocuments !== undefined ||
    filters.accountingSoftwareId ||
    filters.importBatchId,
  );
}
