import { ParseUUIDPipe } from '@nestjs/common';
import { AppError } from './app-error';

/** A path id: a malformed one cannot exist, so it answers 404 like an unknown or another firm's id. */
export function ParseId(): ParseUUIDPipe {
  return new ParseUUIDPipe({ exceptionFactory: () => AppError.notFound() });
}
