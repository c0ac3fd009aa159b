import { HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { isErrorCode, type ErrorCode } from '@passerelle/domain-client';
import { AppError, FieldProblem } from './app-error';
import { labelOf } from './labels';

const CONSTRAINT_CODES: Record<string, ErrorCode> = {
  isDefined: 'required',
  isNotEmpty: 'required',
  isEmail: 'invalid_email',
  maxLength: 'too_long',
  minLength: 'too_short',
  isIn: 'invalid_value',
  whitelistValidation: 'invalid_value',
  min: 'out_of_range',
  max: 'out_of_range',
  arrayMaxSize: 'out_of_range',
  matches: 'invalid_format',
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
    if (first) {
      // A custom constraint may be named after its domain code (password_too_common…).
      const code = CONSTRAINT_CODES[first] ?? (isErrorCode(first) ? first : 'invalid_value');
      const problem: FieldProblem = { code };
      const label = labelOf(error.target, error.property);
      if (label) problem.label = label;
      const limit = limitOf(error, first);
      if (limit) problem.hint = limit;
      fields[key] = problem;
    }
    Object.assign(fields, toFieldProblems(error.children ?? [], `${key}.`));
  }
  return fields;
}

/** The bound a failing length or range rule names (class-validator puts it in its default message). */
function limitOf(error: ValidationError, constraint: string): string | undefined {
  const bound = /(-?\d+)/.exec(error.constraints?.[constraint] ?? '')?.[1];
  if (bound === undefined) return undefined;
  if (constraint === 'maxLength' || constraint === 'minLength') return bound;
  if (constraint === 'max' || constraint === 'arrayMaxSize') return `≤ ${bound}`;
  if (constraint === 'min') return `≥ ${bound}`;
  return undefined;
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    // The target names the DTO, whose @Label names the field in messages; values are never echoed.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) =>
      new AppError(HttpStatus.BAD_REQUEST, 'invalid_request', toFieldProblems(errors)),
  });
}
