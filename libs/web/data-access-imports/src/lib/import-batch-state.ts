import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type { ImportBatch } from '@passerelle/api-types';
import { firstValueFrom } from 'rxjs';
import { ImportsApi, isImportBusy } from './imports-api';

/** How often a batch the server is working on is read again. */
export const IMPORT_POLL_MS = 700;

/**
 * One import batch as signals, provided per page. While the server works on it (parsing, checking,
 * importing) it is read again every IMPORT_POLL_MS until the step is over, so a page opened in the middle of
 * a step (a reload, another tab, the Imports page) shows the same progress. The server's answer is the
 * state: the page derives its step from `batch().status`.
 */
@Injectable()
export class ImportBatchState {
  private readonly api = inject(ImportsApi);
  private readonly state = signal<ImportBatch | null>(null);
  private readonly failure = signal<unknown>(null);
  private timer?: ReturnType<typeof setTimeout>;
  private destroyed = false;
  /** Bumped by every load/set: an answer to an older request is dropped. */
  private generation = 0;

  readonly batch = this.state.asReadonly();
  /** The last failed read (network, 404), or null. */
  readonly error = this.failure.asReadonly();
  readonly busy = computed(() => {
    const batch = this.state();
    return batch !== null && isImportBusy(batch);
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      this.stop();
    });
  }

  /** Reads the batch (and keeps reading it while the server works on it). */
  async load(batchId: string): Promise<ImportBatch> {
    const generation = ++this.generation;
    this.stop();
    try {
      const batch = await firstValueFrom(this.api.get(batchId));
      if (generation === this.generation) this.apply(batch);
      return batch;
    } catch (error) {
      if (generation === this.generation) this.failure.set(error);
      throw error;
    }
  }

  /** A batch the server answered another request with (mapping saved, layout changed…). */
  set(batch: ImportBatch): void {
    this.generation++;
    this.stop();
    this.apply(batch);
  }

  /** The server started a step: read the batch until the step is over. */
  follow(batchId: string): Promise<ImportBatch> {
    return this.load(batchId);
  }

  clear(): void {
    this.generation++;
    this.stop();
    this.state.set(null);
    this.failure.set(null);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private apply(batch: ImportBatch): void {
    this.failure.set(null);
    this.state.set(batch);
    if (isImportBusy(batch) && !this.destroyed) {
      const generation = this.generation;
      this.timer = setTimeout(() => {
        if (generation === this.generation) void this.load(batch.id).catch(() => undefined);
      }, IMPORT_POLL_MS);
    }
  }
}
