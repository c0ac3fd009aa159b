import { HttpErrorResponse } from '@angular/common/http';
import type { ApiError } from '@passerelle/api-types';

/** Codes this client gives to failures that carry no API error body. */
export const NETWORK_ERROR = 'network_error';
export const UNEXPECTED_ERROR = 'unexpected_error';

export function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<ApiError>;
  return typeof candidate.code === 'string' && typeof candidate.message === 'string';
}

/**
 * Turns whatever HttpClient threw into the API's error shape. The API's own bodies are kept as
 * they are (their messages are already in the user's language); other failures get a client-side
 * code and an empty message, which the caller replaces with a translated one.
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof HttpErrorResponse) {
    if (isApiError(error.error))
      return { ...error.error, statusCode: error.error.statusCode ?? error.status };
    return {
      statusCode: error.status,
      code: error.status === 0 ? NETWORK_ERROR : UNEXPECTED_ERROR,
      message: '',
    };
  }
  if (isApiError(error)) return error;
  return { statusCode: 0, code: UNEXPECTED_ERROR, message: '' };
}
