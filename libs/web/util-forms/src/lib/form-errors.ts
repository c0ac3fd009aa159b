import { AbstractControl, FormGroup } from '@angular/forms';
import type { ApiError } from '@passerelle/api-types';
import { I18n } from '@passerelle/web-util-i18n';

/** The message to show under a field for its first error (client-side checks or the server's). */
export function fieldErrorText(control: AbstractControl, i18n: I18n): string {
  const errors = control.errors;
  if (!errors) return '';
  if (typeof errors['server'] === 'string') return errors['server'];
  if (errors['required']) return i18n.t('auth.validation.required');
  if (errors['email']) return i18n.t('auth.validation.email');
  if (errors['passwordLength'])
    return i18n.t('auth.validation.passwordLength', { min: errors['passwordLength'].min });
  if (errors['passwordRepeated']) return i18n.t('auth.validation.passwordRepeated');
  if (errors['maxlength']) return i18n.t('account.tooLong', { max: errors['maxlength'].requiredLength });
  return i18n.t('errors.unexpected');
}

/**
 * Puts the API's field errors on the matching controls (`{ server: message }`, cleared by the next
 * edit) and returns the message for the general error area, or null when every error found its field.
 */
export function applyServerErrors(form: FormGroup, error: ApiError): string | null {
  let placed = false;
  for (const [field, fieldError] of Object.entries(error.fields ?? {})) {
    const control = form.get(field);
    if (!control) continue;
    control.setErrors({ ...control.errors, server: fieldError.message });
    control.markAsTouched();
    placed = true;
  }
  return placed ? null : error.message;
}
