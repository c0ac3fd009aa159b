import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The Node.js flags the API and the worker run with — package.json's `config.nodeFlags`, as `npm start` and
 * `npm run start:worker` pass them — then BENCH_API_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
 */
export function apiNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as {
    config?: { nodeFlags?: string };
  };
  return [pkg.config?.nodeFlags ?? '', process.env['BENCH_API_NODE_ARGS'] ?? '']
    .join(' ')
    .split(' ')
    .filter(Boolean);
}
