import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app/app.module';
import { DemoSeedService } from './app/seed/demo-seed.service';
import { applyHeapPolicy } from './config/heap-policy';
import { loadConfigOrExit } from './config/load';
import { configureHttpApp } from './http-app';

/** The HTTP process: API + built web app on one port. Jobs run here too unless REDIS_URL is set. */
async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  applyHeapPolicy(config);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, 'http'), {
    bodyParser: false,
  });
  configureHttpApp(app, config, { serveWeb: true });
  app.enableShutdownHooks();
  await app.init();
  if (config.SEED_DEMO) {
    const seed = app.get(DemoSeedService);
    const credentials = await seed.seedOnFirstStart();
    if (credentials) seed.print(credentials, config.appUrl);
  }
  await app.listen(config.PORT).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE') throw error;
    throw new Error(
      `Port ${config.PORT} is already in use: stop what runs there, or start with PORT=<another port>.`,
    );
  });
  Logger.log(`Passerelle is running at ${config.appUrl}`, 'Bootstrap');
}

bootstrap().catch((error: Error) => {
  Logger.error(error.stack ?? error.message, 'Bootstrap');
  process.exit(1);
});
