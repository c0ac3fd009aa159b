import { Injectable, computed, inject, signal } from '@angular/core';
import type { BulkInvitationRequest, BulkProgress } from '@passerelle/api-types';
import { firstValueFrom } from 'rxjs';
import { InvitationsApi } from './invitations-api';

/** How often a running bulk run's counts are read again. */
export const BULK_POLL_MS = 1000;

/**
 * The firm's bulk activations in progress, as signals. A run keeps going on the server whatever the page
 * does; this store polls its counts until it is done, and `resume()` finds the running ones again when a
 * page that shows them opens (after the user left, or reloaded).
 */
@Injectable({ providedIn: 'root' })
export class BulkInvitationRuns {
  private readonly api = inject(InvitationsApi);
  private readonly state = signal<readonly BulkProgress[]>([]);
  private readonly finishedCount = signal(0);
  private timer?: ReturnType<typeof setTimeout>;
  private polling = false;

  /** Runs shown: running ones, and finished ones until dismissed. Newest first. */
  readonly runs = this.state.asReadonly();
  readonly running = computed(() => this.state().filter((run) => !run.done));
  /** Increases each time a run finishes (pages reload their lists on it). */
  readonly finished = this.finishedCount.asReadonly();

  /** Starts a run; resolves with its first counts (the run goes on in the background). */
  async start(request: BulkInvitationRequest): Promise<BulkProgress> {
    const { id } = await firstValueFrom(this.api.startBulk(request));
    const progress = await firstValueFrom(this.api.bulkProgress(id));
    this.state.update((runs) => [progress, ...runs.filter((run) => run.id !== id)]);
    this.schedule();
    return progress;
  }

  /** Picks up the firm's runs still going (started here earlier, or by a colleague). */
  async resume(): Promise<void> {
    const recent = await firstValueFrom(this.api.recentBulkRuns());
    const known = new Set(this.state().map((run) => run.id));
    const running = recent.filter((run) => !run.done && !known.has(run.id));
    if (running.length === 0) return;
    this.state.update((runs) => [...running, ...runs]);
    this.schedule();
  }

  dismiss(runId: string): void {
    this.state.update((runs) => runs.filter((run) => run.id !== runId));
  }

  private schedule(): void {
    if (this.polling || this.running().length === 0) return;
    this.polling = true;
    this.timer = setTimeout(() => void this.poll(), BULK_POLL_MS);
  }

  private async poll(): Promise<void> {
    this.timer = undefined;
    const ids = this.running().map((run) => run.id);
    const updates = await Promise.all(
      ids.map((id) => firstValueFrom(this.api.bulkProgress(id)).catch(() => null)),
    );
    let finished = 0;
    this.state.update((runs) =>
      runs.map((run) => {
        const update = updates.find((candidate) => candidate?.id === run.id);
        if (update?.done && !run.done) finished++;
        return update ?? run;
      }),
    );
    if (finished > 0) this.finishedCount.update((n) => n + finished);
    this.polling = false;
    this.schedule();
  }

  /** Stops polling (tests). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.polling = false;
  }
}
