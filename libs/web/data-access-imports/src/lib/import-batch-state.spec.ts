import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Injector, runInInjectionContext } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { ImportBatch } from '@passerelle/api-types';
import { IMPORT_POLL_MS, ImportBatchState } from './import-batch-state';

const batch = (status: ImportBatch['status'], done = 0): ImportBatch =>
  ({ id: 'b1', status, progress: { done, total: 100 } }) as ImportBatch;

describe('ImportBatchState', () => {
  let http: HttpTestingController;
  let state: ImportBatchState;

  beforeEach(() => {
    vi.useFakeTimers();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), ImportBatchState],
    });
    http = TestBed.inject(HttpTestingController);
    state = runInInjectionContext(TestBed.inject(Injector), () => TestBed.inject(ImportBatchState));
  });

  afterEach(() => {
    state.stop();
    vi.useRealTimers();
  });

  it('reads the batch again while the server works on it, and stops once the step is over', async () => {
    const loaded = state.load('b1');
    http.expectOne('/api/imports/b1').flush(batch('checking', 10));
    await loaded;
    expect(state.busy()).toBe(true);
    expect(state.batch()?.progress.done).toBe(10);

    await vi.advanceTimersByTimeAsync(IMPORT_POLL_MS);
    http.expectOne('/api/imports/b1').flush(batch('checking', 60));
    await vi.advanceTimersByTimeAsync(0);
    expect(state.batch()?.progress.done).toBe(60);

    await vi.advanceTimersByTimeAsync(IMPORT_POLL_MS);
    http.expectOne('/api/imports/b1').flush(batch('checked', 100));
    await vi.advanceTimersByTimeAsync(0);
    expect(state.batch()?.status).toBe('checked');
    expect(state.busy()).toBe(false);

    await vi.advanceTimersByTimeAsync(IMPORT_POLL_MS * 3);
    http.expectNone('/api/imports/b1');
  });

  it('takes another request’s answer and keeps the failure of a read', async () => {
    state.set(batch('mapping'));
    expect(state.batch()?.status).toBe('mapping');
    await vi.advanceTimersByTimeAsync(IMPORT_POLL_MS * 2);
    http.expectNone('/api/imports/b1');

    const failed = state.load('b1');
    http
      .expectOne('/api/imports/b1')
      .flush({ code: 'not_found', message: 'Introuvable' }, { status: 404, statusText: 'Not Found' });
    await expect(failed).rejects.toBeTruthy();
    expect(state.error()).toBeTruthy();
  });
});
