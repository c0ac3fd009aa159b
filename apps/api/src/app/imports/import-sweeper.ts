import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import type { DatabaseTarget } from '../../database/data-source';
import { DATABASE_TARGET } from '../../database/database.module';
import { Tenancy } from '../../database/tenancy';
import { JOB_ATTEMPTS, JobQueue, RepeatingJob } from '../jobs/job-queue';
import type { ImportMode, ImportStatus } from './import-batch';
import { failBatch } from './import-jobs';
import { IMPORT_SWEEP_JOB, ImportQueue, type ImportJobPayload } from './import-queue.service';

/** Batches one sweep handles at most (the next sweep takes the rest). */
const SWEEP_BATCH = 200;

export interface ImportSweepReport {
  /** steps queued again (a step whose job still exists is not run twice: same job id) */
  requeued: number;
  /** batches failed with `internal`: their step was started JOB_ATTEMPTS times without finishing */
  failed: number;
}

interface Candidate {
  id: string;
  firm_id: string;
  status: ImportStatus;
  revision: number;
  step_attempts: number;
  import_mode: ImportMode | null;
  imported_by: string | null;
}

/**
 * What makes an import step lose nothing: a batch still `parsing`, `checking` or `importing` whose progress
 * has not moved for IMPORT_REQUEUE_AFTER_SECONDS has its step queued again under the same job id (the
 * process that ran it died with the in-process queue, or Redis restarted empty). A step that is only slow
 * is not run twice: its job id is still taken (Bull keeps it; the in-process queue holds it while it runs).
 * Steps are safe to run again: parse and check clear what a previous run stored, and the import is one
 * transaction that a dead process rolled back. A step started JOB_ATTEMPTS times without finishing (a
 * file that kills the process each time) fails the batch with `internal` instead of looping.
 */
@Injectable()
export class ImportSweeper {
  private readonly logger = new Logger('Imports');

  constructor(
    private readonly tenancy: Tenancy,
    private readonly queue: ImportQueue,
    private readonly config: AppConfig,
  ) {}

  /** One pass; `staleSeconds` overrides IMPORT_REQUEUE_AFTER_SECONDS (tests, and start-up in embedded mode). */
  async sweep(staleSeconds = this.config.IMPORT_REQUEUE_AFTER_SECONDS): Promise<ImportSweepReport> {
    // Every firm's candidates come from a SECURITY DEFINER function (see the import-sweeper migration);
    // each one is then handled inside its own firm's scope.
    const candidates: Candidate[] = await this.tenancy.scoped({}, (em) =>
      em.query(
        `SELECT id, firm_id, status, revision, step_attempts, import_mode, imported_by
           FROM import_sweep_candidates($1, $2)`,
        [staleSeconds, SWEEP_BATCH],
      ),
    );
    const report: ImportSweepReport = { requeued: 0, failed: 0 };
    for (const candidate of candidates) {
      const payload: ImportJobPayload = {
        batchId: candidate.id,
        firmId: candidate.firm_id,
        revision: candidate.revision,
      };
      if (candidate.step_attempts >= JOB_ATTEMPTS) {
        await failBatch(this.tenancy, payload, 'internal');
        report.failed++;
        continue;
      }
      if (candidate.status === 'parsing') await this.queue.parse(payload);
      else if (candidate.status === 'checking') await this.queue.check(payload);
      else {
        await this.queue.run({
          ...payload,
          mode: candidate.import_mode ?? 'valid_only',
          userId: candidate.imported_by,
        });
      }
      report.requeued++;
    }
    if (candidates.length > 0) this.logger.log(`Import sweep: ${JSON.stringify(report)}`);
    return report;
  }
}

/**
 * One pass of the import sweeper every IMPORT_SWEEP_INTERVAL_SECONDS. With the embedded database (one
 * process, in-process queue: nothing else can be running a step), a pass at start-up resumes at once the
 * steps the previous run of the process left unfinished.
 */
@Injectable()
export class SweepImportsJob extends RepeatingJob implements OnApplicationBootstrap {
  readonly jobName = IMPORT_SWEEP_JOB;
  protected readonly logger = new Logger('Imports');

  constructor(
    private readonly sweeper: ImportSweeper,
    private readonly config: AppConfig,
    @Inject(DATABASE_TARGET) private readonly target: DatabaseTarget,
    @Inject(JobQueue) private readonly queue: JobQueue,
  ) {
    super();
  }

  protected everyMs(): number {
    return this.config.IMPORT_SWEEP_INTERVAL_SECONDS * 1000;
  }

  override async onApplicationBootstrap(): Promise<void> {
    await super.onApplicationBootstrap();
    if (this.target.embedded && this.queue.mode === 'in-process') {
      await this.sweeper
        .sweep(0)
        .catch((error: Error) => this.logger.warn(`import sweep at start-up failed: ${error.message}`));
    }
  }

  async handle(): Promise<void> {
    await this.sweeper.sweep();
  }
}
