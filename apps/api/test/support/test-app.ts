import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CookieAccessInfo } from 'cookiejar';
import request from 'supertest';
import { AppModule, ProcessRole } from '../../src/app/app.module';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { configureHttpApp } from '../../src/http-app';

export function testConfig(env: Record<string, string> = {}): AppConfig {
  return loadConfig({
    DATABASE_URL: process.env['INT_DATABASE_URL'] ?? '',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'passerelle-int-')),
    SEED_DEMO: 'false',
    ...env,
  });
}

export async function createHttpApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, 'http'), {
    logger: ['error'],
    bodyParser: false,
  });
  configureHttpApp(app, config, { serveWeb: false });
  await app.init();
  return app;
}

export async function createContext(config: AppConfig, role: ProcessRole) {
  return NestFactory.createApplicationContext(AppModule.forRoot(config, role), { logger: ['error'] });
}

/** A browser-like client: keeps cookies and echoes the CSRF cookie on mutating requests, as Angular does. */
export class ApiClient {
  private readonly agent: ReturnType<typeof request.agent>;
  private xsrfOverride?: string;

  constructor(
    app: INestApplication,
    private readonly language = 'fr',
  ) {
    this.agent = request.agent(app.getHttpServer());
  }

  async init(): Promise<this> {
    await this.agent.get('/api/health');
    if (!this.currentXsrf()) throw new Error('no XSRF-TOKEN cookie issued');
    return this;
  }

  /** The CSRF cookie as the browser holds it now (it is rotated at sign-in), read at each request like Angular. */
  private currentXsrf(): string {
    const jar = (
      this.agent as unknown as {
        jar: { getCookie(name: string, access: unknown): { value: string } | undefined };
      }
    ).jar;
    return this.xsrfOverride ?? jar.getCookie('XSRF-TOKEN', CookieAccessInfo.All)?.value ?? '';
  }

  /** The headers a hand-made request needs to act as this client (a raw streamed upload). */
  authHeaders(): Record<string, string> {
    const jar = (
      this.agent as unknown as { jar: { getCookies(access: unknown): { name: string; value: string }[] } }
    ).jar;
    const cookie = jar
      .getCookies(CookieAccessInfo.All)
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
    return { cookie, 'x-xsrf-token': this.currentXsrf(), 'accept-language': this.language };
  }

  /** Replaces the CSRF token the client echoes (to test a stale or stolen one). */
  useXsrf(token: string): void {
    this.xsrfOverride = token;
  }

  get(path: string) {
    return this.agent.get(path).set('Accept-Language', this.language);
  }

  post(path: string, body?: object) {
    const req = this.agent
      .post(path)
      .set('X-XSRF-TOKEN', this.currentXsrf())
      .set('Accept-Language', this.language);
    return body === undefined ? req : req.send(body);
  }

  delete(path: string) {
    return this.agent
      .delete(path)
      .set('X-XSRF-TOKEN', this.currentXsrf())
      .set('Accept-Language', this.language);
  }

  /** What a cross-site form post would send: the cookies, but not the header. */
  postWithoutCsrfHeader(path: string, body?: object) {
    return this.agent.post(path).send(body);
  }

  patch(path: string, body?: object) {
    const req = this.agent
      .patch(path)
      .set('X-XSRF-TOKEN', this.currentXsrf())
      .set('Accept-Language', this.language);
    return body === undefined ? req : req.send(body);
  }

  /** Any method, as the web app sends it (CSRF header on everything but GET). */
  request(method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string, body?: object) {
    const req = this.agent[method](path).set('Accept-Language', this.language);
    if (method !== 'get') req.set('X-XSRF-TOKEN', this.currentXsrf());
    return body === undefined ? req : req.send(body);
  }

  /** Signs a new firm up and stays signed in as its admin. */
  async signup(
    overrides: Partial<{
      firmName: string;
      name: string;
      email: string;
      password: string;
      language: 'fr' | 'en';
    }> = {},
  ) {
    const body = { ...newFirm(), ...overrides };
    const res = await this.post('/api/auth/signup', body);
    if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { ...body, me: res.body as { user: { id: string }; firm: { id: string } } };
  }
}

export function newFirm() {
  const suffix = randomBytes(4).toString('hex');
  return {
    firmName: `Cabinet ${suffix}`,
    name: `Admin ${suffix}`,
    email: `admin-${suffix}@cabinet-${suffix}.ma`,
    password: `Secret-${suffix}-pass`,
  };
}
