import type { Messages } from './messages';
import type { fr } from './fr';

/** English messages: same shape as `fr` — the compiler rejects a missing or extra key. */
export const en: Messages<typeof fr> = {
  app: {
    name: 'Passerelle',
  },
  lang: {
    label: 'Language',
    fr: 'Français',
    en: 'English',
  },
  errors: {
    network: 'The server is not responding. Check your connection and try again.',
    unexpected: 'Something went wrong. Please try again.',
  },
  auth: {
    fields: {
      firmName: 'Firm name',
      name: 'Your name',
      email: 'E-mail address',
      password: 'Password',
    },
    validation: {
      required: 'This field is required.',
      email: 'The e-mail address is not valid.',
      passwordLength: 'The password must be at least {min} characters long.',
    },
    passwordHint: 'At least {min} characters.',
    showPassword: 'Show password',
    hidePassword: 'Hide password',
    login: {
      title: 'Sign in',
      subtitle: 'Access your firm’s workspace.',
      submit: 'Sign in',
      noAccount: 'No account yet?',
      goSignup: 'Create a firm account',
    },
    signup: {
      title: 'Create your firm',
      subtitle: 'Register your accounting firm and become its administrator.',
      submit: 'Create account',
      haveAccount: 'Already have an account?',
      goLogin: 'Sign in',
    },
  },
  nav: {
    label: 'Main navigation',
    dashboard: 'Dashboard',
    clients: 'Clients',
    imports: 'Imports',
    invitations: 'Invitations',
    settings: 'Settings',
  },
  shell: {
    toggleNav: 'Show or hide navigation',
    userMenu: 'User menu',
    logout: 'Sign out',
    firm: 'Firm',
  },
  dashboard: {
    welcome: 'Hello, {name}',
    emptyTitle: 'No clients yet',
    emptyText:
      'Your firm has no clients yet. Client management is coming soon: you will create, import and invite them from Passerelle.',
  },
  comingSoon: {
    clients: 'Your client list is coming soon.',
    imports: 'Importing clients from an Excel or CSV file is coming soon.',
    invitations: 'Tracking your clients’ invitations is coming soon.',
    settings: 'Firm settings are coming soon.',
  },
};
