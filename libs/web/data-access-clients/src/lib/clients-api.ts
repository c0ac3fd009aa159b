import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ClientDto,
  ClientPage,
  ListClientsQuery,
  SaveClientRequest,
  SavedClientDto,
  TimelineEvent,
} from '@passerelle/api-types';
import { Observable } from 'rxjs';

export type ClientSort = NonNullable<ListClientsQuery['sort']>;
export type ClientStatusFilter = NonNullable<ListClientsQuery['status']>[number];

/** What the clients list shows: the state kept in the page's URL. */
export interface ClientListFilters {
  /** 0-based, as MatPaginator counts; the API counts from 1 */
  pageIndex: number;
  pageSize: number;
  sort?: ClientSort;
  order?: 'asc' | 'desc';
  q?: string;
  status?: readonly ClientStatusFilter[];
  /** ISO 3166-1 alpha-2 codes */
  country?: readonly string[];
  shareDocuments?: boolean;
  accountingSoftwareId?: string;
  archived?: boolean;
  /** the clients one import batch created */
  importBatchId?: string;
  /** The previous page's nextCursor when moving to the next page: read by sort key, not by offset. */
  after?: string;
}

export const CLIENT_PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_CLIENT_PAGE_SIZE = 25;
/** The API's upper bound for pageSize. */
export const MAX_CLIENT_PAGE_SIZE = 200;

/** GET /api/clients query string for `filters`; empty filters are left out. */
export function clientListParams(filters: ClientListFilters): HttpParams {
  let params = new HttpParams()
    .set('page', String(Math.max(0, filters.pageIndex) + 1))
    .set('pageSize', String(Math.min(MAX_CLIENT_PAGE_SIZE, Math.max(1, filters.pageSize))));
  if (filters.sort) params = params.set('sort', filters.sort).set('order', filters.order ?? 'asc');
  const q = filters.q?.trim();
  if (q) params = params.set('q', q);
  if (filters.status?.length) params = params.set('status', filters.status.join(','));
  if (filters.country?.length) params = params.set('country', filters.country.join(','));
  if (filters.shareDocuments !== undefined)
    params = params.set('shareDocuments', String(filters.shareDocuments));
  if (filters.accountingSoftwareId) params = params.set('accountingSoftwareId', filters.accountingSoftwareId);
  if (filters.archived) params = params.set('archived', 'true');
  if (filters.importBatchId) params = params.set('importBatchId', filters.importBatchId);
  if (filters.after) params = params.set('after', filters.after);
  return params;
}

/** The firm's clients over /api/clients (tenant scoping is the API's job). */
@Injectable({ providedIn: 'root' })
export class ClientsApi {
  private readonly http = inject(HttpClient);

  list(filters: ClientListFilters): Observable<ClientPage> {
    return this.http.get<ClientPage>('/api/clients', { params: clientListParams(filters) });
  }

  get(id: string): Observable<ClientDto> {
    return this.http.get<ClientDto>(`/api/clients/${encodeURIComponent(id)}`);
  }

  create(request: SaveClientRequest): Observable<SavedClientDto> {
    return this.http.post<SavedClientDto>('/api/clients', request);
  }

  update(id: string, request: SaveClientRequest): Observable<SavedClientDto> {
    return this.http.patch<SavedClientDto>(`/api/clients/${encodeURIComponent(id)}`, request);
  }

  archive(id: string): Observable<ClientDto> {
    return this.http.post<ClientDto>(`/api/clients/${encodeURIComponent(id)}/archive`, null);
  }

  restore(id: string): Observable<ClientDto> {
    return this.http.post<ClientDto>(`/api/clients/${encodeURIComponent(id)}/restore`, null);
  }

  timeline(id: string): Observable<TimelineEvent[]> {
    return this.http.get<TimelineEvent[]>(`/api/clients/${encodeURIComponent(id)}/timeline`);
  }
}
