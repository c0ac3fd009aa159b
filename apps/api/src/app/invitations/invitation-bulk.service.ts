import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import {
  activationBlocker,
  apiErrorMessage,
  invitationEmailLanguage,
  type BulkSkipReason,
  type ClientStatus,
  type UiLanguage,
} from '@passerelle/domain-client';
import { plainToInstance } from 'class-transformer';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { Tenancy } from '../../database/tenancy';
import { AuditEntry, AuditService } from '../audit/audit.service';
import type { AuthContext } from '../auth/decorators';
import { ClientsService } from '../clients/clients.service';
import { ListClientsQuery } from '../clients/dto/client.dto';
import { AppError } from '../common/app-error';
import { MAX_PAGE_SIZE } from '../common/page-query';
import { BulkClientFilterDto, BulkInvitationDto, BulkProgressDto } from './dto/invitation.dto';
import { InvitationBulk } from './invitation.entity';
import { InvitationQueue } from './invitation-queue.service';
import { returning } from './invitation-rows';

/** Clients handled per transaction while a bulk run creates its invitations. */
const CHUNK = 500;
/** Skipped clients listed in a progress answer (the count covers them all). */
const SKIPPED_LISTED = 200;
/** Recent runs GET /invitations/bulk lists, so a page left and opened again finds its progress. */
const RECENT_RUNS = 10;

interface ChunkClient {
  id: string;
  name: string;
  status: ClientStatus;
  contact_email: string | null;
  contact_language: string;
  archived_at: Date | null;
  in_this_run: boolean;
}

/**
 * Bulk activation: a run is recorded at once (202 with its id) and a job creates its invitations in chunks
 * of 500 clients, each chunk one transaction (invitations `queued`, clients `invited`, audit events, the
 * clients it skips and why), its send jobs queued after the commit. A run that stops half-way (worker
 * killed, Redis restarted) is resumed by the sweeper where it stopped; clients already invited by this run
 * are recognised, never invited twice.
 */
@Injectable()
export class InvitationBulkService {
  private readonly logger = new Logger('Invitations');

  constructor(
    private readonly tenancy: Tenancy,
    private readonly audit: AuditService,
    private readonly queue: InvitationQueue,
    private readonly clients: ClientsService,
    private readonly config: AppConfig,
  ) {}

