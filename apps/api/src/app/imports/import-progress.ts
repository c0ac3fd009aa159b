import { Inject, Injectable } from '@nestjs/common';
import { DATABASE_TARGET } from '../../database/database.module';
import type { DatabaseTarget } from '../../database/data-source';
import { Tenancy } from '../../database/tenancy';
import { importStore } from './import-store';

const PERSIST_EVERY_MS = 250;

interface Progress {
  done: number;
  total: number;
  persistedAt: number;
}

/**
 * Progress of the running steps. Kept in this process (a reload of the page served by this process sees it
 * at once) and written to the batch in its own short transaction at most every 250 ms, so another process
 * (the API, when a queue worker runs the job) sees it too. The embedded database serves one connection:
 * while an import holds it in its transaction, progress stays in memory (one process does everything then).
 */
@Injectable()
export class ImportProgress {
  private readonly running = new Map<string, Progress>();

  constructor(
    private readonly tenancy: Tenancy,
    @Inject(DATABASE_TARGET) private readonly target: DatabaseTarget,
  ) {}

  /** `insideTransaction`: the caller holds a long transaction (the import); do not wait for another connection. */
  async report(
    firmId: string,
    batchId: string,
    done: number,
    total: number,
    insideTransaction = false,
  ): Promise<void> {
    const now = Date.now();
    const previous = this.running.get(batchId);
    const entry: Progress = { done, total, persistedAt: previous?.persistedAt ?? 0 };
    this.running.set(batchId, entry);
    if (insideTransaction && this.target.embedded) return;
    if (now - entry.persistedAt < PERSIST_EVERY_MS && done < total) return;
    entry.persistedAt = now;
    await this.tenancy.forFirm(firmId, (em) =>
      importStore.updateBatch(em, batchId, { progressDone: done, progressTotal: total }),
    );
  }

  /** This process's latest figure for a batch, if it runs one of its steps. */
  current(batchId: string): { done: number; total: number } | undefined {
    const entry = this.running.get(batchId);
    return entry ? { done: entry.done, total: entry.total } : undefined;
  }

  finish(batchId: string): void {
    this.running.delete(batchId);
  }
}
