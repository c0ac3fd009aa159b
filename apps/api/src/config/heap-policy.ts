import { setFlagsFromString } from 'node:v8';
import type { AppConfig } from './app-config';

/**
 * V8 collects the old generation when it has grown by a factor of its size after the previous full
 * collection, and for a heap of ~50 MB (this API at rest) that factor lets ~130 MB of garbage pile up: an
 * import's batches (rows read, drafts, query parameters) live across a few database round trips, are
 * promoted, and stay until then. Measured with `npm run bench:import` (100,000 rows, a fresh API, in-process
 * jobs, 2026-11-30): the API's peak RSS while checking 345 → 258 MB and importing 412 → 224 MB, no slower (a
 * full collection of this heap takes 10–40 ms, mostly concurrent); the e-mail worker of `npm run
 * bench:invitations` spends ~5 % more CPU, at the same throughput (the database sets it). The flag is
 * process-wide: the import threads follow it too.
 * Call before the application is built.
 */
export function applyHeapPolicy(config: Pick<AppConfig, 'HEAP_GROWTH_PERCENT'>): void {
  if (config.HEAP_GROWTH_PERCENT > 0)
    setFlagsFromString(`--heap-growing-percent=${config.HEAP_GROWTH_PERCENT}`);
}
