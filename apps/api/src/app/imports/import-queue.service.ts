import { Injectable } from '@nestjs/common';
import { JobQueue } from '../jobs/job-queue';
import type { ImportMode } from './import-batch';

export const PARSE_IMPORT_JOB = 'imports.parse';
export const CHECK_IMPORT_JOB = 'imports.check';
export const RUN_IMPORT_JOB = 'imports.run';
export const IMPORT_SWEEP_JOB = 'imports.sweep';

/** Every step's payload: the batch, its firm, and the revision the step was asked for (a later request wins). */
export interface ImportJobPayload {
  batchId: string;
  firmId: string;
  revision: number;
}

export interface RunImportPayload extends ImportJobPayload {
  mode: ImportMode;
  /** who asked for it (null: unknown, e.g. a batch the sweeper resumes whose requester was deleted) */
  userId: string | null;
}

/** Queues the import steps; job ids are per batch and revision, so a retried request collapses. */
@Injectable()
export class ImportQueue {
  constructor(private readonly queue: JobQueue) {}

  parse(payload: ImportJobPayload): Promise<void> {
    return this.queue.enqueue(PARSE_IMPORT_JOB, payload, {
      jobId: `${PARSE_IMPORT_JOB}:${payload.batchId}:${payload.revision}`,
    });
  }

  check(payload: ImportJobPayload): Promise<void> {
    return this.queue.enqueue(CHECK_IMPORT_JOB, payload, {
      jobId: `${CHECK_IMPORT_JOB}:${payload.batchId}:${payload.revision}`,
    });
  }

  run(payload: RunImportPayload): Promise<void> {
    return this.queue.enqueue(RUN_IMPORT_JOB, payload, {
      jobId: `${RUN_IMPORT_JOB}:${payload.batchId}:${payload.revision}`,
    });
  }
}
