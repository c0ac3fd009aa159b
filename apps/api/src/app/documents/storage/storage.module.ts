import { Injectable, Logger, Module } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { Tenancy } from '../../../database/tenancy';
import { RepeatingJob } from '../../jobs/job-queue';
import { FileStore } from './file-store';
import { PostgresBlobBackend } from './postgres';
import { S3BlobBackend } from './s3';
import { BlobBackend } from './storage';

export const STORAGE_SWEEP_JOB = 'storage.sweep';
const SWEEP_EVERY_MS = 15 * 60_000;
/** An upload still `writing` after this long died half-way (no upload takes an hour to stream 20 MB). */
const ABANDONED_AFTER_SECONDS = 3600;

/** Removes what interrupted uploads left (a repeatable job in the worker; a timer in the in-process mode). */
@Injectable()
export class StorageSweepJob extends RepeatingJob {
  readonly jobName = STORAGE_SWEEP_JOB;
  protected readonly logger = new Logger('FileStore');

  constructor(private readonly files: FileStore) {
    super();
  }

  protected everyMs(): number {
    return SWEEP_EVERY_MS;
  }

  async handle(): Promise<void> {
    const removed = await this.files.sweepAbandoned(ABANDONED_AFTER_SECONDS);
    if (removed > 0) this.logger.log(`Removed ${removed} interrupted upload(s)`);
  }
}

/**
 * Stored files: PostgreSQL by default, an S3-compatible bucket when S3_URL is set. Import it to use
 * FileStore (client documents, import spreadsheets).
 */
@Module({
  providers: [
    {
      provide: BlobBackend,
      inject: [AppConfig, Tenancy],
      useFactory: (config: AppConfig, tenancy: Tenancy): BlobBackend => {
        const s3 = config.s3;
        return s3 ? new S3BlobBackend(s3) : new PostgresBlobBackend(tenancy);
      },
    },
    FileStore,
    StorageSweepJob,
  ],
  exports: [FileStore],
})
export class StorageModule {}
