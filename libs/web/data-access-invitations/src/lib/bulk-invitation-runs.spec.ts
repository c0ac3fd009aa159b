import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { BulkProgress } from '@passerelle/api-types';
import { BULK_POLL_MS, BulkInvitationRuns } from './bulk-invitation-runs';

const progress = (overrides: Partial<BulkProgress>): BulkProgress => ({
  id: 'run-1',
  total: 30,
  queued: 30,
  sent: 0,
  failed: 0,
  skipped: 0,
  done: false,
  createdAt: '2026-11-30T10:00:00.000Z',
  skippedClients: [],
  ...overrides,
});

/** Lets the promise chains behind a flushed response run (the store awaits, then updates its signals). */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('BulkInvitationRuns', () => {
  let runs: BulkInvitationRuns;
  let http: HttpTestingController;

  beforeEach(() => {
    vi.useFakeTimers();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    runs = TestBed.inject(BulkInvitationRuns);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    runs.stop();
    http.verify();
    vi.useRealTimers();
  });

  it('starts a run and follows its counts until it is done', async () => {
    const started = runs.start({ clientIds: ['a', 'b'] });
    const post = http.expectOne('/api/invitations/bulk');
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({ clientIds: ['a', 'b'] });
    post.flush({ id: 'run-1' });
    await settle();
    http.expectOne('/api/invitations/bulk/run-1').flush(progress({}));
    await started;
    expect(runs.running().map((run) => run.id)).toEqual(['run-1']);

    await vi.advanceTimersByTimeAsync(BULK_POLL_MS);
    http.expectOne('/api/invitations/bulk/run-1').flush(progress({ queued: 12, sent: 18 }));
    await settle();
    expect(runs.runs()[0]).toMatchObject({ sent: 18, queued: 12, done: false });
    expect(runs.finished()).toBe(0);

    await vi.advanceTimersByTimeAsync(BULK_POLL_MS);
    http.expectOne('/api/invitations/bulk/run-1').flush(progress({ queued: 0, sent: 30, done: true }));
    await settle();
    expect(runs.runs()[0]).toMatchObject({ sent: 30, done: true });
    expect(runs.running()).toEqual([]);
    expect(runs.finished()).toBe(1);

    await vi.advanceTimersByTimeAsync(BULK_POLL_MS * 3);
    http.expectNone('/api/invitations/bulk/run-1');
  });

  it('picks up the runs still going when a page opens again', async () => {
    const resumed = runs.resume();
    http
      .expectOne('/api/invitations/bulk')
      .flush([progress({ id: 'old', done: true, queued: 0, sent: 30 }), progress({ id: 'live', sent: 3 })]);
    await resumed;
    expect(runs.runs().map((run) => run.id)).toEqual(['live']);
    await vi.advanceTimersByTimeAsync(BULK_POLL_MS);
    http.expectOne('/api/invitations/bulk/live').flush(progress({ id: 'live', sent: 9 }));
    await settle();
    expect(runs.runs()[0].sent).toBe(9);
  });
});
