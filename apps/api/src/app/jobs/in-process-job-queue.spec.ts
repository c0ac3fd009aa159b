import { InProcessJobQueue } from './in-process-job-queue';
import { JobRegistry } from './job-queue';

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
});
