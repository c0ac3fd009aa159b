import { inject, signal, type Signal } from '@angular/core';
import type { AbstractControl, FormGroup } from '@angular/forms';
import type { ApiError } from '@passerelle/api-types';
import { I18n } from '@passerelle/web-util-i18n';
import { applyServerErrors, fieldErrorText } from './form-errors';

export interface FormSubmit<F extends FormGroup> {
  /** True while the action runs: the progress bar shows and another submit does nothing. */
  readonly pending: Signal<boolean>;
  /** The last failure's message that no field took, for the alert above the form. */
  readonly error: Signal<string | null>;
  /** The message under a field for its first error (client-side checks or the server's). */
  readonly errorOf: (field: keyof F['controls'] & string) => string;
  /**
   * Sends the form: nothing while a send is pending; an invalid form shows its fields' errors instead;
   * otherwise runs `action`, and a failure's field errors land on their fields, the rest in `error`.
   */
  submit(action: () => Promise<unknown>): Promise<void>;
}

/**
 * The submit cycle every form page repeats (sign-in, sign-up, the pages opened from an e-mail link, the
 * account page…). `describe` turns a failure into the API error to show — or null when the page already
 * showed it some other way (a link that went bad turns the page to its "not valid" state). Call in an
 * injection context (a field initializer).
 *
 * ```ts
 * protected readonly submission = formSubmit(this.form, (error) => describeError(error, this.i18n));
 * protected send() { return this.submission.submit(() => this.store.login(this.form.getRawValue())); }
 * ```
 */
export function formSubmit<F extends FormGroup>(
  form: F,
  describe: (error: unknown) => ApiError | null,
): FormSubmit<F> {
  const i18n = inject(I18n);
  const pending = signal(false);
  const error = signal<string | null>(null);
  const controls = form.controls as Record<string, AbstractControl>;
  return {
    pending: pending.asReadonly(),
    error: error.asReadonly(),
    errorOf: (field) => fieldErrorText(controls[field], i18n),
    async submit(action) {
      if (pending()) return;
      error.set(null);
      if (form.invalid) {
        form.markAllAsTouched();
        return;
      }
      pending.set(true);
      try {
        await action();
      } catch (failure) {
        const apiError = describe(failure);
        if (apiError) error.set(applyServerErrors(form, apiError));
      } finally {
        pending.set(false);
      }
    },
  };
}
