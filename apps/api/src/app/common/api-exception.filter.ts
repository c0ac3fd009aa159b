import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { formatError, isErrorCode, isFieldKey } from '@passerelle/domain-client';
import { ApiErrorCode, AppError, FieldProblem, messageFor, requestLanguage, UiLang } from './app-error';

export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  fields?: Record<string, { code: string; message: string }>;
}

const STATUS_CODES: Partial<Record<number, ApiErrorCode>> = {
  400: 'invalid_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
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
    let code = 'internal';
    let fields: Record<string, FieldProblem> | undefined;
    if (exception instanceof AppError) {
      status = exception.status;
      code = exception.code;
      fields = exception.fields;
    } else if (exception instanceof ThrottlerException) {
      status = HttpStatus.TOO_MANY_REQUESTS;
      code = 'rate_limited';
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      code = STATUS_CODES[status] ?? (status >= 500 ? 'internal' : 'invalid_request');
    } else if (exception instanceof QueryFailedError && INPUT_ERRORS.has(pgCode(exception))) {
      status = HttpStatus.BAD_REQUEST;
      code = 'invalid_request';
    } else if (isBodyParserError(exception)) {
      status = exception.status;
      code = STATUS_CODES[status] ?? 'invalid_request';
    }
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));

    const body: ApiErrorBody = { statusCode: status, code, message: messageFor(code, lang) };
    if (fields) {
      body.fields = Object.fromEntries(
        Object.entries(fields).map(([key, problem]) => [
          key,
          { code: problem.code, message: problem.message ?? fieldMessage(key, problem, lang) },
        ]),
      );
    }
    res.status(status).json(body);
  }
}

/** Domain codes get the domain catalogue's « Label — message »; the others the API's own messages. */
function fieldMessage(field: string, problem: FieldProblem, lang: UiLang): string {
  if (isErrorCode(problem.code) && isFieldKey(field))
    return formatError(problem.code, lang, field, problem.hint);
  return messageFor(problem.code, lang);
}

/** PostgreSQL refusing a value the request carried (bad encoding, NUL byte): the client's fault, not ours. */
const INPUT_ERRORS = new Set(['22021', '22P05', '22001']);

function pgCode(error: QueryFailedError): string {
  return String((error.driverError as { code?: unknown }).code ?? '');
}

function isBodyParserError(error: unknown): error is { status: number; type: string } {
  return (
    typeof error === 'object' &&
    error !== null &&
    'type' in error &&
    typeof (error as { status?: unknown }).status === 'number'
  );
}
