import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('uses the embedded defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.SMTP_URL).toBeUndefined();
    expect(config.appUrl).toBe('http://localhost:3000');
    expect(config.SEED_DEMO).toBe(true);
  });

  it('reads and converts the variables it knows', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://app@db/passerelle',
      REDIS_URL: 'redis://cache:6379',
      SMTP_URL: 'smtp://mail:25',
      APP_URL: 'https://app.example.ma/',
      SEED_DEMO: 'false',
    });
    expect(config.PORT).toBe(8080);
    expect(config.appUrl).toBe('https://app.example.ma');
    expect(config.secureCookies).toBe(true);
    expect(config.SEED_DEMO).toBe(false);
  });

  it('names every bad variable in one message and hides passwords', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://root:s3cret@db/x', REDIS_URL: 'localhost:6379' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/PORT must be a whole number/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL must be a postgres/);
    expect(problems.join('\n')).toMatch(/REDIS_URL must be a redis/);
    expect((error as Error).message).not.toContain('s3cret');
  });
});
