/**
 * Node.js flags for the API (and worker) processes a benchmark starts: BENCH_API_NODE_ARGS, e.g.
 * "--cpu-prof --cpu-prof-dir=/tmp/prof", "--trace-gc" or "--max-semi-space-size=4" (see README, Bulk import).
 * Without it they run as `npm start` runs them.
 */
export function apiNodeFlags(): string[] {
  return (process.env['BENCH_API_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
}
