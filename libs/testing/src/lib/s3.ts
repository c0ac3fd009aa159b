import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// s3rver ships no types; this is the part the tests use.
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
};

/**
 * A real S3-protocol server in the test process (s3rver, files in a temporary folder), as TestSmtpServer
 * plays SMTP: the S3 storage backend is tested against the same protocol it meets in production.
 */
export class TestS3Server {
  readonly bucket = 'passerelle-test';
  private readonly directory = mkdtempSync(join(tmpdir(), 'passerelle-s3-'));
  private readonly server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: this.directory,
    configureBuckets: [{ name: this.bucket, configs: [] }],
    allowMismatchedSignatures: false,
  });

  /** Starts it; returns an S3_URL with s3rver's default credentials. */
  async start(): Promise<string> {
    const { port } = await this.server.run();
    return `http://S3RVER:S3RVER@127.0.0.1:${port}/${this.bucket}`;
  }

  async stop(): Promise<void> {
    await this.server.close();
    rmSync(this.directory, { recursive: true, force: true });
  }
}
