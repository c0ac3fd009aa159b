import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AcceptInvitationRequest,
  BulkCreated,
  BulkInvitationRequest,
  BulkProgress,
  ClientFolder,
  InvitationDto,
  InvitationPage,
  InvitationStatus,
  MeDto,
  PublicInvitation,
} from '@passerelle/api-types';
import { Observable, map } from 'rxjs';

export interface InvitationFilters {
  /** 0-based, as MatPaginator counts; the API counts from 1 */
  pageIndex: number;
  pageSize: number;
  status?: InvitationStatus;
  clientId?: string;
}

/** GET /api/invitations query string; empty filters are left out. */
export function invitationListParams(filters: InvitationFilters): HttpParams {
  let params = new HttpParams()
    .set('page', String(Math.max(0, filters.pageIndex) + 1))
    .set('pageSize', String(Math.min(200, Math.max(1, filters.pageSize))));
  if (filters.status) params = params.set('status', filters.status);
  if (filters.clientId) params = params.set('clientId', filters.clientId);
  return params;
}

const id = (value: string) => encodeURIComponent(value);

/** Activation over the API: staff routes, the public invitation, and client folders. */
@Injectable({ providedIn: 'root' })
export class InvitationsApi {
  private readonly http = inject(HttpClient);

  /** Activate one client: its invitation, queued (409/422 with the reason when it cannot be). */
  activate(clientId: string): Observable<InvitationDto> {
    return this.http.post<InvitationDto>(`/api/clients/${id(clientId)}/invitations`, null);
  }

  list(filters: InvitationFilters): Observable<InvitationPage> {
    return this.http.get<InvitationPage>('/api/invitations', { params: invitationListParams(filters) });
  }

  /** The client's newest invitation (the one to resend or revoke), or null. */
  latestOf(clientId: string): Observable<InvitationDto | null> {
    return this.list({ pageIndex: 0, pageSize: 1, clientId }).pipe(map((page) => page.items[0] ?? null));
  }

  resend(invitationId: string): Observable<InvitationDto> {
    return this.http.post<InvitationDto>(`/api/invitations/${id(invitationId)}/resend`, null);
  }

  revoke(invitationId: string): Observable<InvitationDto> {
    return this.http.post<InvitationDto>(`/api/invitations/${id(invitationId)}/revoke`, null);
  }

  startBulk(request: BulkInvitationRequest): Observable<BulkCreated> {
    return this.http.post<BulkCreated>('/api/invitations/bulk', request);
  }

  bulkProgress(runId: string): Observable<BulkProgress> {
    return this.http.get<BulkProgress>(`/api/invitations/bulk/${id(runId)}`);
  }

  recentBulkRuns(): Observable<BulkProgress[]> {
    return this.http.get<BulkProgress[]>('/api/invitations/bulk');
  }

  /** What an invitation link shows (no session needed). */
  view(token: string): Observable<PublicInvitation> {
    return this.http.get<PublicInvitation>(`/api/public/invitations/${id(token)}`);
  }

  /** Creates the client's account and signs it in (the session cookie comes with the answer). */
  accept(token: string, request: AcceptInvitationRequest): Observable<MeDto> {
    return this.http.post<MeDto>(`/api/public/invitations/${id(token)}/accept`, request);
  }

  /** The signed-in client user's own folder. */
  ownFolder(): Observable<ClientFolder> {
    return this.http.get<ClientFolder>('/api/folder');
  }

  /** Staff: one client's folder. */
  clientFolder(clientId: string): Observable<ClientFolder> {
    return this.http.get<ClientFolder>(`/api/clients/${id(clientId)}/folder`);
  }
}
