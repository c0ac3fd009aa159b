import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { attachmentDisposition } from './content-disposition';

/**
 * Streams a stored file as a download: always `attachment` (never rendered inline, whatever it holds), the
 * type sniffed at upload, `nosniff`, and not cached by shared caches. A storage failure half-way cuts the
 * connection (the client sees an incomplete download, never a truncated file presented as whole).
 */
export async function sendAttachment(
  res: Response,
  file: { stream: Readable; fileName: string; contentType: string; size?: number },
): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', file.contentType);
  if (file.size !== undefined) res.setHeader('Content-Length', String(file.size));
  res.setHeader('Content-Disposition', attachmentDisposition(file.fileName));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'private, no-store');
  try {
    await pipeline(file.stream, res);
  } catch {
    res.destroy();
  }
}
