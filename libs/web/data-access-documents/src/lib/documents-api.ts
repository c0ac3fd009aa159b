import { HttpClient, HttpEventType, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { DocumentDto, DocumentPage, UploadResult } from '@passerelle/api-types';
import type { DocumentCategory, DocumentStatus } from '@passerelle/domain-client';
import { Observable, filter, map } from 'rxjs';

/** Whose folder: the signed-in client's own, or one client's opened by the firm's staff. */
export type FolderRef = { kind: 'own' } | { kind: 'client'; clientId: string };

export const OWN_FOLDER: FolderRef = { kind: 'own' };

export interface DocumentFilters {
  /** 0-based, as MatPaginator counts; the API counts from 1 */
  pageIndex: number;
  pageSize: number;
  category?: DocumentCategory;
  /** YYYY-MM */
  period?: string;
  q?: string;
  status?: DocumentStatus;
}

export interface UploadFields {
  category?: DocumentCategory;
  period?: string;
  note?: string;
}

/** An upload as it goes: bytes sent so far, then the API's answer. */
export type UploadEvent =
  { kind: 'progress'; loaded: number; total: number } | { kind: 'done'; result: UploadResult };

export function documentsPath(folder: FolderRef): string {
  return folder.kind === 'own'
    ? '/api/folder/documents'
    : `/api/clients/${encodeURIComponent(folder.clientId)}/documents`;
}

/** The download link of a document (served as an attachment: a plain link downloads it). */
export function documentContentUrl(folder: FolderRef, documentId: string): string {
  return `${documentsPath(folder)}/${encodeURIComponent(documentId)}/content`;
}

/** Staff: a zip of the chosen documents. */
export function documentArchiveUrl(clientId: string, documentIds: readonly string[]): string {
  return `${documentsPath({ kind: 'client', clientId })}/archive?ids=${documentIds.map(encodeURIComponent).join(',')}`;
}

/** Staff: the period's export (documents + CSV index) for an export configuration. */
export function documentExportUrl(clientId: string, period: string): string {
  return `${documentsPath({ kind: 'client', clientId })}/export?period=${encodeURIComponent(period)}`;
}

export function documentListParams(filters: DocumentFilters): HttpParams {
  let params = new HttpParams()
    .set('page', String(Math.max(0, filters.pageIndex) + 1))
    .set('pageSize', String(Math.min(200, Math.max(1, filters.pageSize))));
  if (filters.category) params = params.set('category', filters.category);
  if (filters.period) params = params.set('period', filters.period);
  const q = filters.q?.trim();
  if (q) params = params.set('q', q);
  if (filters.status) params = params.set('status', filters.status);
  return params;
}

/** A client folder's documents over /api/folder/documents (client) and /api/clients/{id}/documents (staff). */
@Injectable({ providedIn: 'root' })
export class DocumentsApi {
  private readonly http = inject(HttpClient);

  list(folder: FolderRef, filters: DocumentFilters): Observable<DocumentPage> {
    return this.http.get<DocumentPage>(documentsPath(folder), { params: documentListParams(filters) });
  }

  /** One file per request, so that each file has its own progress and its own error. */
  upload(file: File, fields: UploadFields): Observable<UploadEvent> {
    const body = new FormData();
    // Text fields first: the API reads the request as a stream.
    if (fields.category) body.append('category', fields.category);
    if (fields.period) body.append('period', fields.period);
    if (fields.note?.trim()) body.append('note', fields.note.trim());
    body.append('files', file, file.name);
    return this.http
      .post<UploadResult>(documentsPath(OWN_FOLDER), body, { observe: 'events', reportProgress: true })
      .pipe(
        map((event): UploadEvent | null => {
          if (event.type === HttpEventType.UploadProgress)
            return { kind: 'progress', loaded: event.loaded, total: event.total ?? file.size };
          if (event.type === HttpEventType.Response && event.body)
            return { kind: 'done', result: event.body };
          return null;
        }),
        filter((event): event is UploadEvent => event !== null),
      );
  }

  remove(documentId: string): Observable<void> {
    return this.http.delete<void>(`${documentsPath(OWN_FOLDER)}/${encodeURIComponent(documentId)}`);
  }

  setProcessed(clientId: string, documentId: string, processed: boolean): Observable<DocumentDto> {
    return this.http.post<DocumentDto>(
      `${documentsPath({ kind: 'client', clientId })}/${encodeURIComponent(documentId)}/processed`,
      { processed },
    );
  }
}
