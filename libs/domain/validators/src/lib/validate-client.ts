import {
  ClientDraft,
  FIELD_MAX_LENGTH,
  FieldError,
  FieldKey,
  INVITATION_EMAIL_LANGUAGES,
  Warning,
} from '@passerelle/domain-client';
import { CellInput, Check, RawClientRow, cellNumber, cellText, fail, ok } from './cell';
import { resolveCountry } from './country';
import { normalizeEmail } from './email';
import { normalizeIban, normalizeIce, normalizeTaxId } from './identifiers';
import { resolveLanguage } from './language';
import { cleanText, isInvisible, isPlaceholder, isSpace } from './text';

export interface ClientValidation {
  /** present exactly when `errors` is empty */
  value?: ClientDraft;
  errors: FieldError[];
  warnings: Warning[];
}

/**
 * An empty cell: null, undefined, text made only of spaces and invisible characters, or a placeholder people
 * type for "nothing" (N/A, #N/A, néant, aucun, NULL, -, ?: see isPlaceholder).
 */
export function isBlank(input: CellInput): boolean {
  if (input === null || input === undefined) return true;
  if (typeof input !== 'string') return false;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (!isSpace(c) && !isInvisible(c)) return isPlaceholder(input);
  }
  return true;
}

/** Required free text (name, address, city, contact name): cleaned, 1 to `max` characters; N/A is empty. */
export function normalizeText(input: CellInput, max: number): Check<string> {
  const text = cleanText(cellText(input));
  if (!text || isPlaceholder(text)) return fail('required');
  // length in code points, so an Arabic or emoji-free name is not penalised by UTF-16 surrogates
  if (text.length > max && [...text].length > max) return fail('too_long', String(max));
  return ok(text);
}

const MOROCCAN_POSTAL_CODE = /^[0-9]{5}$/;
const POSTAL_CODE = /^[A-Z0-9](?:[A-Z0-9 -]{0,10})[A-Z0-9]$/;
const SPACES = /\s+/g;

/** Postal code: exactly 5 digits in Morocco; elsewhere 2–12 letters, digits, spaces or hyphens (upper-cased). */
export function normalizePostalCode(input: CellInput, country: string | undefined): Check<string> {
  if (typeof input === 'string' && MOROCCAN_POSTAL_CODE.test(input)) return ok(input);
  const n = cellNumber(input);
  if (n !== undefined && (!Number.isInteger(n) || n < 0)) return fail('invalid_format', country);
  const text = cleanText(cellText(input));
  if (!text || isPlaceholder(text)) return fail('required');
  if (country === 'MA') {
    const compact = text.replace(SPACES, '');
    return MOROCCAN_POSTAL_CODE.test(compact) ? ok(compact) : fail('invalid_format', 'MA');
  }
  const upper = text.toUpperCase();
  return POSTAL_CODE.test(upper) ? ok(upper) : fail('invalid_format', country);
}

const TRUE_WORDS = new Set([
  'true',
  'vrai',
  'oui',
  'yes',
  'y',
  'o',
  '1',
  'x',
  'on',
  'si',
  'sí',
  'ja',
  'نعم',
  '✓',
  '✔',
]);
const FALSE_WORDS = new Set(['false', 'faux', 'non', 'no', 'n', '0', 'off', 'nein', 'nee', 'لا', '-']);

const YES: Check<boolean> = Object.freeze({ ok: true, value: true });
const NO: Check<boolean> = Object.freeze({ ok: true, value: false });

/** A yes/no cell: Excel booleans, 1/0, and yes/no words in the product's languages; empty means no. */
export function parseBoolean(input: CellInput): Check<boolean> {
  if (typeof input === 'boolean') return input ? YES : NO;
  const n = cellNumber(input);
  if (n !== undefined) return n === 1 ? YES : n === 0 ? NO : fail('invalid_boolean');
  if (isBlank(input)) return NO;
  const word = cleanText(cellText(input)).toLowerCase();
  if (TRUE_WORDS.has(word)) return YES;
  if (FALSE_WORDS.has(word)) return NO;
  return fail('invalid_boolean');
}

