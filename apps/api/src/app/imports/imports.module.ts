import { Module } from '@nestjs/common';
import { StorageModule } from '../documents/storage/storage.module';
import { CheckImportJob, ParseImportJob, RunImportJob } from './import-jobs';
import { ImportProgress } from './import-progress';
import { ImportQueue } from './import-queue.service';
import { ImportSweeper, SweepImportsJob } from './import-sweeper';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';
import { ImportReviewController } from './review/import-review.controller';
import { ImportReviewService } from './review/import-review.service';

/**
 * Bulk import (issue 10): upload, parse, mapping, check and import of client spreadsheets; issue 11's
 * corrections in the browser, file with its errors and undo.
 */
@Module({
  imports: [StorageModule],
  controllers: [ImportsController, ImportReviewController],
  providers: [
    ImportsService,
    ImportReviewService,
    ImportQueue,
    ImportProgress,
    ParseImportJob,
    CheckImportJob,
    RunImportJob,
    ImportSweeper,
    SweepImportsJob,
  ],
})
export class ImportsModule {}
