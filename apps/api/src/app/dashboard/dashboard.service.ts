import { Injectable } from '@nestjs/common';
import { CLIENT_STATUSES } from '@passerelle/domain-client';
import { Tenancy } from '../../database/tenancy';
import type { AuthContext } from '../auth/decorators';
import { ActivityDto, AttentionItemDto, DashboardDto } from './dto/dashboard.dto';

/** How many recent events and attention items the dashboard shows. */
export const RECENT_ACTIVITY_LIMIT = 10;
export const ATTENTION_LIMIT = 5;

/** Session housekeeping, not work on the firm's data: left out of "recent activity". */
const QUIET_ACTIONS = ['user.logged_in', 'user.logged_out', 'user.preferences_changed'];

/** The firm at a glance: clients per status, what changed lately, what needs attention. */
@Injectable()
export class DashboardService {
  constructor(private readonly tenancy: Tenancy) {}

  get(auth: AuthContext): Promise<DashboardDto> {
    return this.tenancy.forFirm(auth.firmId, async (em) => {
      const counts: { status: string; archived: boolean; n: string }[] = await em.query(
        `SELECT status, archived_at IS NOT NULL AS archived, count(*) AS n FROM client
          WHERE firm_id = $1 GROUP BY 1, 2`,
        [auth.firmId],
      );
      const active = new Map(counts.filter((c) => !c.archived).map((c) => [c.status, Number(c.n)]));
      const archived = counts.filter((c) => c.archived).reduce((sum, c) => sum + Number(c.n), 0);

      const activity: {
        id: string;
        action: string;
        actor_name: string | null;
        target_type: string | null;
        target_id: string | null;
        target_label: string | null;
        data: Record<string, unknown>;
        created_at: Date;
      }[] = await em.query(
        `SELECT e.id, e.action, u.name AS actor_name, e.target_type, e.target_id, e.data, e.created_at,
                coalesce(c.name, s.label, f.name) AS target_label
           FROM audit_event e
           LEFT JOIN app_user u ON u.id = e.actor_user_id
           LEFT JOIN client c ON e.target_type = 'client' AND c.id = e.target_id
           LEFT JOIN accounting_software_config s ON e.target_type = 'accounting_software' AND s.id = e.target_id
           LEFT JOIN firm f ON e.target_type = 'firm' AND f.id = e.target_id
          WHERE e.firm_id = $1 AND e.action <> ALL ($2)
          ORDER BY e.created_at DESC, e.id DESC
          LIMIT $3`,
        [auth.firmId, QUIET_ACTIONS, RECENT_ACTIVITY_LIMIT],
      );

      const failed: { id: string; name: string; updated_at: Date; total: string }[] = await em.query(
        `SELECT id, name, updated_at, count(*) OVER () AS total FROM client
          WHERE firm_id = $1 AND status = 'invitation_failed' AND archived_at IS NULL
          ORDER BY updated_at DESC, id DESC LIMIT $2`,
        [auth.firmId, ATTENTION_LIMIT],
      );
      const items: AttentionItemDto[] = failed.map((row) => ({
        kind: 'invitation_failed',
        targetType: 'client',
        targetId: row.id,
        label: row.name,
        since: row.updated_at.toISOString(),
      }));

      // Issue 12: documents clients shared that nobody has marked processed yet, and how many clients have some.
      const documents: { total: number; clients: number }[] = await em.query(
        `SELECT count(*)::int AS total, count(DISTINCT client_id)::int AS clients FROM document WHERE status = 'new'`,
      );

      return {
        newDocuments: { total: documents[0].total, clients: documents[0].clients },
        statusCounts: CLIENT_STATUSES.map((status) => ({ status, count: active.get(status) ?? 0 })),
        total: [...active.values()].reduce((sum, n) => sum + n, 0),
        archived,
        recentActivity: activity.map((row): ActivityDto => ({
          id: row.id,
          action: row.action,
          actorName: row.actor_name,
          targetType: row.target_type,
          targetId: row.target_id,
          targetLabel: row.target_label,
          data: row.data,
          createdAt: row.created_at.toISOString(),
        })),
        attention: { total: Number(failed[0]?.total ?? 0), items },
      };
    });
  }
}
