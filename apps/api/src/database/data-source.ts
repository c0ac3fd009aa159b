import { DataSource, DataSourceOptions } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { AccountingSoftwareConfig } from '../app/accounting-software/accounting-software-config.entity';
import { AuditEvent } from '../app/audit/audit-event.entity';
import { Client } from '../app/clients/client.entity';
import { Session } from '../app/auth/session.entity';
import { Firm } from '../app/firms/firm.entity';
import { User } from '../app/users/user.entity';
import { Invitation, InvitationBulk, InvitationLink } from '../app/invitations/invitation.entity';
import { pgAsAppRole } from './app-role-pg';
import { MIGRATIONS } from './migrations';

export const ENTITIES = [
  Firm,
  User,
  Session,
  AuditEvent,
  AccountingSoftwareConfig,
  Client,
  Invitation,
  InvitationLink,
  InvitationBulk,
];

export interface DatabaseTarget {
  url: string;
  /** PGlite serves one connection at a time. */
  embedded: boolean;
}

function baseOptions(target: DatabaseTarget): PostgresDataSourceOptions {
  return {
    type: 'postgres',
    url: target.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    poolSize: target.embedded ? 1 : 10,
    applicationName: 'passerelle',
  };
}

/** Applies pending migrations as the connecting (owner) user, then closes. */
export async function runMigrations(target: DatabaseTarget): Promise<string[]> {
  const dataSource = new DataSource({ ...baseOptions(target), poolSize: 1 });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

/** The runtime data source: every connection runs as the RLS-bound application role. */
export function appDataSourceOptions(target: DatabaseTarget): DataSourceOptions {
  return { ...baseOptions(target), driver: pgAsAppRole() };
}
