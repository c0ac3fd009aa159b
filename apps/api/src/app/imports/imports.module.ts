import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AppConfig } from '../../config/app-config';
import { CheckImportJob, ParseImportJob, RunImportJob } from './import-jobs';
import { ImportProgress } from './import-progress';
import { ImportQueue } from './import-queue.service';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';
import { UploadLimitFilter } from './upload-limit.filter';

@Module({
  imports: [
    // Memory storage, stopped at the size limit while the request streams in (never buffered past it).
    MulterModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        limits: { fileSize: config.IMPORT_MAX_FILE_MB * 1024 * 1024, files: 1, fields: 10, parts: 12 },
      }),
    }),
  ],
  controllers: [ImportsController],
  providers: [
    ImportsService,
    ImportQueue,
    ImportProgress,
    ParseImportJob,
    CheckImportJob,
    RunImportJob,
    UploadLimitFilter,
  ],
})
export class ImportsModule {}
