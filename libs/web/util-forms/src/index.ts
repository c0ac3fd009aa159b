export { emailAddress, newPassword, PASSWORD_MIN_LENGTH } from './lib/validators';