  /** POST /invitations/bulk */
  async start(auth: AuthContext, body: BulkInvitationDto): Promise<{ id: string }> {
    const sources = [body.clientIds, body.importBatchId, body.filter].filter((value) => value !== undefined);
    if (sources.length !== 1)
      throw new AppError(
        HttpStatus.BAD_REQUEST,
        'invalid_request',
        undefined,
        'clientIds, importBatchId or filter',
      );
    const id = await this.tenancy.forFirm(auth.firmId, async (em) => {
      if (body.importBatchId && !(await importBatchExists(em, body.importBatchId))) throw AppError.notFound();
      const clientIds = body.clientIds
        ? [...new Set(body.clientIds.map((value) => value.toLowerCase()))]
        : null;
      const filter = body.filter
        ? { ...filterOf(body.filter), ...(body.status && { targetStatus: body.status }) }
        : null;
      const rows: { id: string }[] = await em.query(
        `INSERT INTO invitation_bulk (firm_id, created_by, source, client_ids, import_batch_id, filter, total)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          auth.firmId,
          auth.userId,
          clientIds ? 'clients' : body.importBatchId ? 'import_batch' : 'filter',
          clientIds,
          body.importBatchId ?? null,
          filter,
          clientIds?.length ?? null,
        ],
      );
      await this.audit.record(em, {
        firmId: auth.firmId,
        actorUserId: auth.userId,
        action: 'invitation.bulk_started',
        targetType: 'invitation_bulk',
        targetId: rows[0].id,
        data: {
          source: clientIds ? 'clients' : body.importBatchId ? 'import_batch' : 'filter',
          count: clientIds?.length,
        },
      });
      return rows[0].id;
    });
    await this.queue.expandBulk({ bulkId: id, firmId: auth.firmId });
    return { id };
  }

  /** GET /invitations/bulk/{id} */
  progress(auth: AuthContext, id: string, lang: UiLanguage): Promise<BulkProgressDto> {
    return this.tenancy.forFirm(auth.firmId, async (em) => {
      const runs: BulkRow[] = await em.query(
        `SELECT ${BULK_COLUMNS} FROM invitation_bulk b WHERE b.id = $1`,
        [id],
      );
      if (!runs[0]) throw AppError.notFound();
      return this.progressOf(em, runs[0], lang);
    });
  }

  /** GET /invitations/bulk: the firm's latest runs, newest first. */
  recent(auth: AuthContext, lang: UiLanguage): Promise<BulkProgressDto[]> {
    return this.tenancy.forFirm(auth.firmId, async (em) => {
      const runs: BulkRow[] = await em.query(
        `SELECT ${BULK_COLUMNS} FROM invitation_bulk b ORDER BY b.created_at DESC, b.id DESC LIMIT $1`,
        [RECENT_RUNS],
      );
      const result: BulkProgressDto[] = [];
      for (const run of runs) result.push(await this.progressOf(em, run, lang));
      return result;
    });
  }

  /** The job: lists the run's clients once, then creates their invitations chunk by chunk. */
  async expand(bulkId: string, firmId: string): Promise<void> {
    const run = await this.tenancy.forFirm(firmId, async (em) => {
      // Touching the row tells the sweeper this run is being worked on.
      const rows = await returning<{ id: string }>(
        em,
        `UPDATE invitation_bulk SET updated_at = now() WHERE id = $1 AND expanded_at IS NULL RETURNING id`,
        [bulkId],
      );
      return rows[0] ? em.findOneOrFail(InvitationBulk, { where: { id: bulkId } }) : null;
    });
    if (!run) return;
    const clientIds = run.clientIds ?? (await this.listClients(run));
    for (let offset = run.processed; offset < clientIds.length; offset += CHUNK) {
      const chunk = clientIds.slice(offset, offset + CHUNK);
      const queued = await this.tenancy.forFirm(firmId, (em) =>
        this.expandChunk(em, run, chunk, offset + chunk.length),
      );
      await this.queue.send(queued.map((id) => ({ id, firmId, attempts: 0 })));
    }
    await this.tenancy.forFirm(firmId, (em) =>
      em.query(`UPDATE invitation_bulk SET expanded_at = now(), updated_at = now() WHERE id = $1`, [bulkId]),
    );
  }

  /** Resolves a filter or an import batch to client ids, once: a resumed run works on the same list. */
  private async listClients(run: InvitationBulk): Promise<string[]> {
    const ids =
      run.source === 'import_batch' ? await this.importBatchClients(run) : await this.filteredClients(run);
    await this.tenancy.forFirm(run.firmId, (em) =>
      em.query(`UPDATE invitation_bulk SET client_ids = $2, total = $3, updated_at = now() WHERE id = $1`, [
        run.id,
        ids,
        ids.length,
      ]),
    );
    return ids;
  }

  private async filteredClients(run: InvitationBulk): Promise<string[]> {
    const { targetStatus, ...saved } = (run.filter ?? {}) as Record<string, unknown> & {
      targetStatus?: ClientStatus;
    };
    const query = plainToInstance(ListClientsQuery, saved);
    if (targetStatus)
      query.status = query.status?.length ? query.status.filter((s) => s === targetStatus) : [targetStatus];
    if (query.status && query.status.length === 0) return [];
    query.sort = 'createdAt';
    query.order = 'asc';
    query.pageSize = MAX_PAGE_SIZE;
    const auth = { firmId: run.firmId } as AuthContext;
    const ids: string[] = [];
    // Keyset pages (each read from the previous page's last sort key): linear however many clients match,
    // and blind to the list's capped total ("more than 10,000"), which must never end the walk.
    query.page = 1;
    for (;;) {
      const page = await this.clients.list(auth, query, 'fr');
      ids.push(...page.items.map((client) => client.id));
      if (!page.nextCursor || page.items.length < query.pageSize) break;
      query.after = page.nextCursor;
      query.page += 1;
    }
    return [...new Set(ids)];
  }

  /** The clients an import batch created (issue 10's `client.import_batch_id`). */
  private importBatchClients(run: InvitationBulk): Promise<string[]> {
    return this.tenancy.forFirm(run.firmId, async (em) => {
      const rows: { id: string }[] = await em.query(
        `SELECT id FROM client WHERE import_batch_id = $1 ORDER BY created_at, id`,
        [run.importBatchId],
      );
      return rows.map((row) => row.id);
    });
  }

  private async expandChunk(
    em: EntityManager,
    run: InvitationBulk,
    chunk: string[],
    processed: number,
  ): Promise<string[]> {
    const clients: ChunkClient[] = await em.query(
      `SELECT c.id, c.name, c.status, c.contact_email, c.contact_language, c.archived_at,
              EXISTS (SELECT 1 FROM invitation i WHERE i.client_id = c.id AND i.bulk_id = $2) AS in_this_run
         FROM client c WHERE c.id = ANY ($1::uuid[]) ORDER BY c.id FOR UPDATE OF c`,
      [chunk, run.id],
    );
    const found = new Map(clients.map((client) => [client.id, client]));
    const skipped: { clientId: string; reason: BulkSkipReason }[] = [];
    const eligible: ChunkClient[] = [];
    for (const id of chunk) {
      const client = found.get(id);
      if (!client) {
        skipped.push({ clientId: id, reason: 'client_not_found' });
        continue;
      }
      if (client.in_this_run) continue; // a resumed run: invited before the interruption
      const blocker = activationBlocker({
        status: client.status,
        contactEmail: client.contact_email,
        archivedAt: client.archived_at,
      });
      if (blocker) skipped.push({ clientId: id, reason: blocker });
      else eligible.push(client);
    }

    const created: { id: string; client_id: string }[] = eligible.length
      ? await em.query(
          `INSERT INTO invitation (firm_id, client_id, bulk_id, email, language, created_by, expires_at)
           SELECT $1, x.client_id, $2, x.email, x.language, $3, now() + make_interval(days => $4)
             FROM unnest($5::uuid[], $6::text[], $7::text[]) AS x(client_id, email, language)
           RETURNING id, client_id`,
          [
            run.firmId,
            run.id,
            run.createdBy,
            this.config.INVITATION_TTL_DAYS,
            eligible.map((client) => client.id),
            eligible.map((client) => client.contact_email),
            eligible.map((client) => invitationEmailLanguage(client.contact_language)),
          ],
        )
      : [];
    if (created.length)
      await em.query(`UPDATE client SET status = 'invited' WHERE id = ANY ($1::uuid[])`, [
        created.map((row) => row.client_id),
      ]);
    const previous = new Map(eligible.map((client) => [client.id, client]));
    await this.audit.recordMany(
      em,
      created.map((row): AuditEntry => ({
        firmId: run.firmId,
        actorUserId: run.createdBy,
        action: 'invitation.queued',
        targetType: 'client',
        targetId: row.client_id,
        data: {
          invitationId: row.id,
          bulkId: run.id,
          email: previous.get(row.client_id)?.contact_email,
          from: previous.get(row.client_id)?.status,
        },
      })),
    );
    if (skipped.length)
      await em.query(
        `INSERT INTO invitation_bulk_skip (bulk_id, firm_id, client_id, reason)
         SELECT $1, $2, x.client_id, x.reason FROM unnest($3::uuid[], $4::text[]) AS x(client_id, reason)
         ON CONFLICT DO NOTHING`,
        [run.id, run.firmId, skipped.map((skip) => skip.clientId), skipped.map((skip) => skip.reason)],
      );
    await em.query(`UPDATE invitation_bulk SET processed = $2, updated_at = now() WHERE id = $1`, [
      run.id,
      processed,
    ]);
    if (skipped.length) this.logger.debug(`Bulk run ${run.id}: ${skipped.length} client(s) skipped`);
    return created.map((row) => row.id);
  }

  private async progressOf(em: EntityManager, run: BulkRow, lang: UiLanguage): Promise<BulkProgressDto> {
    const [counts, skippedRows] = await Promise.all([
      em.query(
        `SELECT count(*) FILTER (WHERE status IN ('queued', 'sending')) AS queued,
                count(*) FILTER (WHERE sent_at IS NOT NULL) AS sent,
                count(*) FILTER (WHERE status = 'failed') AS failed,
                (SELECT count(*) FROM invitation_bulk_skip s WHERE s.bulk_id = $1) AS skipped
           FROM invitation WHERE bulk_id = $1`,
        [run.id],
      ) as Promise<{ queued: string; sent: string; failed: string; skipped: string }[]>,
      em.query(
        `SELECT s.client_id, c.name AS client_name, s.reason
           FROM invitation_bulk_skip s LEFT JOIN client c ON c.id = s.client_id
          WHERE s.bulk_id = $1 ORDER BY c.name NULLS LAST, s.client_id LIMIT $2`,
        [run.id, SKIPPED_LISTED],
      ) as Promise<{ client_id: string; client_name: string | null; reason: BulkSkipReason }[]>,
    ]);
    const queued = Number(counts[0].queued);
    return {
      id: run.id,
      total: run.total ?? 0,
      queued,
      sent: Number(counts[0].sent),
      failed: Number(counts[0].failed),
      skipped: Number(counts[0].skipped),
      done: run.expanded_at !== null && queued === 0,
      createdAt: run.created_at.toISOString(),
      skippedClients: skippedRows.map((row) => ({
        clientId: row.client_id,
        clientName: row.client_name,
        reason: row.reason,
        message: apiErrorMessage(row.reason, lang),
      })),
    };
  }
}

interface BulkRow {
  id: string;
  total: number | null;
  expanded_at: Date | null;
  created_at: Date;
}

const BULK_COLUMNS = 'b.id, b.total, b.expanded_at, b.created_at';

/** What the filter keeps of the clients list's query: its criteria, not its paging or sort. */
function filterOf(query: BulkClientFilterDto): Record<string, unknown> {
  const { q, status, country, shareDocuments, accountingSoftwareId, archived } = query;
  return Object.fromEntries(
    Object.entries({ q, status, country, shareDocuments, accountingSoftwareId, archived }).filter(
      ([, value]) => value !== undefined,
    ),
  );
}

/** An import batch of the current firm (issue 10's `import_batch`; RLS scopes it). */
async function importBatchExists(em: EntityManager, id: string): Promise<boolean> {
  const rows: unknown[] = await em.query(`SELECT 1 FROM import_batch WHERE id = $1`, [id]);
  return rows.length > 0;
}
