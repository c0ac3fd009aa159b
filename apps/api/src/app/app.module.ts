import { DynamicModule, Module, Type } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { AccountingSoftwareModule } from './accounting-software/accounting-software.module';
import { AuditModule } from './audit/audit.module';
import { ClientsModule } from './clients/clients.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { AuthModule } from './auth/auth.module';
import { HealthModule } from './health/health.module';
import { ImportsModule } from './imports/imports.module';
import { MappingsModule } from './mappings/mappings.module';
import { InvitationsModule } from './invitations/invitations.module';
import { ClientFolderModule } from './client-folder/client-folder.module';
import { JobsModule } from './jobs/jobs.module';
import { MailModule } from './mail/mail.module';
import { OutboxModule } from './mail/outbox.module';
import { SeedModule } from './seed/seed.module';
import { DocumentsModule } from './documents/documents.module';
import { TeamModule } from './team/team.module';

/**
 * Feature modules: they depend only on the global infrastructure providers (config, database, jobs, mail,
 * audit), so the OpenAPI generator can compile them with those providers mocked and no database.
 */
export const FEATURE_MODULES: Type[] = [
  AuthModule,
  HealthModule,
  OutboxModule,
  ClientsModule,
  AccountingSoftwareModule,
  DashboardModule,
  ImportsModule,
  MappingsModule,
  InvitationsModule,
  ClientFolderModule,
  DocumentsModule,
  TeamModule,
];

export type ProcessRole = 'http' | 'worker' | 'tool';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, role: ProcessRole): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        JobsModule.forRoot(config, { processJobs: role === 'worker' || !config.REDIS_URL }),
        MailModule,
        AuditModule,
        ...FEATURE_MODULES,
        SeedModule,
      ],
    };
  }
}
