import { HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError, FieldProblem } from './app-error';

const CONSTRAINT_CODES: Record<string, string> = {
  isDefined: 'required',
  isNotEmpty: 'required',
  isEmail: 'invalid_email',
  maxLength: 'too_long',
  minLength: 'too_short',
  isIn: 'invalid_value',
  whitelistValidation: 'invalid_value',
};

/** Which failing rule names the problem when several do: a missing value first, then a wrong type. */
const PRIORITY = ['isDefined', 'isNotEmpty', 'isString', 'isBoolean', 'isInt', 'isUUID', 'isIn', 'isEmail'];

/** class-validator failures become per-field stable codes (the most telling failing rule of each field). */
export function toFieldProblems(errors: ValidationError[], prefix = ''): Record<string, FieldProblem> {
  const fields: Record<string, FieldProblem> = {};
  for (const error of errors) {
    const key = prefix + error.property;
    const constraints = Object.keys(error.constraints ?? {});
    const first = PRIORITY.find((name) => constraints.includes(name)) ?? constraints[0];
    if (first) fields[key] = { code: CONSTRAINT_CODES[first] ?? 'invalid_value' };
    Object.assign(fields, toFieldProblems(error.children ?? [], `${key}.`));
  }
  return fields;
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) =>
      new AppError(HttpStatus.BAD_REQUEST, 'invalid_request', toFieldProblems(errors)),
  });
}
