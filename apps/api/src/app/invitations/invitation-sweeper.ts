import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { Tenancy } from '../../database/tenancy';
import { InvitationDelivery } from './invitation-delivery';
import { InvitationQueue } from './invitation-queue.service';

/** Rows of each kind one sweep handles at most (the next sweep takes the rest). */
const SWEEP_BATCH = 1000;

export interface SweepReport {
  requeued: number;
  reminded: number;
  expired: number;
  bulkRuns: number;
}

interface Candidate {
  kind: 'send' | 'expire' | 'remind' | 'bulk';
  id: string;
  firm_id: string;
  attempts: number;
  reminder: number;
}

/**
 * What makes delivery lose nothing: every INVITATION_SWEEP_INTERVAL_SECONDS (SweepInvitationsJob, a
 * repeatable job run by one worker; a timer in the in-process mode) it queues again the invitations still
 * `queued` a while after they should have gone (the API died between commit and enqueue, Redis restarted
 * empty), hands `sending` rows whose lease expired (a worker died mid-send) to another worker, sends the
 * reminders that are due, expires links past their date, and resumes bulk runs that stopped half-way.
 */
@Injectable()
export class InvitationSweeper {
  private readonly logger = new Logger('Invitations');

  constructor(
    private readonly tenancy: Tenancy,
    private readonly queue: InvitationQueue,
    private readonly delivery: InvitationDelivery,
    private readonly config: AppConfig,
  ) {}

  /** One pass; `staleSeconds` overrides INVITATION_REQUEUE_AFTER_SECONDS (tests). */
  async sweep(staleSeconds = this.config.INVITATION_REQUEUE_AFTER_SECONDS): Promise<SweepReport> {
    // The candidates of every firm come from a SECURITY DEFINER function (see the invitations migration);
    // each one is then handled inside its own firm's scope.
    const candidates: Candidate[] = await this.tenancy.scoped({}, (em) =>
      em.query(
        `SELECT kind, id, firm_id, attempts, reminder FROM invitation_sweep_candidates($1, $2::int[], $3)`,
        [staleSeconds, this.config.invitationReminderDays, SWEEP_BATCH],
      ),
    );
    const of = (kind: Candidate['kind']) => candidates.filter((candidate) => candidate.kind === kind);
    const report: SweepReport = {
      requeued: of('send').length,
      reminded: of('remind').length,
      expired: 0,
      bulkRuns: of('bulk').length,
    };
    await this.queue.send(
      of('send').map((row) => ({ id: row.id, firmId: row.firm_id, attempts: row.attempts })),
    );
    await this.queue.remind(
      of('remind').map((row) => ({ invitationId: row.id, firmId: row.firm_id, reminder: row.reminder })),
    );
    for (const row of of('bulk')) await this.queue.expandBulk({ bulkId: row.id, firmId: row.firm_id });
    for (const row of of('expire')) {
      await this.delivery.expire(row.id, row.firm_id);
      report.expired++;
    }
    if (candidates.length > 0) this.logger.log(`Sweep: ${JSON.stringify(report)}`);
    return report;
  }
}
