import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, OpenAPIObject } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppConfig } from './config/app-config';
import { ApiErrorDto, FieldErrorDto } from './app/common/api-error.dto';
import { ApiExceptionFilter } from './app/common/api-exception.filter';
import { jsonBodyParsers } from './app/common/body-limits';
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

/** Routes that exist only in development (the mail outbox): never documented in production. */
const DEVELOPMENT_PATHS = [`/${API_PREFIX}/dev/`];

/**
 * Everything the HTTP process adds on top of the module tree (shared by main.ts and the API tests). The app
 * must be created with `bodyParser: false`: JSON parsing is configured here, per route (body-limits.ts).
 */
export function configureHttpApp(
  app: NestExpressApplication,
  config: AppConfig,
  options: { serveWeb: boolean },
): void {
  app.setGlobalPrefix(API_PREFIX);
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders(config));
  app.use(cookieParser());
  for (const parser of jsonBodyParsers()) {
    if (parser.path) app.use(parser.path, parser.handler);
    else app.use(parser.handler);
  }
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  const developmentRoutes = config.NODE_ENV !== 'production' && !config.SMTP_URL;
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, () =>
    developmentRoutes
      ? buildOpenApiDocument(app)
      : withoutPaths(buildOpenApiDocument(app), DEVELOPMENT_PATHS),
  );
  if (options.serveWeb) serveWebApp(app, config);
}

function withoutPaths(document: OpenAPIObject, prefixes: string[]): OpenAPIObject {
  const paths = Object.fromEntries(
    Object.entries(document.paths).filter(([path]) => !prefixes.some((prefix) => path.startsWith(prefix))),
  );
  return { ...document, paths };
}

/**
 * Standard security headers (helmet) with a Content-Security-Policy the built web app runs under: scripts
 * only from this origin (the production build does not inline critical CSS, so no inline handler is
 * needed); inline styles are allowed because Angular Material injects component styles at run time.
 * HSTS only when the public URL is https.
 */
function securityHeaders(config: AppConfig): RequestHandler {
  const hsts = config.secureCookies;
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(hsts ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
  return (req, res, next) => {
    res.setHeader(
      'Permissions-Policy',
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    );
    headers(req, res, next);
  };
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
