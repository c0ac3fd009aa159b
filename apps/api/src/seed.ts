import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app/app.module';
import { DemoSeedService } from './app/seed/demo-seed.service';
import { loadConfigOrExit } from './config/load';

/** `npm run seed`: creates the demo firm, or gives its admin a new password, and prints the credentials. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, 'tool'), {
    logger: ['error', 'warn', 'log'],
  });
  const seed = app.get(DemoSeedService);
  seed.print(await seed.seed(), config.appUrl);
  await app.close();
}

main().catch((error: Error) => {
  Logger.error(error.stack ?? error.message, 'Seed');
  process.exit(1);
});
