import { Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';
import { withTimeout } from '../common/with-timeout';

type ThrottlerRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

const REDIS_TIMEOUT_MS = 1000;

/**
 * Rate-limit counters shared by every API process through Redis (when REDIS_URL is set), so N instances
 * enforce one limit, not N. If Redis does not answer within a second the counter falls back to this
 * process's memory for that request: a Redis outage must not lock everyone out of signing in.
 */
@Injectable()
export class SharedThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');
  private readonly local = new ThrottlerStorageService();
  private readonly redis?: ThrottlerStorageRedisService;
  private readonly prefix: string;

  constructor(config: AppConfig) {
    this.prefix = `${config.QUEUE_PREFIX}:throttle:`;
    if (config.REDIS_URL) {
      const client = new Redis(config.REDIS_URL, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        lazyConnect: false,
      });
      client.on('error', (error: Error) => this.logger.debug(`Redis: ${error.message}`));
      this.redis = new ThrottlerStorageRedisService(client);
    }
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerRecord> {
    if (this.redis) {
      try {
        return await withTimeout(
          this.redis.increment(this.prefix + key, ttl, limit, blockDuration, throttlerName),
          REDIS_TIMEOUT_MS,
        );
      } catch (error) {
        this.logger.warn(
          `Shared rate-limit counter unavailable, using this process's: ${(error as Error).message}`,
        );
      }
    }
    return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
  }

  onApplicationShutdown(): void {
    this.local.onApplicationShutdown();
    this.redis?.redis.disconnect();
  }
}

/** Provides the storage as a provider, so its Redis connection is closed at shutdown. */
@Module({ providers: [SharedThrottlerStorage], exports: [SharedThrottlerStorage] })
export class ThrottlerStorageModule {}
