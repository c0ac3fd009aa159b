export { emailAddress, newPassword, PASSWORD_MIN_LENGTH } from './lib/validators';
export { applyServerErrors, fieldErrorText } from './lib/form-errors';
