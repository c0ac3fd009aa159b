import {
  CLIENT_STATUSES,
  ERROR_CODES,
  FIELD_KEYS,
  FIELD_LABELS,
  INVITATION_STATUSES,
  LABEL_LANGUAGES,
  MESSAGE_LANGUAGES,
  TEMPLATE_COLUMNS,
  TEMPLATE_FIELD_KEYS,
  WARNING_CODES,
  formatError,
  formatFieldError,
  formatWarning,
  invitationEmailLanguage,
  isClientStatus,
  isErrorCode,
  isFieldKey,
  isInvitationStatus,
} from '../index';

describe('client model', () => {
  it('maps the twelve template fields to the columns A–L in order', () => {
    expect(TEMPLATE_FIELD_KEYS).toHaveLength(12);
    expect(TEMPLATE_FIELD_KEYS.map((k) => TEMPLATE_COLUMNS[k]).join('')).toBe('ABCDEFGHIJKL');
    expect(FIELD_KEYS).toEqual([...TEMPLATE_FIELD_KEYS, 'shareDocuments', 'accountingSoftwareId']);
  });

  it('has a non-empty label for every field in every label language', () => {
    for (const field of FIELD_KEYS) {
      for (const lang of LABEL_LANGUAGES) expect(FIELD_LABELS[field][lang].trim()).not.toBe('');
    }
    expect(FIELD_LABELS.postalCode.fr).toBe('Code postal');
    expect(FIELD_LABELS.contactEmail.fr).toBe('E-mail du contact');
  });

  it('lists the statuses of SPEC §4', () => {
    expect(CLIENT_STATUSES).toEqual([
      'not_invited',
      'invited',
      'active',
      'invitation_failed',
      'invitation_expired',
      'deactivated',
    ]);
    expect(INVITATION_STATUSES).toEqual(['queued', 'sent', 'accepted', 'failed', 'expired', 'revoked']);
    expect(isClientStatus('active')).toBe(true);
    expect(isClientStatus('accepted')).toBe(false);
    expect(isInvitationStatus('revoked')).toBe(true);
    expect(isInvitationStatus(3)).toBe(false);
  });

  it('guards field keys and error codes', () => {
    expect(isFieldKey('taxId')).toBe(true);
    expect(isFieldKey('trn')).toBe(false);
    expect(isErrorCode('precision_lost')).toBe(true);
    expect(isErrorCode('ICE_CHECKSUM')).toBe(false);
  });

  it('falls back to French for invitation e-mails outside fr/en/ar', () => {
    expect(invitationEmailLanguage('ar')).toBe('ar');
    expect(invitationEmailLanguage('es')).toBe('fr');
    expect(invitationEmailLanguage(null)).toBe('fr');
  });
});

describe('messages', () => {
  it('formats the SPEC example', () => {
    expect(formatError('invalid_checksum', 'fr', 'ice')).toBe(
      'ICE — le numéro est invalide (clé de contrôle)',
    );
    expect(formatError('invalid_checksum', 'en', 'ice')).toBe('ICE — the number is invalid (check digits)');
  });

  it('defaults to French and capitalises a message without a field', () => {
    expect(formatError('required')).toBe('Ce champ est obligatoire');
  });

  it('uses the hint as data', () => {
    expect(formatError('too_long', 'fr', 'name', '160')).toBe(
      'Nom client — le texte est trop long (160 caractères au maximum)',
    );
    expect(formatFieldError({ field: 'country', code: 'ambiguous_country', hint: 'CD, CG' }, 'en')).toBe(
      'Country — this name matches several countries: choose Congo - Kinshasa (CD) or Congo - Brazzaville (CG)',
    );
    expect(formatWarning('possible_email_typo', 'en', 'contactEmail', 'a@gmail.com')).toBe(
      'Contact e-mail — check the address: did you mean a@gmail.com?',
    );
  });

  it('says how many digits an identifier has, in words people use', () => {
    expect(formatError('invalid_length', 'fr', 'taxId', '7-8')).toBe(
      'IF — le numéro doit comporter 7 ou 8 chiffres',
    );
    expect(formatError('invalid_length', 'en', 'ice', '15')).toBe('ICE — the number must have 15 digits');
    expect(formatError('invalid_length', 'fr', 'iban', '27')).toBe(
      'IBAN — la longueur est incorrecte (27 caractères attendus)',
    );
  });

  it('has a distinct, non-empty message for every code in every language', () => {
    for (const lang of MESSAGE_LANGUAGES) {
      const errors = ERROR_CODES.map((code) => formatError(code, lang));
      expect(new Set(errors).size).toBe(ERROR_CODES.length);
      const warnings = WARNING_CODES.map((code) => formatWarning(code, lang, 'contactLanguage', 'x'));
      expect(new Set(warnings).size).toBe(WARNING_CODES.length);
      for (const text of [...errors, ...warnings]) expect(text.length).toBeGreaterThan(5);
    }
  });

  it('words field-specific messages', () => {
    expect(formatError('invalid_format', 'fr', 'postalCode', 'MA')).toBe(
      'Code postal — le code postal marocain comporte 5 chiffres',
    );
    expect(formatError('not_applicable', 'en', 'ice')).toBe(
      'ICE — applies to Moroccan companies only: leave empty',
    );
  });
});
