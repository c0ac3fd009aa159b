import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AcceptInvitationRequest,
  InviteTeamMemberRequest,
  MeDto,
  PublicTeamInvitation,
  TeamDto,
  TeamInvitation,
  TeamMember,
  TeamRole,
} from '@passerelle/api-types';
import { Observable } from 'rxjs';

const id = (value: string) => encodeURIComponent(value);

/** The firm's team: admins manage it, members read it; and the link of a team invitation. */
@Injectable({ providedIn: 'root' })
export class TeamApi {
  private readonly http = inject(HttpClient);

  /** Members (active first), and for admins the pending invitations. */
  team(): Observable<TeamDto> {
    return this.http.get<TeamDto>('/api/team');
  }

  invite(request: InviteTeamMemberRequest): Observable<TeamInvitation> {
    return this.http.post<TeamInvitation>('/api/team/invitations', request);
  }

  /** A new e-mail and link; the previous link stops working. */
  resend(invitationId: string): Observable<TeamInvitation> {
    return this.http.post<TeamInvitation>(`/api/team/invitations/${id(invitationId)}/resend`, null);
  }

  cancel(invitationId: string): Observable<void> {
    return this.http.delete<void>(`/api/team/invitations/${id(invitationId)}`);
  }

  /** 409 `last_admin` when it would leave the firm without an active admin. */
  changeRole(userId: string, role: TeamRole): Observable<TeamMember> {
    return this.http.patch<TeamMember>(`/api/team/${id(userId)}`, { role });
  }

  /** Ends the member's sessions at once; 409 `last_admin` for the last active admin. */
  deactivate(userId: string): Observable<TeamMember> {
    return this.http.post<TeamMember>(`/api/team/${id(userId)}/deactivate`, null);
  }

  reactivate(userId: string): Observable<TeamMember> {
    return this.http.post<TeamMember>(`/api/team/${id(userId)}/reactivate`, null);
  }

  /** What `/join/:token` shows (404 `team_invitation_invalid` for any unusable link). */
  viewInvitation(token: string): Observable<PublicTeamInvitation> {
    return this.http.get<PublicTeamInvitation>(`/api/public/team-invitations/${id(token)}`);
  }

  /** Creates the account and signs it in (session cookie). */
  acceptInvitation(token: string, request: AcceptInvitationRequest): Observable<MeDto> {
    return this.http.post<MeDto>(`/api/public/team-invitations/${id(token)}/accept`, request);
  }
}
