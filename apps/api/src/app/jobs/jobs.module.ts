import { BullModule } from '@nestjs/bull';
import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { BullJobProcessor, BullJobQueue, QUEUE_NAME } from './bull-job-queue';
import { InProcessJobQueue } from './in-process-job-queue';
import { JobQueue, JobRegistry } from './job-queue';

export interface JobsOptions {
  /** true in the worker process (and in the API when jobs run in-process). */
  processJobs: boolean;
}

@Global()
@Module({})
export class JobsModule {
  static forRoot(config: AppConfig, options: JobsOptions): DynamicModule {
    if (!config.REDIS_URL) {
      return {
        module: JobsModule,
        providers: [JobRegistry, InProcessJobQueue, { provide: JobQueue, useExisting: InProcessJobQueue }],
        exports: [JobRegistry, JobQueue, InProcessJobQueue],
      };
    }
    const providers: Provider[] = [
      JobRegistry,
      BullJobQueue,
      { provide: JobQueue, useExisting: BullJobQueue },
    ];
    if (options.processJobs) providers.push(BullJobProcessor);
    return {
      module: JobsModule,
      imports: [
        // forRootAsync: BullModule.forRoot would read the environment at import time (STACK.md gotcha 6).
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (cfg: AppConfig) => ({ url: cfg.REDIS_URL, prefix: cfg.QUEUE_PREFIX }),
        }),
        BullModule.registerQueue({ name: QUEUE_NAME }),
      ],
      providers,
      exports: [JobRegistry, JobQueue],
    };
  }
}
