import { HttpStatus } from '@nestjs/common';
import {
  apiErrorMessage,
  isUiLanguage,
  type ApiErrorCode,
  type ErrorCode,
  type UiLanguage,
} from '@passerelle/domain-client';

export type { ApiErrorCode } from '@passerelle/domain-client';
/** The language a message is written in: one of the UI languages (libs/domain/client). */
export type UiLang = UiLanguage;

/** A field's label in every UI language (forms other than the client record declare theirs on the DTO). */
export type FieldLabelText = Readonly<Record<UiLanguage, string>>;

export interface FieldProblem {
  code: ErrorCode;
  /** Language-neutral detail (a limit, candidates, a suggestion…), see libs/domain/client. */
  hint?: string;
  /** The field's label; defaults to the client record's label when the key is a client field. */
  label?: FieldLabelText;
}

/** A failure with its HTTP status and stable code; rendered by ApiExceptionFilter. */
export class AppError extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: ApiErrorCode,
    readonly fields?: Record<string, FieldProblem>,
    /** Completes the request-level message (a limit, a delay): never prose. */
    readonly hint?: string,
  ) {
    super(code);
    this.name = 'AppError';
  }

  static notFound(): AppError {
    return new AppError(HttpStatus.NOT_FOUND, 'not_found');
  }
}

export function messageFor(code: ApiErrorCode, lang: UiLang, hint?: string): string {
  return apiErrorMessage(code, lang, hint);
}

/** The request's language: the signed-in user's choice, else Accept-Language, else French. */
export function requestLanguage(req: {
  auth?: { language?: string };
  headers: Record<string, unknown>;
}): UiLang {
  if (isUiLanguage(req.auth?.language)) return req.auth.language;
  const header = String(req.headers['accept-language'] ?? '');
  const first = header.split(',')[0]?.trim().slice(0, 2).toLowerCase();
  return isUiLanguage(first) ? first : 'fr';
}
