import { InProcessJobQueue } from './in-process-job-queue';
import { JobRegistry } from './job-queue';
import type { AppConfig } from '../../config/app-config';

describe('InProcessJobQueue', () => {
  function setUp() {
    const registry = new JobRegistry();
    const runs: string[] = [];
    registry.register<{ n: string }>({
      jobName: 'test.job',
      handle: async (payload) => {
        runs.push(payload.n);
      },
    });
    return { queue: new InProcessJobQueue(registry), runs };
  }

  it('collapses an id enqueued twice while the first is still pending', async () => {
    const { queue, runs } = setUp();
    await queue.enqueue('test.job', { n: 'first' }, { jobId: 'same' });
    await queue.enqueue('test.job', { n: 'second' }, { jobId: 'same' });
    await queue.drain();
    expect(runs).toEqual(['first']);
  });

  it('forgets an id once its job has finished, so the same id can run again', async () => {
    const { queue, runs } = setUp();
    await queue.enqueue('test.job', { n: 'first' }, { jobId: 'same' });
    await queue.drain();
    await queue.enqueue('test.job', { n: 'again' }, { jobId: 'same' });
    await queue.drain();
    expect(runs).toEqual(['first', 'again']);
  });

  it('runs at most WORKER_CONCURRENCY jobs at once, and all of them in the end', async () => {
    const registry = new JobRegistry();
    let running = 0;
    let peak = 0;
    let done = 0;
    registry.register<Record<string, never>>({
      jobName: 'test.slow',
      handle: async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        done++;
      },
    });
    const queue = new InProcessJobQueue(registry, { WORKER_CONCURRENCY: 3 } as AppConfig);
    await queue.enqueueMany(
      'test.slow',
      Array.from({ length: 20 }, (_, i) => ({ payload: {}, options: { jobId: `slow-${i}` } })),
    );
    await queue.drain();
    expect(done).toBe(20);
    expect(peak).toBe(3);
  });

  it('runs a delayed job no earlier than asked', async () => {
    const { queue, runs } = setUp();
    const started = Date.now();
    await queue.enqueue('test.job', { n: 'later' }, { delayMs: 60 });
    await queue.enqueue('test.job', { n: 'now' });
    await queue.drain();
    expect(runs).toEqual(['now', 'later']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });
});
