import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');

/** A TCP port nobody listens on right now (127.0.0.1). */
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

/**
 * A child process the test started and alone may stop — by its PID, never by name. Its output is kept so a
 * test can wait for a line; it is killed (SIGKILL) if still running when `stop` times out.
 */
export class TestProcess {
  output = '';
  private child?: ChildProcess;
  private exited?: Promise<number | null>;

  constructor(
    private readonly command: string,
    private readonly args: readonly string[],
    private readonly env: Record<string, string>,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the process; resolves once its output matches `readyLine` (rejects if it exits or times out). */
  async start(readyLine: RegExp, timeoutMs = 60_000): Promise<void> {
    this.output = '';
    const child = spawn(this.command, this.args, {
      cwd: ROOT,
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: process.env['HOME'] ?? '/tmp',
        NO_COLOR: '1',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = new Promise((ok) => child.once('exit', (code) => ok(code)));
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    const deadline = Date.now() + timeoutMs;
    while (!readyLine.test(this.output)) {
      if (!this.running) throw new Error(`${this.command} exited (${child.exitCode}):\n${this.output}`);
      if (Date.now() > deadline) {
        await this.kill('SIGKILL');
        throw new Error(`${this.command} not ready after ${timeoutMs} ms:\n${this.output}`);
      }
      await new Promise((ok) => setTimeout(ok, 50));
    }
  }

  /** Sends `signal` to this process (by PID) and waits for it to exit. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (!this.child || !this.running) return;
    process.kill(this.child.pid as number, signal);
    await this.exited;
  }

  /** SIGTERM, then SIGKILL after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.child || !this.running) return;
    const timer = setTimeout(() => {
      if (this.running) process.kill(this.child?.pid as number, 'SIGKILL');
    }, graceMs);
    process.kill(this.child.pid as number, 'SIGTERM');
    await this.exited;
    clearTimeout(timer);
  }
}

/**
 * A throwaway redis-server on a free loopback port, without persistence: stopping it loses every job, as a
 * crashed Redis without AOF would. Started and stopped by PID.
 */
export class ScratchRedis {
  private process?: TestProcess;
  private port?: number;

  get url(): string {
    if (!this.port) throw new Error('ScratchRedis not started');
    return `redis://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.process?.pid;
  }

  async start(): Promise<string> {
    this.port ??= await freePort();
    this.process = new TestProcess(
      process.env['REDIS_SERVER'] ?? 'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {},
    );
    await this.process.start(/Ready to accept connections/, 20_000);
    return this.url;
  }

  /** Stops it by PID (SIGKILL: no chance to save anything). */
  async stop(): Promise<void> {
    await this.process?.kill('SIGKILL');
  }

  /** Starts it again on the same port, empty. */
  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }
}

/**
 * The API's queue worker run from its TypeScript sources (apps/api/src/worker.ts, compiled on the fly by
 * @swc-node/register): integration tests can start, kill and restart a real worker process without a build.
 */
export function apiWorkerProcess(env: Record<string, string>): TestProcess {
  return new TestProcess(
    process.execPath,
    ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register', 'apps/api/src/worker.ts'],
    {
      SWC_NODE_PROJECT: 'apps/api/tsconfig.app.json',
      TS_NODE_PROJECT: 'tsconfig.base.json',
      ...env,
    },
  );
}