function collect<T>(
  check: Check<T>,
  field: FieldKey,
  errors: FieldError[],
  warnings: Warning[],
): T | undefined {
  if (!check.ok) {
    errors.push(
      check.hint === undefined ? { field, code: check.code } : { field, code: check.code, hint: check.hint },
    );
    return undefined;
  }
  if (check.warnings) for (const warning of check.warnings) warnings.push({ ...warning, field });
  return check.value;
}

/**
 * Validates and normalises one client (a form submission or an import row) with the cross-field rules:
 * ICE and IF required in Morocco and not applicable elsewhere, postal code format by country, contact e-mail
 * and accounting software required when documents are shared, contact language defaulting to the company's.
 * Every field is checked, so one call reports all of a row's errors.
 */
export function validateClient(row: RawClientRow): ClientValidation {
  const errors: FieldError[] = [];
  const warnings: Warning[] = [];

  const name = collect(normalizeText(row.name, FIELD_MAX_LENGTH.name), 'name', errors, warnings);
  const address = collect(normalizeText(row.address, FIELD_MAX_LENGTH.address), 'address', errors, warnings);
  const city = collect(normalizeText(row.city, FIELD_MAX_LENGTH.city), 'city', errors, warnings);
  const country = collect(resolveCountry(row.country), 'country', errors, warnings);
  const postalCode = collect(normalizePostalCode(row.postalCode, country), 'postalCode', errors, warnings);

  let ice: string | null = null;
  let taxId: string | null = null;
  if (country === 'MA' || country === undefined) {
    // Unknown country: still report malformed identifiers, but do not require them.
    if (country === 'MA' || !isBlank(row.ice))
      ice = collect(normalizeIce(row.ice), 'ice', errors, warnings) ?? null;
    if (country === 'MA' || !isBlank(row.taxId))
      taxId = collect(normalizeTaxId(row.taxId), 'taxId', errors, warnings) ?? null;
  } else {
    if (!isBlank(row.ice)) errors.push({ field: 'ice', code: 'not_applicable' });
    if (!isBlank(row.taxId)) errors.push({ field: 'taxId', code: 'not_applicable' });
  }

  const iban = isBlank(row.iban)
    ? null
    : (collect(normalizeIban(row.iban), 'iban', errors, warnings) ?? null);
  const language = collect(resolveLanguage(row.language), 'language', errors, warnings);

  let contactLanguage: string | undefined;
  if (isBlank(row.contactLanguage)) {
    contactLanguage = language;
    if (language)
      warnings.push({ field: 'contactLanguage', code: 'contact_language_defaulted', hint: language });
  } else {
    contactLanguage = collect(resolveLanguage(row.contactLanguage), 'contactLanguage', errors, warnings);
  }
  if (contactLanguage && !(INVITATION_EMAIL_LANGUAGES as readonly string[]).includes(contactLanguage)) {
    warnings.push({ field: 'contactLanguage', code: 'invitation_language_fallback', hint: contactLanguage });
  }

  const contactName = collect(
    normalizeText(row.contactName, FIELD_MAX_LENGTH.contactName),
    'contactName',
    errors,
    warnings,
  );
  const shareDocuments =
    collect(parseBoolean(row.shareDocuments), 'shareDocuments', errors, warnings) ?? false;

  let contactEmail: string | null = null;
  if (!isBlank(row.contactEmail)) {
    contactEmail = collect(normalizeEmail(row.contactEmail), 'contactEmail', errors, warnings) ?? null;
  } else if (shareDocuments) {
    errors.push({ field: 'contactEmail', code: 'required' });
  }

  let accountingSoftwareId: string | null = null;
  if (!isBlank(row.accountingSoftwareId)) {
    accountingSoftwareId =
      collect(
        normalizeText(row.accountingSoftwareId, FIELD_MAX_LENGTH.accountingSoftwareId),
        'accountingSoftwareId',
        errors,
        warnings,
      ) ?? null;
  } else if (shareDocuments) {
    errors.push({ field: 'accountingSoftwareId', code: 'required' });
  }

  if (errors.length > 0) return { errors, warnings };
  return {
    value: {
      name: name as string,
      address: address as string,
      postalCode: postalCode as string,
      city: city as string,
      country: country as string,
      ice,
      taxId,
      iban,
      language: language as string,
      contactName: contactName as string,
      contactLanguage: contactLanguage as string,
      contactEmail,
      shareDocuments,
      accountingSoftwareId,
    },
    errors,
    warnings,
  };
}
