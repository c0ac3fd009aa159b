import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { resolve } from 'node:path';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^\d+$/.test(String(value)) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase())
      ? true
      : ['0', 'false', 'no', 'off'].includes(String(value).toLowerCase())
        ? false
        : value;
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * Every environment variable the product reads, validated once at start-up (fail fast, every problem
 * named in one message). Unset DATABASE_URL / REDIS_URL / SMTP_URL select the embedded defaults.
 */
export class AppConfig {
  @IsOptional()
  @IsIn(['development', 'production', 'test'], { message: 'must be development, production or test' })
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt({ message: 'must be a whole number between 1 and 65535' })
  @Min(1, { message: 'must be a whole number between 1 and 65535' })
  @Max(65535, { message: 'must be a whole number between 1 and 65535' })
  PORT = 3000;

  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  DATA_DIR = './.data';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  @Matches(/^.+<[^<>\s]+@[^<>\s]+>$|^[^<>\s]+@[^<>\s]+$/, {
    message: 'must be an e-mail address, optionally as "Name <address>"',
  })
  MAIL_FROM = 'Passerelle <no-reply@passerelle.local>';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^https?:\/\/[^/\s]+(\/\S*)?$/, { message: 'must be an http:// or https:// URL' })
  APP_URL?: string;

  @IsString()
  @Matches(/^[A-Za-z0-9_:-]{1,64}$/, { message: 'must be 1–64 letters, digits, _, : or -' })
  QUEUE_PREFIX = 'passerelle';

  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of days between 1 and 365' })
  @Min(1, { message: 'must be a whole number of days between 1 and 365' })
  @Max(365, { message: 'must be a whole number of days between 1 and 365' })
  SESSION_TTL_DAYS = 14;

  @Transform(toInt)
  @IsInt({ message: 'must be a whole number between 1 and 10000' })
  @Min(1, { message: 'must be a whole number between 1 and 10000' })
  @Max(10000, { message: 'must be a whole number between 1 and 10000' })
  LOGIN_RATE_LIMIT_PER_MINUTE = 10;

  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  SEED_DEMO = true;

  /**
   * Whether to believe X-Forwarded-For (the client's address for rate limits and logs): `false` (default:
   * the TCP peer is the client), `true` (trust every proxy — only when nothing reaches the API directly),
   * a number of proxy hops in front of the API, or a comma-separated list of proxy addresses/CIDRs.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(
    /^(true|false|\d{1,2}|(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?))*)$/,
    {
      message: 'must be true, false, a number of proxy hops, or a comma-separated list of proxy addresses',
    },
  )
  TRUST_PROXY?: string;

  /** Largest spreadsheet an import accepts, in megabytes (refused while it streams in). */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of megabytes between 1 and 200' })
  @Min(1, { message: 'must be a whole number of megabytes between 1 and 200' })
  @Max(200, { message: 'must be a whole number of megabytes between 1 and 200' })
  IMPORT_MAX_FILE_MB = 20;

  /** Data rows an import accepts (blank rows and the header row not counted). */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number between 1 and 1000000' })
  @Min(1, { message: 'must be a whole number between 1 and 1000000' })
  @Max(1_000_000, { message: 'must be a whole number between 1 and 1000000' })
  IMPORT_MAX_ROWS = 100_000;

  /** Columns holding a value that an import accepts. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number between 12 and 1000' })
  @Min(12, { message: 'must be a whole number between 12 and 1000' })
  @Max(1000, { message: 'must be a whole number between 12 and 1000' })
  IMPORT_MAX_COLUMNS = 60;

  /** Largest document a client may upload, in megabytes per file (refused while it streams in). */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of megabytes between 1 and 500' })
  @Min(1, { message: 'must be a whole number of megabytes between 1 and 500' })
  @Max(500, { message: 'must be a whole number of megabytes between 1 and 500' })
  DOCUMENT_MAX_FILE_MB = 20;

  /** Files one document upload request may carry. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number between 1 and 100' })
  @Min(1, { message: 'must be a whole number between 1 and 100' })
  @Max(100, { message: 'must be a whole number between 1 and 100' })
  DOCUMENT_MAX_FILES = 20;

  /**
   * Uploaded files go to this S3-compatible bucket instead of PostgreSQL:
   * `https://ACCESS_KEY:SECRET@host[:port]/bucket[/prefix]` (path-style). Without credentials in the URL the
   * AWS SDK's usual sources apply (AWS_ACCESS_KEY_ID…, instance role).
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^https?:\/\/[^/\s]+\/[^/\s]+(\/\S*)?$/, {
    message: 'must be an http:// or https:// URL naming the bucket, e.g. https://KEY:SECRET@host/bucket',
  })
  S3_URL?: string;

  /** The region S3 requests are signed for. */
  @IsString()
  @Matches(/^[a-z0-9-]{2,32}$/, { message: 'must be a region name such as us-east-1' })
  S3_REGION = 'us-east-1';

  /** Days an invitation link stays valid after it is sent. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of days between 1 and 90' })
  @Min(1, { message: 'must be a whole number of days between 1 and 90' })
  @Max(90, { message: 'must be a whole number of days between 1 and 90' })
  INVITATION_TTL_DAYS = 14;

  /** Days after sending at which an unaccepted invitation is reminded: up to two, e.g. "3,7"; empty for none. */
  @IsString()
  @Matches(/^$|^\s*\d{1,2}\s*(,\s*\d{1,2}\s*)?$/, {
    message: 'must be up to two whole numbers of days, comma-separated (e.g. "3,7"), or empty',
  })
  INVITATION_REMINDER_DAYS = '3,7';

  /** A worker holds an invitation it is sending this long; after that the sweeper gives it to another. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of seconds between 2 and 3600' })
  @Min(2, { message: 'must be a whole number of seconds between 2 and 3600' })
  @Max(3600, { message: 'must be a whole number of seconds between 2 and 3600' })
  INVITATION_LEASE_SECONDS = 120;

  /** How often the sweeper looks for invitations to re-queue, remind or expire. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of seconds between 1 and 3600' })
  @Min(1, { message: 'must be a whole number of seconds between 1 and 3600' })
  @Max(3600, { message: 'must be a whole number of seconds between 1 and 3600' })
  INVITATION_SWEEP_INTERVAL_SECONDS = 30;

  /** A queued invitation still unsent this long after it was queued is queued again (its job was lost). */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of seconds between 1 and 86400' })
  @Min(1, { message: 'must be a whole number of seconds between 1 and 86400' })
  @Max(86400, { message: 'must be a whole number of seconds between 1 and 86400' })
  INVITATION_REQUEUE_AFTER_SECONDS = 60;

  /** How often the import sweeper looks for import steps whose job was lost. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of seconds between 1 and 3600' })
  @Min(1, { message: 'must be a whole number of seconds between 1 and 3600' })
  @Max(3600, { message: 'must be a whole number of seconds between 1 and 3600' })
  IMPORT_SWEEP_INTERVAL_SECONDS = 60;

  /**
   * A batch parsing, checking or importing whose progress has not moved for this long has its step queued
   * again (the same job id: a step still running is not run twice). Longer than a step's quietest phase
   * (reading a whole file in the thread: at most the thread's 120 s call limit).
   */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of seconds between 1 and 86400' })
  @Min(1, { message: 'must be a whole number of seconds between 1 and 86400' })
  @Max(86400, { message: 'must be a whole number of seconds between 1 and 86400' })
  IMPORT_REQUEUE_AFTER_SECONDS = 300;

  /** Invitation e-mails per second, all firms together. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number between 1 and 100000' })
  @Min(1, { message: 'must be a whole number between 1 and 100000' })
  @Max(100000, { message: 'must be a whole number between 1 and 100000' })
  MAIL_RATE_PER_SECOND = 300;

  /**
   * Invitation e-mails per second for one firm (e.g. its SMTP provider's limit). By default the overall rate:
   * with one queue, a firm waiting for its window also delays the jobs queued behind its own.
   */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number between 1 and 100000' })
  @Min(1, { message: 'must be a whole number between 1 and 100000' })
  @Max(100000, { message: 'must be a whole number between 1 and 100000' })
  MAIL_RATE_PER_FIRM_PER_SECOND = 300;

  /** Sending attempts of one invitation when the SMTP server answers a temporary (4xx) error or is unreachable. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number between 1 and 20' })
  @Min(1, { message: 'must be a whole number between 1 and 20' })
  @Max(20, { message: 'must be a whole number between 1 and 20' })
  MAIL_MAX_ATTEMPTS = 8;

  /** First retry delay after a temporary failure; doubled at each attempt, with random jitter. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of milliseconds between 10 and 3600000' })
  @Min(10, { message: 'must be a whole number of milliseconds between 10 and 3600000' })
  @Max(3_600_000, { message: 'must be a whole number of milliseconds between 10 and 3600000' })
  MAIL_RETRY_BASE_MS = 5000;

  /** Jobs one worker process runs at the same time. */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number between 1 and 100' })
  @Min(1, { message: 'must be a whole number between 1 and 100' })
  @Max(100, { message: 'must be a whole number between 1 and 100' })
  WORKER_CONCURRENCY = 16;

  /**
   * How far V8 lets the heap grow past what its last full collection kept, in percent (0: V8's own policy,
   * which lets a heap of 50 MB live data reach ~180 MB before collecting it). Bounds the memory of an import
   * (apps/api/src/config/heap-policy.ts).
   */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number between 0 and 400' })
  @Min(0, { message: 'must be a whole number between 0 and 400' })
  @Max(400, { message: 'must be a whole number between 0 and 400' })
  HEAP_GROWTH_PERCENT = 25;

  /** Where the built web app lives; defaults to the build output next to the API bundle. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  WEB_DIST?: string;

  get appUrl(): string {
    return (this.APP_URL ?? `http://localhost:${this.PORT}`).replace(/\/$/, '');
  }

  get dataDir(): string {
    return resolve(this.DATA_DIR);
  }

  /** The value Express's "trust proxy" setting takes. */
  get trustProxy(): boolean | number | string {
    const value = this.TRUST_PROXY ?? 'false';
    if (value === 'true' || value === 'false') return value === 'true';
    return /^\d+$/.test(value) ? Number(value) : value;
  }

  /** INVITATION_REMINDER_DAYS as numbers, in increasing order, each before the link expires. */
  get invitationReminderDays(): number[] {
    return this.INVITATION_REMINDER_DAYS.split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .map(Number)
      .filter((days) => days >= 1 && days < this.INVITATION_TTL_DAYS)
      .sort((a, b) => a - b);
  }

  /** S3_URL taken apart (undefined: files are kept in PostgreSQL). */
  get s3(): S3Location | undefined {
    if (!this.S3_URL) return undefined;
    const url = new URL(this.S3_URL);
    const [bucket, ...prefix] = url.pathname.split('/').filter(Boolean);
    return {
      endpoint: `${url.protocol}//${url.host}`,
      bucket: decodeURIComponent(bucket),
      prefix: prefix.map((part) => `${decodeURIComponent(part)}/`).join(''),
      region: this.S3_REGION,
      credentials: url.username
        ? { accessKeyId: decodeURIComponent(url.username), secretAccessKey: decodeURIComponent(url.password) }
        : undefined,
    };
  }

  get secureCookies(): boolean {
    return this.appUrl.startsWith('https://');
  }
}

