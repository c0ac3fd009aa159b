import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { writeFileSync } from 'node:fs';
import { FEATURE_MODULES } from './app/app.module';
import { loadConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { API_PREFIX, buildOpenApiDocument } from './http-app';

/**
 * Emits the OpenAPI document without a database: the feature modules are compiled with every
 * infrastructure provider (DataSource, queue, mail, audit…) auto-mocked, since only routes and DTOs matter.
 * Usage: node dist/apps/api/openapi.js <output.json>
 */
async function main(): Promise<void> {
  const moduleRef = await Test.createTestingModule({
    imports: [ConfigModule.forRoot(loadConfig({})), ...FEATURE_MODULES],
  })
    .useMocker(() => ({}))
    .compile({ snapshot: false });
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  app.setGlobalPrefix(API_PREFIX);
  const document = buildOpenApiDocument(app);
  const out = process.argv[2];
  const json = `${JSON.stringify(document, null, 2)}\n`;
  if (out) writeFileSync(out, json);
  else process.stdout.write(json);
  await app.close();
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
