import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';
import { withTimeout } from '../common/with-timeout';

/**
 * Takes a slot in both one-second windows (all firms, this firm) or none: the counters stay exact when
 * several workers race for the last slot.
 */
const TAKE_SLOT = `
local overall = tonumber(redis.call('GET', KEYS[1]) or '0')
local firm = tonumber(redis.call('GET', KEYS[2]) or '0')
if overall >= tonumber(ARGV[1]) or firm >= tonumber(ARGV[2]) then return 0 end
redis.call('INCR', KEYS[1]) redis.call('PEXPIRE', KEYS[1], 2000)
redis.call('INCR', KEYS[2]) redis.call('PEXPIRE', KEYS[2], 2000)
return 1`;

const REDIS_TIMEOUT_MS = 1000;

/**
 * The sending rate of queued e-mails (invitations, document deliveries, account e-mails):
 * MAIL_RATE_PER_SECOND for all firms together and MAIL_RATE_PER_FIRM_PER_SECOND for one firm, in one-second
 * windows. Counted in Redis when REDIS_URL is set
 * (so every worker shares the limits), else in this process. A sender over the limit waits for the next
 * window. If Redis does not answer, this process's own counters apply: an outage slows nothing down more
 * than the limits themselves.
 */
@Injectable()
export class SendRateLimiter implements OnApplicationShutdown {
  private readonly logger = new Logger('SendRate');
  private readonly redis?: Redis;
  private readonly prefix: string;
  private readonly local = new Map<string, { window: number; count: number }>();

  constructor(private readonly config: AppConfig) {
    this.prefix = `${config.QUEUE_PREFIX}:mail-rate:`;
    if (config.REDIS_URL) {
      this.redis = new Redis(config.REDIS_URL, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        lazyConnect: false,
      });
      this.redis.on('error', (error: Error) => this.logger.debug(`Redis: ${error.message}`));
    }
  }

  /** Resolves once this e-mail may be sent (immediately while under both limits). */
  async acquire(firmId: string): Promise<void> {
    for (;;) {
      const now = Date.now();
      const window = Math.floor(now / 1000);
      if (await this.take(firmId, window)) return;
      // Wait for the next window, spread over its first 50 ms so waiting senders do not all wake at once.
      await sleep((window + 1) * 1000 - now + Math.floor(Math.random() * 50));
    }
  }

  private async take(firmId: string, window: number): Promise<boolean> {
    const overall = this.config.MAIL_RATE_PER_SECOND;
    const perFirm = this.config.MAIL_RATE_PER_FIRM_PER_SECOND;
    if (this.redis?.status === 'ready') {
      try {
        const taken = await withTimeout(
          this.redis.eval(
            TAKE_SLOT,
            2,
            `${this.prefix}all:${window}`,
            `${this.prefix}firm:${firmId}:${window}`,
            overall,
            perFirm,
          ),
          REDIS_TIMEOUT_MS,
        );
        return taken === 1;
      } catch (error) {
        this.logger.warn(
          `Shared sending rate unavailable, using this process's: ${(error as Error).message}`,
        );
      }
    }
    return this.takeLocal(firmId, window, overall, perFirm);
  }

  private takeLocal(firmId: string, window: number, overall: number, perFirm: number): boolean {
    const all = this.counter('all', window);
    const firm = this.counter(`firm:${firmId}`, window);
    if (all.count >= overall || firm.count >= perFirm) return false;
    all.count++;
    firm.count++;
    return true;
  }

  private counter(key: string, window: number): { window: number; count: number } {
    let counter = this.local.get(key);
    if (!counter || counter.window !== window) {
      if (this.local.size > 10_000) this.local.clear(); // old firms' windows: nothing to keep
      counter = { window, count: 0 };
      this.local.set(key, counter);
    }
    return counter;
  }

  onApplicationShutdown(): void {
    this.redis?.disconnect();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