export interface S3Location {
  endpoint: string;
  bucket: string;
  /** Prepended to every object key ('' or ends with '/'). */
  prefix: string;
  region: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// Listed, not derived from an instance: optional fields without initialiser are not own properties when
// class fields compile to assignments (target < ES2022), and a silently ignored DATABASE_URL is a disaster.
const KNOWN_KEYS = [
  'NODE_ENV',
  'PORT',
  'DATA_DIR',
  'DATABASE_URL',
  'REDIS_URL',
  'SMTP_URL',
  'MAIL_FROM',
  'APP_URL',
  'QUEUE_PREFIX',
  'SESSION_TTL_DAYS',
  'LOGIN_RATE_LIMIT_PER_MINUTE',
  'SEED_DEMO',
  'WEB_DIST',
  'TRUST_PROXY',
  'IMPORT_MAX_FILE_MB',
  'IMPORT_MAX_ROWS',
  'IMPORT_MAX_COLUMNS',
  'DOCUMENT_MAX_FILE_MB',
  'DOCUMENT_MAX_FILES',
  'S3_URL',
  'S3_REGION',
  'INVITATION_TTL_DAYS',
  'INVITATION_REMINDER_DAYS',
  'INVITATION_LEASE_SECONDS',
  'INVITATION_SWEEP_INTERVAL_SECONDS',
  'INVITATION_REQUEUE_AFTER_SECONDS',
  'IMPORT_SWEEP_INTERVAL_SECONDS',
  'IMPORT_REQUEUE_AFTER_SECONDS',
  'MAIL_RATE_PER_SECOND',
  'MAIL_RATE_PER_FIRM_PER_SECOND',
  'MAIL_MAX_ATTEMPTS',
  'MAIL_RETRY_BASE_MS',
  'WORKER_CONCURRENCY',
  'HEAP_GROWTH_PERCENT',
] as const satisfies readonly (keyof AppConfig)[];

/** Reads and validates the environment; throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, string> = {};
  for (const key of KNOWN_KEYS) {
    const value = env[key];
    if (value !== undefined) raw[key] = value;
  }
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map((error) => {
        const message = Object.values(error.constraints ?? {})[0] ?? 'is invalid';
        const shown = error.property.endsWith('_URL') ? redactUrl(String(error.value)) : String(error.value);
        return `${error.property} ${message} (got "${shown}")`;
      }),
    );
  }
  return config;
}

/** Never echo a password from a connection string into logs. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
