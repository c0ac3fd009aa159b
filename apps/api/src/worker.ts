import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app/app.module';
import { applyHeapPolicy } from './config/heap-policy';
import { loadConfigOrExit } from './config/load';

/** The queue worker: same module tree, no HTTP; scale it separately from the API. */
async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  applyHeapPolicy(config);
  if (!config.REDIS_URL || !config.DATABASE_URL) {
    console.error(
      'The worker needs REDIS_URL and DATABASE_URL. Without them, jobs run inside the API process (npm start).',
    );
    process.exit(78);
  }
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, 'worker'));
  app.enableShutdownHooks();
  Logger.log('Worker ready: processing queued jobs', 'Worker');
}

bootstrap().catch((error: Error) => {
  Logger.error(error.stack ?? error.message, 'Worker');
  process.exit(1);
});
