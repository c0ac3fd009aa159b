/**
 * French messages: the source of truth for the UI's keys (French is the default language).
 * Every other language is typed from this object (see `Messages`), so a key added here and
 * forgotten elsewhere is a compile error. Group keys by feature; `{name}` is a parameter.
 */
export const fr = {
  app: {
    name: 'Passerelle',
  },
  lang: {
    label: 'Langue',
    fr: 'Français',
    en: 'English',
  },
  errors: {
    network: 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.',
    unexpected: 'Une erreur inattendue est survenue. Réessayez.',
  },
  auth: {
    fields: {
      firmName: 'Nom du cabinet',
      name: 'Votre nom',
      email: 'Adresse e-mail',
      password: 'Mot de passe',
    },
    validation: {
      required: 'Ce champ est obligatoire.',
      email: "L'adresse e-mail n'est pas valide.",
      passwordLength: 'Le mot de passe doit contenir au moins {min} caractères.',
    },
    passwordHint: 'Au moins {min} caractères.',
    showPassword: 'Afficher le mot de passe',
    hidePassword: 'Masquer le mot de passe',
    login: {
      title: 'Connexion',
      subtitle: 'Accédez à l’espace de votre cabinet.',
      submit: 'Se connecter',
      noAccount: 'Pas encore de compte ?',
      goSignup: 'Créer un compte cabinet',
    },
    signup: {
      title: 'Créer votre cabinet',
      subtitle: 'Inscrivez votre cabinet comptable et devenez son administrateur.',
      submit: 'Créer le compte',
      haveAccount: 'Vous avez déjà un compte ?',
      goLogin: 'Se connecter',
    },
  },
  nav: {
    label: 'Navigation principale',
    dashboard: 'Tableau de bord',
    clients: 'Clients',
    imports: 'Imports',
    invitations: 'Invitations',
    settings: 'Paramètres',
  },
  shell: {
    toggleNav: 'Afficher ou masquer la navigation',
    userMenu: 'Menu utilisateur',
    logout: 'Se déconnecter',
    firm: 'Cabinet',
  },
  dashboard: {
    welcome: 'Bonjour, {name}',
    emptyTitle: 'Aucun client pour le moment',
    emptyText:
      'Votre cabinet n’a pas encore de client. La gestion des clients arrive bientôt : vous pourrez les créer, les importer et les inviter depuis Passerelle.',
  },
  comingSoon: {
    clients: 'La liste de vos clients arrive bientôt.',
    imports: 'L’import de clients depuis un fichier Excel ou CSV arrive bientôt.',
    invitations: 'Le suivi des invitations de vos clients arrive bientôt.',
    settings: 'Les paramètres du cabinet arrivent bientôt.',
  },
};
