import { QueryFailedError } from 'typeorm';

function driverError(error: unknown): { code?: string; constraint?: string } | undefined {
  return error instanceof QueryFailedError
    ? (error.driverError as { code?: string; constraint?: string })
    : undefined;
}

/** A unique index refused the write: `constraint` narrows it to one index (else any unique violation). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const driver = driverError(error);
  return driver?.code === '23505' && (constraint === undefined || driver.constraint === constraint);
}

/** PostgreSQL refusing a value the request carried (bad encoding, NUL byte, too long): the client's fault. */
export function isDatabaseInputError(error: unknown): boolean {
  return ['22021', '22P05', '22001'].includes(driverError(error)?.code ?? '');
}
