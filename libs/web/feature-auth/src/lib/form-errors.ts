// The form-error helpers live in web-util-forms (the invitation page uses them too).
export { applyServerErrors, fieldErrorText, PASSWORD_MIN_LENGTH } from '@passerelle/web-util-forms';
