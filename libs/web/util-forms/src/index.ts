export { emailAddress, newPassword, PASSWORD_MIN_LENGTH } from './lib/validators';
export { applyServerErrors, fieldErrorText } from './lib/form-errors';
export { formSubmit, type FormSubmit } from './lib/form-submit';
