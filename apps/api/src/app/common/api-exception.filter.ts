import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { fieldLabel, formatProblem, isFieldKey } from '@passerelle/domain-client';
import { isDatabaseInputError, isUniqueViolation } from '../../database/errors';
import { ApiErrorCode, AppError, FieldProblem, messageFor, requestLanguage, UiLang } from './app-error';

export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  fields?: Record<string, { code: string; message: string }>;
  /** How many more field problems there were than the `fields` shown (never more than MAX_FIELDS). */
  omittedFields?: number;
}

/** An error body never echoes more field problems than this (a body of 60,000 bad keys is not news). */
export const MAX_FIELDS = 50;

const STATUS_CODES: Partial<Record<number, ApiErrorCode>> = {
  400: 'invalid_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/** One place maps every failure to `{ statusCode, code, message, fields }` in the user's language. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { auth?: { language?: string } }>();
    const res = ctx.getResponse<Response>();
    const lang = requestLanguage(req);

    let status: number = HttpStatus.INTERNAL_SERVER_ERROR;
    let code: ApiErrorCode = 'internal';
    let hint: string | undefined;
    let fields: Record<string, FieldProblem> | undefined;
    if (exception instanceof AppError) {
      status = exception.status;
      code = exception.code;
      fields = exception.fields;
      hint = exception.hint;
    } else if (exception instanceof ThrottlerException) {
      status = HttpStatus.TOO_MANY_REQUESTS;
      code = 'rate_limited';
      hint = setStandardRetryAfter(res);
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      code = STATUS_CODES[status] ?? (status >= 500 ? 'internal' : 'invalid_request');
    } else if (exception instanceof QueryFailedError && isDatabaseInputError(exception)) {
      status = HttpStatus.BAD_REQUEST;
      code = 'invalid_request';
    } else if (exception instanceof QueryFailedError && isUniqueViolation(exception)) {
      // A race that a service did not map to a field (two concurrent "first" writes): retrying is the answer.
      status = HttpStatus.CONFLICT;
      code = 'conflict';
    } else if (isBodyParserError(exception)) {
      status = exception.status;
      code = bodyParserCode(exception);
      if (code === 'payload_too_large' && typeof exception.limit === 'number')
        hint = `${Math.floor(exception.limit / 1024)} KB`;
      else if (typeof exception.hint === 'string') hint = exception.hint;
    }
    if (status === HttpStatus.TOO_MANY_REQUESTS) setStandardRetryAfter(res);
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));

    const body: ApiErrorBody = { statusCode: status, code, message: messageFor(code, lang, hint) };
    if (fields) {
      const entries = Object.entries(fields);
      body.fields = Object.fromEntries(
        entries
          .slice(0, MAX_FIELDS)
          .map(([key, problem]) => [key, { code: problem.code, message: fieldMessage(key, problem, lang) }]),
      );
      if (entries.length > MAX_FIELDS) body.omittedFields = entries.length - MAX_FIELDS;
    }
    res.status(status).json(body);
  }
}

/** « Label — message »: the form's own label, or the client record's for its field keys. */
function fieldMessage(key: string, problem: FieldProblem, lang: UiLang): string {
  const clientField = !problem.label && isFieldKey(key) ? key : undefined;
  return formatProblem(problem.code, lang, {
    label: problem.label?.[lang] ?? (clientField ? fieldLabel(clientField, lang) : undefined),
    clientField,
    hint: problem.hint,
  });
}

function bodyParserCode(error: { status: number; type: string }): ApiErrorCode {
  if (error.type === 'encoding.unsupported') return 'unsupported_encoding';
  return STATUS_CODES[error.status] ?? 'invalid_request';
}

/**
 * @nestjs/throttler names its header after the throttler (`Retry-After-auth`); clients and proxies read the
 * standard `Retry-After` (seconds): set it to the longest wait. Returns the seconds, for the message.
 */
function setStandardRetryAfter(res: Response): string | undefined {
  let seconds: number | undefined;
  for (const name of res.getHeaderNames()) {
    if (!name.startsWith('retry-after')) continue;
    const value = Number(res.getHeader(name));
    if (Number.isFinite(value)) seconds = Math.max(seconds ?? 0, value);
  }
  if (seconds === undefined) return undefined;
  res.setHeader('Retry-After', String(seconds));
  return String(seconds);
}

function isBodyParserError(
  error: unknown,
): error is { status: number; type: string; limit?: number; hint?: unknown } {
  return (
    typeof error === 'object' &&
    error !== null &&
    'type' in error &&
    typeof (error as { status?: unknown }).status === 'number'
  );
}
