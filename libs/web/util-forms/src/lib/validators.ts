import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { isRepeatedCharacter, PASSWORD_MIN_LENGTH } from '@passerelle/domain-client';
import { normalizeEmail } from '@passerelle/domain-validators';

/**
 * An e-mail address by the domain rule the API applies (libs/domain/validators normalizeEmail), not
 * Angular's Validators.email, which accepts `salma@atlas`. Empty is left to Validators.required.
 */
export const emailAddress: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const value: unknown = control.value;
  if (typeof value !== 'string' || value.trim() === '') return null;
  return normalizeEmail(value).ok ? null : { email: true };
};

/**
 * A new password by the rules shared with the API: long enough, not one repeated character. (The API also
 * refuses passwords from a common-password list; its message lands on the field.)
 */
export const newPassword: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const value: unknown = control.value;
  if (typeof value !== 'string' || value === '') return null;
  if ([...value].length < PASSWORD_MIN_LENGTH) return { passwordLength: { min: PASSWORD_MIN_LENGTH } };
  if (isRepeatedCharacter(value)) return { passwordRepeated: true };
  return null;
};

export { PASSWORD_MIN_LENGTH };
