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

  get secureCookies(): boolean {
    return this.appUrl.startsWith('https://');
  }
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
