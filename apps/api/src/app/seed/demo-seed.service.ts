import { Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AccountingSoftwareConfig } from '../accounting-software/accounting-software-config.entity';
import { AuthService } from '../auth/auth.service';
import { Client } from '../clients/client.entity';
import { clientSearchText } from '@passerelle/domain-validators';
import { DEMO_CLIENTS, DEMO_SOFTWARE } from './demo-data';

export const DEMO_EMAIL = 'admin@demo.passerelle.ma';
export const DEMO_FIRM = 'Cabinet Démo';
const DEMO_MARKER = 'demo_seed';
const DAY_MS = 86_400_000;

export interface DemoCredentials {
  email: string;
  password: string;
  created: boolean;
}

/**
 * Creates the demo firm — admin, accounting-software configurations and ~30 sample clients — once per
 * database, or gives the demo admin a new password. Everything, the "seeded" marker included, is written in
 * one transaction: a failure half-way leaves nothing behind, and the next start seeds again.
 */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthService,
  ) {}

  /**
   * On the first start of an empty database only. The marker row decides, even with several APIs starting
   * together: the second one's insert waits for the first transaction, then finds the row and does nothing.
   */
  async seedOnFirstStart(): Promise<DemoCredentials | null> {
    const password = newPassword();
    return this.dataSource.transaction(async (em) => {
      if (!(await claimMarker(em))) return null;
      await this.createDemoFirm(em, password);
      return { email: DEMO_EMAIL, password, created: true };
    });
  }

  /** `npm run seed`: a new password for the demo admin, or the demo firm when there is none yet. */
  async seed(): Promise<DemoCredentials> {
    const password = newPassword();
    if (await this.auth.resetPassword(DEMO_EMAIL, password))
      return { email: DEMO_EMAIL, password, created: false };
    return this.dataSource.transaction(async (em) => {
      await claimMarker(em);
      await this.createDemoFirm(em, password);
      return { email: DEMO_EMAIL, password, created: true };
    });
  }

  print(credentials: DemoCredentials, appUrl: string): void {
    const verb = credentials.created ? 'Demo firm created' : 'Demo admin password reset';
    this.logger.log(
      `\n\n  ${verb}. Sign in at ${appUrl}/login with\n    e-mail:   ${credentials.email}\n    password: ${credentials.password}\n`,
    );
  }

  private async createDemoFirm(em: EntityManager, password: string): Promise<void> {
    const { me } = await this.auth.createFirm(
      { firmName: DEMO_FIRM, name: 'Admin Démo', email: DEMO_EMAIL, password, language: 'fr' },
      { withSession: false, em },
    );
    await seedSampleData(em, me.firm.id, me.user.id);
  }
}

function newPassword(): string {
  return randomBytes(9).toString('base64url');
}

async function claimMarker(em: EntityManager): Promise<boolean> {
  const claimed: unknown[] = await em.query(
    `INSERT INTO installation_state (key) VALUES ($1) ON CONFLICT DO NOTHING RETURNING key`,
    [DEMO_MARKER],
  );
  return claimed.length > 0;
}

/**
 * The sample configurations and clients, inside the caller's transaction (its firm scope already set).
 * Clients are dated over the past weeks, with matching audit events, so the list and the dashboard's
 * activity look like a firm at work.
 */
async function seedSampleData(em: EntityManager, firmId: string, adminId: string): Promise<void> {
  const now = Date.now();
  const firstDay = Math.max(...DEMO_CLIENTS.map((client) => client.daysAgo)) + 1;
  await em.query(`UPDATE firm SET created_at = $2 WHERE id = $1`, [
    firmId,
    new Date(now - firstDay * DAY_MS),
  ]);
  await em.query(`UPDATE audit_event SET created_at = $2 WHERE firm_id = $1`, [
    firmId,
    new Date(now - firstDay * DAY_MS),
  ]);

  const softwareIds: string[] = [];
  for (const software of DEMO_SOFTWARE) {
    const saved = await em.save(
      AccountingSoftwareConfig,
      em.create(AccountingSoftwareConfig, { ...software, firmId }),
    );
    softwareIds.push(saved.id);
  }

  for (const sample of DEMO_CLIENTS) {
    const { software, status, archived, daysAgo, ...draft } = sample;
    const createdAt = new Date(now - daysAgo * DAY_MS);
    const archivedAt = archived ? new Date(createdAt.getTime() + DAY_MS) : null;
    const values = { ...draft, accountingSoftwareId: software === null ? null : softwareIds[software] };
    const client = em.create(Client, {
      ...values,
      firmId,
      status,
      archivedAt,
      createdBy: adminId,
      searchText: clientSearchText(values),
      createdAt,
      updatedAt: archivedAt ?? createdAt,
    });
    await em.insert(Client, client);
    const events: [string, Date][] = [['client.created', createdAt]];
    if (archivedAt) events.push(['client.archived', archivedAt]);
    for (const [action, at] of events) {
      await em.query(
        `INSERT INTO audit_event (firm_id, actor_user_id, action, target_type, target_id, created_at)
         VALUES ($1, $2, $3, 'client', $4, $5)`,
        [firmId, adminId, action, client.id, at],
      );
    }
  }
}
