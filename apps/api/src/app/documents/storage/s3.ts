import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import type { S3Location } from '../../../config/app-config';
import { BlobBackend, rechunk } from './storage';

/** S3's smallest multipart part (every part but the last): the most one upload holds in memory. */
export const PART_BYTES = 5 * 1024 * 1024;

/**
 * An S3-compatible bucket (S3_URL), through the AWS SDK v3. A file smaller than one part is one PutObject;
 * a larger one is a multipart upload whose parts are sent as they fill, so memory per upload stays at one
 * part whatever the file's size. Objects are keyed `<prefix><firmId>/<fileId>`.
 */
export class S3BlobBackend extends BlobBackend {
  readonly kind = 's3' as const;
  private readonly client: S3Client;

  constructor(private readonly location: S3Location) {
    super();
    this.client = new S3Client({
      endpoint: location.endpoint,
      region: location.region,
      forcePathStyle: true,
      credentials: location.credentials,
      // Checksums on every request are an AWS extension that several S3-compatible stores reject.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private key(firmId: string, fileId: string): string {
    return `${this.location.prefix}${firmId}/${fileId}`;
  }

  async write(firmId: string, fileId: string, source: AsyncIterable<Buffer>): Promise<void> {
    const Bucket = this.location.bucket;
    const Key = this.key(firmId, fileId);
    const parts = rechunk(source, PART_BYTES)[Symbol.asyncIterator]();
    const first = await parts.next();
    const firstPart = first.done ? Buffer.alloc(0) : first.value;
    const second = first.done ? first : await parts.next();
    if (second.done) {
      await this.client.send(new PutObjectCommand({ Bucket, Key, Body: firstPart }));
      return;
    }
    const { UploadId } = await this.client.send(new CreateMultipartUploadCommand({ Bucket, Key }));
    const done: { ETag: string | undefined; PartNumber: number }[] = [];
    try {
      const upload = async (body: Buffer) => {
        const PartNumber = done.length + 1;
        const { ETag } = await this.client.send(
          new UploadPartCommand({ Bucket, Key, UploadId, PartNumber, Body: body }),
        );
        done.push({ ETag, PartNumber });
      };
      await upload(firstPart);
      await upload(second.value);
      for (let next = await parts.next(); !next.done; next = await parts.next()) await upload(next.value);
      await this.client.send(
        new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts: done } }),
      );
    } catch (error) {
      await this.client
        .send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId }))
        .catch(() => undefined);
      throw error;
    }
  }

  /** Lazy: the GET is sent when the stream is first read (a zip of 100 files opens them one at a time). */
  read(firmId: string, fileId: string): Readable {
    const client = this.client;
    const input = { Bucket: this.location.bucket, Key: this.key(firmId, fileId) };
    async function* body(): AsyncGenerator<Buffer> {
      const { Body } = await client.send(new GetObjectCommand(input));
      for await (const piece of Body as Readable) yield piece as Buffer;
    }
    return Readable.from(body(), { objectMode: false });
  }

  async remove(firmId: string, fileId: string): Promise<void> {
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.location.bucket, Key: this.key(firmId, fileId) }),
    );
  }

  async check(): Promise<boolean> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.location.bucket }));
      return true;
    } catch {
      return false;
    }
  }

  destroy(): void {
    this.client.destroy();
  }
}
