import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../../..');
export const ARTIFACTS = join(ROOT, 'test-results', 'web-e2e');

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

/** One process of the built product (dist/apps/api/<entry>.js), its output kept for assertions. */
export class ProductProcess {
  output = '';
  private child?: ChildProcess;
  private exited?: Promise<number | null>;

  constructor(
    private readonly entry: 'main' | 'worker',
    private readonly env: Record<string, string>,
  ) {}

  async start(readyLine: RegExp, timeoutMs = 60_000): Promise<void> {
    const script = join(ROOT, 'dist', 'apps', 'api', `${this.entry}.js`);
    if (!existsSync(script))
      throw new Error(`${script} is missing: build first (npx nx run-many -t build -p api web)`);
    // Only the variables given here: a stray DATABASE_URL in the caller's environment must not leak in.
    const env: Record<string, string> = {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '/tmp',
      NO_COLOR: '1',
      ...this.env,
    };
    this.child = spawn(process.execPath, [script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const child = this.child;
    this.exited = new Promise((ok) => child.once('exit', (code) => ok(code)));
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    const deadline = Date.now() + timeoutMs;
    while (!readyLine.test(this.output)) {
      if (child.exitCode !== null)
        throw new Error(`${this.entry} exited (${child.exitCode}):\n${this.output}`);
      if (Date.now() > deadline)
        throw new Error(`${this.entry} not ready after ${timeoutMs} ms:\n${this.output}`);
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }

  /** Resolves once the process has printed a line matching `pattern` (output arrives asynchronously). */
  async waitForOutput(pattern: RegExp, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(this.output)) {
      if (Date.now() > deadline) throw new Error(`${this.entry} never printed ${pattern}:\n${this.output}`);
      await new Promise((ok) => setTimeout(ok, 50));
    }
  }

  async stop(): Promise<void> {
    if (!this.child || this.child.exitCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), 15_000);
    await this.exited;
    clearTimeout(timer);
  }
}

/** The HTTP process, ready when it prints its URL. */
export async function startServer(
  env: Record<string, string>,
): Promise<{ server: ProductProcess; url: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // Every test signs in from 127.0.0.1: keep the per-IP login limit out of the way (tested by the API suite).
  const server = new ProductProcess('main', {
    PORT: String(port),
    APP_URL: url,
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    ...env,
  });
  await server.start(/Passerelle is running at/);
  return { server, url };
}

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}
