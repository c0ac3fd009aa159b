import { HttpStatus } from '@nestjs/common';
import busboy from 'busboy';
import type { Request } from 'express';
import type { Readable } from 'node:stream';
import { AppError } from '../../common/app-error';

export interface MultipartFile {
  /** The name the sender gave (untrusted: sanitise before storing or showing it). */
  fileName: string;
  /** The Content-Type the sender declared (untrusted: never used to decide a type). */
  declaredType: string;
  /** The file's bytes as they arrive; consume it to its end or let the handler throw. */
  stream: Readable;
}

export interface MultipartOptions<T> {
  /** The form field files come in; files in other fields are skipped. */
  fileField: string;
  maxFiles: number;
  /** Text fields accepted, and bytes per text field. */
  maxFields?: number;
  maxFieldBytes?: number;
  /** Called for each file in order, while it streams in (the next file waits). */
  onFile: (file: MultipartFile) => Promise<T>;
}

export interface MultipartResult<T> {
  files: T[];
  fields: Record<string, string>;
}

/**
 * Reads a multipart/form-data request as a stream (busboy): each file is handed to `onFile` while it
 * arrives, so nothing is buffered whole and a size limit applied by the handler refuses a file as soon as
 * it is crossed. On the first failure the rest of the request is drained unread and the promise rejects:
 * the error answer goes out at once, and the caller removes what its handler already stored.
 */
export function readMultipart<T>(req: Request, options: MultipartOptions<T>): Promise<MultipartResult<T>> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: {
          files: options.maxFiles,
          fields: options.maxFields ?? 20,
          fieldSize: options.maxFieldBytes ?? 4096,
          parts: options.maxFiles + (options.maxFields ?? 20),
          headerPairs: 50,
        },
      });
    } catch {
      reject(new AppError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'multipart_required'));
      return;
    }
    const fields: Record<string, string> = {};
    const results: T[] = [];
    let chain: Promise<void> = Promise.resolve();
    let failed = false;

    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      req.unpipe(parser);
      // Drained, not buffered: the answer can be read by a client that is still sending.
      req.resume();
      reject(error);
    };

    parser.on('file', (field, stream, info) => {
      if (failed || field !== options.fileField) {
        stream.resume();
        return;
      }
      const file: MultipartFile = { fileName: info.filename ?? '', declaredType: info.mimeType, stream };
      chain = chain.then(async () => {
        if (failed) {
          stream.resume();
          return;
        }
        try {
          results.push(await options.onFile(file));
        } catch (error) {
          stream.resume();
          fail(error);
        }
      });
    });
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated)
        fail(
          new AppError(HttpStatus.BAD_REQUEST, 'invalid_request', {
            [name]: { code: 'too_long', hint: String(options.maxFieldBytes ?? 4096) },
          }),
        );
      else if (name !== options.fileField) fields[name] = value;
    });
    parser.on('filesLimit', () =>
      fail(new AppError(HttpStatus.PAYLOAD_TOO_LARGE, 'too_many_files', undefined, String(options.maxFiles))),
    );
    parser.on('fieldsLimit', () => fail(new AppError(HttpStatus.BAD_REQUEST, 'invalid_request')));
    parser.on('partsLimit', () => fail(new AppError(HttpStatus.BAD_REQUEST, 'invalid_request')));
    parser.on('error', () => fail(new AppError(HttpStatus.BAD_REQUEST, 'multipart_malformed')));
    parser.on('close', () => {
      void chain.then(() => {
        if (!failed) resolve({ files: results, fields });
      });
    });
    req.on('aborted', () => fail(new AppError(HttpStatus.BAD_REQUEST, 'multipart_malformed')));
    req.pipe(parser);
  });
}
