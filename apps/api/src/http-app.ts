import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, OpenAPIObject } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppConfig } from './config/app-config';
import { ApiErrorDto, FieldErrorDto } from './app/common/api-error.dto';
import { ApiExceptionFilter } from './app/common/api-exception.filter';
import { createValidationPipe } from './app/common/validation';

export const API_PREFIX = 'api';

export function buildOpenApiDocument(app: NestExpressApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Passerelle API')
    .setDescription('Client onboarding for accounting firms')
    .setVersion('0.1.0')
    .addCookieAuth('psl_session')
    .build();
  return SwaggerModule.createDocument(app, config, {
    extraModels: [ApiErrorDto, FieldErrorDto],
    operationIdFactory: (controllerKey: string, methodKey: string) =>
      `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
}

/** Everything the HTTP process adds on top of the module tree (shared by main.ts and the API tests). */
export function configureHttpApp(
  app: NestExpressApplication,
  config: AppConfig,
  options: { serveWeb: boolean },
): void {
  app.setGlobalPrefix(API_PREFIX);
  app.disable('x-powered-by');
  app.use(securityHeaders);
  app.use(cookieParser());
  app.useBodyParser('json', { limit: '1mb' });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, () => buildOpenApiDocument(app));
  if (options.serveWeb) serveWebApp(app, config);
}

function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'same-origin');
  next();
}

/** The built Angular app, same origin as the API: static files, then index.html for client routes. */
function serveWebApp(app: NestExpressApplication, config: AppConfig): void {
  const logger = new Logger('Web');
  const dir = resolve(config.WEB_DIST ?? join(__dirname, '..', 'web', 'browser'));
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    logger.warn(`No web build at ${dir}: run "npx nx build web" (npm start does it for you).`);
    return;
  }
  app.useStaticAssets(dir, { index: false, maxAge: '1h', setHeaders: noCacheForIndex });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      req.path === `/${API_PREFIX}` ||
      req.path.startsWith(`/${API_PREFIX}/`)
    ) {
      return next();
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  logger.log(`Serving the web app from ${dir}`);
}

function noCacheForIndex(res: Response, path: string): void {
  if (path.endsWith('index.html')) res.setHeader('Cache-Control', 'no-cache');
}
