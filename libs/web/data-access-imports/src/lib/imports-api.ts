import { HttpClient, HttpEventType, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ChangeLayoutRequest,
  ImportBatch,
  ImportBatchPage,
  ImportIssuePage,
  ImportIssuesQuery,
  ImportLimits,
  ImportMode,
  ImportRow,
  ImportedClientPage,
  SavedMapping,
} from '@passerelle/api-types';
import type { FieldKey, UiLanguage } from '@passerelle/domain-client';
import { Observable, filter, map } from 'rxjs';

/** Statuses in which the server is working on the batch (its progress moves; the page polls). */
export const BUSY_IMPORT_STATUSES: readonly ImportBatch['status'][] = ['parsing', 'checking', 'importing'];

export function isImportBusy(batch: Pick<ImportBatch, 'status'>): boolean {
  return BUSY_IMPORT_STATUSES.includes(batch.status);
}

export interface ImportIssueFilters {
  /** 0-based, as MatPaginator counts; the API counts from 1 */
  pageIndex: number;
  pageSize: number;
  field?: FieldKey;
  severity?: NonNullable<ImportIssuesQuery['severity']>;
}

export interface Paging {
  /** 0-based */
  pageIndex: number;
  pageSize: number;
}

/** An upload as it goes: bytes sent so far, then the new batch's id. */
export type ImportUploadEvent =
  { kind: 'progress'; loaded: number; total: number } | { kind: 'done'; id: string };

const id = (value: string) => encodeURIComponent(value);

export const importPath = (batchId: string) => `/api/imports/${id(batchId)}`;

/** The template workbook in the user's language (a plain link downloads it). */
export function importTemplateUrl(lang: UiLanguage): string {
  return `/api/imports/template?lang=${lang}`;
}

/** The batch's rows as an .xlsx with an Errors column and the bad cells highlighted (issue 11). */
export function importErrorFileUrl(batchId: string): string {
  return `${importPath(batchId)}/error-file`;
}

function pageParams(paging: Paging): HttpParams {
  return new HttpParams()
    .set('page', String(Math.max(0, paging.pageIndex) + 1))
    .set('pageSize', String(Math.min(200, Math.max(1, paging.pageSize))));
}

/** GET /api/imports/{id}/errors query string; empty filters are left out. */
export function importIssueParams(filters: ImportIssueFilters): HttpParams {
  let params = pageParams(filters);
  if (filters.field) params = params.set('field', filters.field);
  if (filters.severity) params = params.set('severity', filters.severity);
  return params;
}

/** The bulk import over /api/imports and the firm's saved column mappings over /api/mappings. */
@Injectable({ providedIn: 'root' })
export class ImportsApi {
  private readonly http = inject(HttpClient);

  limits(): Observable<ImportLimits> {
    return this.http.get<ImportLimits>('/api/imports/limits');
  }

  list(paging: Paging): Observable<ImportBatchPage> {
    return this.http.get<ImportBatchPage>('/api/imports', { params: pageParams(paging) });
  }

  get(batchId: string): Observable<ImportBatch> {
    return this.http.get<ImportBatch>(importPath(batchId));
  }

  /** Sends the spreadsheet (202 `{id}`; the server parses it in the background). */
  upload(file: File): Observable<ImportUploadEvent> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http
      .post<{ id: string }>('/api/imports', body, { observe: 'events', reportProgress: true })
      .pipe(
        map((event): ImportUploadEvent | null => {
          if (event.type === HttpEventType.UploadProgress)
            return { kind: 'progress', loaded: event.loaded, total: event.total ?? file.size };
          if (event.type === HttpEventType.Response && event.body) return { kind: 'done', id: event.body.id };
          return null;
        }),
        filter((event): event is ImportUploadEvent => event !== null),
      );
  }

  /** Another sheet (read again) or another header row. */
  changeLayout(batchId: string, layout: ChangeLayoutRequest): Observable<ImportBatch> {
    return this.http.put<ImportBatch>(`${importPath(batchId)}/layout`, layout);
  }

  saveMapping(
    batchId: string,
    mapping: Partial<Record<FieldKey, number | null>>,
    saveAs?: string,
  ): Observable<ImportBatch> {
    return this.http.put<ImportBatch>(`${importPath(batchId)}/mapping`, {
      mapping,
      ...(saveAs ? { saveAs } : {}),
    });
  }

  check(batchId: string): Observable<{ id: string }> {
    return this.http.post<{ id: string }>(`${importPath(batchId)}/check`, null);
  }

  issues(batchId: string, filters: ImportIssueFilters): Observable<ImportIssuePage> {
    return this.http.get<ImportIssuePage>(`${importPath(batchId)}/errors`, {
      params: importIssueParams(filters),
    });
  }

  /** Corrects cells of one row (its sheet row number); the server checks the row again at once. */
  correctRow(batchId: string, row: number, values: Partial<Record<FieldKey, string>>): Observable<ImportRow> {
    return this.http.patch<ImportRow>(`${importPath(batchId)}/rows/${row}`, { values });
  }

  run(batchId: string, mode: ImportMode): Observable<{ id: string }> {
    return this.http.post<{ id: string }>(`${importPath(batchId)}/import`, { mode });
  }

  createdClients(batchId: string, paging: Paging): Observable<ImportedClientPage> {
    return this.http.get<ImportedClientPage>(`${importPath(batchId)}/clients`, {
      params: pageParams(paging),
    });
  }

  /** Removes the clients the batch created (409 when one of them was invited). */
  undo(batchId: string): Observable<ImportBatch> {
    return this.http.post<ImportBatch>(`${importPath(batchId)}/undo`, null);
  }

  savedMappings(): Observable<SavedMapping[]> {
    return this.http.get<SavedMapping[]>('/api/mappings');
  }

  renameMapping(mappingId: string, name: string): Observable<SavedMapping> {
    return this.http.patch<SavedMapping>(`/api/mappings/${id(mappingId)}`, { name });
  }

  deleteMapping(mappingId: string): Observable<void> {
    return this.http.delete<void>(`/api/mappings/${id(mappingId)}`);
  }
}
