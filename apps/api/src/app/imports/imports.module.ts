import { Module } from '@nestjs/common';
import { StorageModule } from '../documents/storage/storage.module';
import { CheckImportJob, ParseImportJob, RunImportJob } from './import-jobs';
import { ImportProgress } from './import-progress';
import { ImportQueue } from './import-queue.service';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

/** Bulk import (issue 10): upload, parse, mapping, check and import of client spreadsheets. */
@Module({
  imports: [StorageModule],
  controllers: [ImportsController],
  providers: [ImportsService, ImportQueue, ImportProgress, ParseImportJob, CheckImportJob, RunImportJob],
})
export class ImportsModule {}
