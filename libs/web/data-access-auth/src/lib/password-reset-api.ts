import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { PasswordResetLink } from '@passerelle/api-types';
import { Observable } from 'rxjs';

const link = (token: string) => `/api/auth/password-reset/${encodeURIComponent(token)}`;

/** Forgotten passwords: ask for a link (always accepted), check a link, set the new password. */
@Injectable({ providedIn: 'root' })
export class PasswordResetApi {
  private readonly http = inject(HttpClient);

  /** 202 whatever the address: the e-mail, if any, follows. */
  request(email: string): Observable<void> {
    return this.http.post<void>('/api/auth/password-reset', { email });
  }

  /** The link still works: the account's masked address and the link's expiry (404 otherwise). */
  view(token: string): Observable<PasswordResetLink> {
    return this.http.get<PasswordResetLink>(link(token));
  }

  /** Sets the new password; every session of the account ends (this browser signs in again). */
  reset(token: string, password: string): Observable<void> {
    return this.http.post<void>(link(token), { password });
  }
}
