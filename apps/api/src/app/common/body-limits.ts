import { HttpStatus } from '@nestjs/common';
import { json } from 'express';
import type { RequestHandler } from 'express';

/**
 * JSON bodies are small: a client record is a few KB. Routes that legitimately take more are listed here
 * (the one place to look), each with its own limit; every other route gets DEFAULT_JSON_LIMIT.
 */
export const DEFAULT_JSON_LIMIT = '64kb';
export const JSON_ROUTE_LIMITS: readonly { path: string; limit: string }[] = [
  // { clientIds: [...] } for up to 10,000 clients
  { path: '/api/invitations/bulk', limit: '512kb' },
];

/** Structural caps checked on the raw bytes before JSON.parse, class-transformer or class-validator see them. */
export const MAX_JSON_KEYS = 1000;
export const MAX_JSON_DEPTH = 20;

class JsonShapeError extends Error {
  readonly status = HttpStatus.BAD_REQUEST;
  readonly type = 'entity.verify.failed';
  constructor(readonly hint: string) {
    super(hint);
  }
}

/**
 * One linear scan of the body's bytes (no allocation per key): nesting depth and the number of object keys
 * outside strings. A body of 60,000 keys or 5,000 levels is refused in microseconds per KB, so it never
 * reaches the validation pipe (which would block the event loop for seconds, or overflow its stack).
 */
export function checkJsonShape(buf: Buffer): void {
  let depth = 0;
  let keys = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) throw new JsonShapeError(`depth:${MAX_JSON_DEPTH}`);
    } else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x3a && ++keys > MAX_JSON_KEYS) throw new JsonShapeError(`keys:${MAX_JSON_KEYS}`);
  }
}

function jsonParser(limit: string): RequestHandler {
  // inflate: false — a compressed body is answered 415 unsupported_encoding (never decompressed: no zip bombs)
  return json({ limit, inflate: false, verify: (_req, _res, buf) => checkJsonShape(buf) });
}

/** The JSON parsers in order: route-specific limits first (a parsed body is not parsed again), then the default. */
export function jsonBodyParsers(): { path?: string; handler: RequestHandler }[] {
  return [
    ...JSON_ROUTE_LIMITS.map(({ path, limit }) => ({ path, handler: jsonParser(limit) })),
    { handler: jsonParser(DEFAULT_JSON_LIMIT) },
  ];
}
