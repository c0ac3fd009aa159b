import { HttpClient } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import type { OutboxEntry, OutboxMessage } from '@passerelle/api-types';
import { Observable, firstValueFrom } from 'rxjs';

/**
 * The development outbox: while e-mails go to files (no SMTP server, not production), a firm's admins read
 * the messages sent on its behalf — to open an invitation link when trying Passerelle locally. Elsewhere the
 * API answers 404 and the page does not exist.
 */
@Injectable({ providedIn: 'root' })
export class DevOutbox {
  private readonly http = inject(HttpClient);
  private readonly availableState = signal(false);

  /** Whether the outbox exists for the signed-in user (known after `check()`). */
  readonly available = this.availableState.asReadonly();

  /** Asks the API whether the outbox exists for the signed-in user (only admins may look). */
  async check(): Promise<boolean> {
    const available = await firstValueFrom(this.list()).then(
      () => true,
      () => false,
    );
    this.availableState.set(available);
    return available;
  }

  list(): Observable<OutboxEntry[]> {
    return this.http.get<OutboxEntry[]>('/api/dev/outbox');
  }

  read(id: string): Observable<OutboxMessage> {
    return this.http.get<OutboxMessage>(`/api/dev/outbox/${encodeURIComponent(id)}`);
  }
}

/**
 * The link an outbox message carries, if any (the page offers to open it): a client invitation, a team
 * invitation (`/join/…`) or a password reset (`/reset-password/…`).
 */
export function invitationLinkIn(text: string): string | null {
  return /https?:\/\/\S+\/(?:invitation|join|reset-password)\/[A-Za-z0-9_-]{43}/.exec(text)?.[0] ?? null;
}

/** /dev/outbox exists only where the API has an outbox for this user; elsewhere, home. */
export const devOutboxGuard: CanActivateFn = async () => {
  const outbox = inject(DevOutbox);
  const router = inject(Router);
  return (await outbox.check()) ? true : router.createUrlTree(['/']);
};
