import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, redactUrl } from '../config/app-config';
import { appDataSourceOptions, DatabaseTarget, runMigrations } from './data-source';
import { EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';
import { Tenancy } from './tenancy';

export const DATABASE_TARGET = Symbol('DATABASE_TARGET');

interface PreparedDatabase extends DatabaseTarget {
  embeddedServer?: EmbeddedPostgres;
}

/** Picks PostgreSQL or the embedded engine, applies migrations, and only then lets the app connect. */
async function prepareDatabase(config: AppConfig): Promise<PreparedDatabase> {
  const logger = new Logger('Database');
  let prepared: PreparedDatabase;
  if (config.DATABASE_URL) {
    prepared = { url: config.DATABASE_URL, embedded: false };
    logger.log(`PostgreSQL at ${redactUrl(config.DATABASE_URL)}`);
  } else {
    const embeddedServer = await startEmbeddedPostgres(config.dataDir);
    prepared = { url: embeddedServer.url, embedded: true, embeddedServer };
  }
  const applied = await runMigrations(prepared);
  if (applied.length > 0) logger.log(`Applied migrations: ${applied.join(', ')}`);
  return prepared;
}

@Global()
@Module({
  providers: [{ provide: DATABASE_TARGET, inject: [AppConfig], useFactory: prepareDatabase }],
  exports: [DATABASE_TARGET],
})
class DatabaseTargetModule implements OnApplicationShutdown {
  constructor(@Inject(DATABASE_TARGET) private readonly target: PreparedDatabase) {}

  async onApplicationShutdown(): Promise<void> {
    await this.target.embeddedServer?.stop();
  }
}

@Global()
@Module({
  imports: [
    DatabaseTargetModule,
    TypeOrmModule.forRootAsync({
      inject: [DATABASE_TARGET],
      useFactory: (target: PreparedDatabase) => ({ ...appDataSourceOptions(target), retryAttempts: 2 }),
    }),
  ],
  providers: [Tenancy],
  exports: [Tenancy],
})
export class DatabaseModule {}
