import { countrySpecs, getCountrySpecifications, validateIBAN, ValidationErrorsIBAN } from 'ibantools';
import { CellInput, Check, cellNumber, fail, numberToPlainString, ok } from './cell';
import {
  SCIENTIFIC_NOTATION,
  digitValue,
  extractDigits,
  isGroupSeparator,
  isInvisible,
  isPlaceholder,
  mod97,
} from './text';

const ICE_LENGTH = 15;
const RIB_LENGTH = 24;
const MOROCCAN_IBAN_LENGTH = 28;
/** Excel keeps 15 significant digits: any integer at or above 10^15 may have been rounded. */
const EXCEL_EXACT_LIMIT = 1e15;

/**
 * A text cell that is all separators or a placeholder (N/A, néant) counts as empty; one in spreadsheet
 * exponent notation lost digits.
 */
function unreadable(text: string): Check<never> {
  if (SCIENTIFIC_NOTATION.test(text)) return fail('precision_lost');
  if (isPlaceholder(text)) return fail('required');
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isGroupSeparator(c) && !isInvisible(c)) return fail('invalid_format');
  }
  return fail('required');
}

const ALL_ZEROS = /^0+$/;

function checkIceDigits(digits: string): Check<string> {
  if (digits.length !== ICE_LENGTH) return fail('invalid_length', String(ICE_LENGTH));
  // 15 digits stay below 2^53: plain arithmetic is exact.
  const value = Number(digits);
  if (value === 0) return fail('all_zeros');
  if (value % 97 !== 0 || digits.endsWith('00')) return fail('invalid_checksum');
  return ok(digits);
}

/**
 * ICE (Identifiant Commun de l'Entreprise): 15 digits whose value is a multiple of 97, check digits never
 * 00. Spaces, dots and hyphens are removed, Arabic-Indic digits read as digits. A numeric cell with fewer
 * than 15 digits lost its leading zeros: it is left-padded (mod 97 is unchanged) with a
 * `leading_zeros_restored` warning; a numeric cell that cannot be exact (≥ 10^15, fractional) is
 * `precision_lost`. Text is never padded.
 */
export function normalizeIce(input: CellInput): Check<string> {
  if (typeof input === 'string') {
    const digits = extractDigits(input);
    if (digits === null || digits === '') return unreadable(input);
    return checkIceDigits(digits);
  }
  const n = cellNumber(input);
  if (n === undefined)
    return input === null || input === undefined ? fail('required') : fail('invalid_format');
  if (!Number.isFinite(n) || n < 0) return fail('invalid_format');
  if (!Number.isInteger(n) || n >= EXCEL_EXACT_LIMIT) return fail('precision_lost');
  const digits = String(n);
  if (digits.length === ICE_LENGTH) return checkIceDigits(digits);
  const padded = digits.padStart(ICE_LENGTH, '0');
  const checked = checkIceDigits(padded);
  return checked.ok ? ok(padded, [{ code: 'leading_zeros_restored', hint: padded }]) : checked;
}

/**
 * IF (Identifiant Fiscal): 7 or 8 digits, no check digit, separators and Arabic-Indic digits as for the
 * ICE. Never padded: a numeric cell with fewer than 7 digits is `leading_zeros_lost`.
 */
export function normalizeTaxId(input: CellInput): Check<string> {
  let digits: string | null;
  if (typeof input === 'string') {
    digits = extractDigits(input);
    if (digits === null || digits === '') return unreadable(input);
  } else {
    const n = cellNumber(input);
    if (n === undefined)
      return input === null || input === undefined ? fail('required') : fail('invalid_format');
    if (!Number.isFinite(n) || n < 0 || !Number.isInteger(n)) return fail('invalid_format');
    if (n >= EXCEL_EXACT_LIMIT) return fail('precision_lost');
    digits = String(n);
    if (digits.length < 7) return fail('leading_zeros_lost');
  }
  if (digits.length < 7 || digits.length > 8) return fail('invalid_length', '7-8');
  // no check digit to catch it: a row of zeros is what people type when they do not have the number
  if (digits.charCodeAt(0) === 0x30 && ALL_ZEROS.test(digits)) return fail('all_zeros');
  return ok(digits);
}

/** The four parts of a 24-digit Moroccan RIB. */
export interface RibParts {
  bank: string;
  locality: string;
  account: string;
  key: string;
}

export function splitRib(rib: string): RibParts {
  return {
    bank: rib.slice(0, 3),
    locality: rib.slice(3, 6),
    account: rib.slice(6, 22),
    key: rib.slice(22, 24),
  };
}

/** RIB rules on 24 ASCII digits: bank code not 000 (so never all zeros), the whole number a multiple of 97. */
function ribError(rib: string): Check<never> | undefined {
  if (rib.startsWith('000')) return fail('invalid_bank_code');
  if (mod97(rib) !== 0) return fail('invalid_checksum');
  return undefined;
}

const IBAN_PREFIX = /^\s*(?:iban|rib)\s*:?\s*/i;

/** Upper-case letters and ASCII digits without separators; null when another character is present. */
function compactAccount(text: string): string | null {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a)) out += text[i];
    else if (c >= 0x61 && c <= 0x7a) out += String.fromCharCode(c - 0x20);
    else {
      const d = digitValue(c);
      if (d >= 0) out += String.fromCharCode(0x30 + d);
      else if (!isGroupSeparator(c) && !isInvisible(c)) return null;
    }
  }
  return out;
}

const ALL_DIGITS = /^[0-9]+$/;
const COMPACT = /^[A-Z0-9]+$/;
const COUNTRY_SPECS = getCountrySpecifications();

const TWO_DIGITS = /^[0-9]{2}$/;
const bbanFormats = new Map<string, RegExp>();

/**
 * Exactly ibantools' isValidIBAN (its country table, BBAN format and national check functions, and its
 * check-digit rule 98 − (BBAN·CC·00 mod 97)), without rebuilding regular expressions and digit strings on
 * every call. A property test compares the two.
 */
export function isValidForeignIban(iban: string): boolean {
  const country = iban.slice(0, 2);
  const spec = countrySpecs[country];
  if (!spec || !spec.bban_regexp || !spec.chars || spec.chars !== iban.length) return false;
  const checkDigits = iban.slice(2, 4);
  if (!TWO_DIGITS.test(checkDigits)) return false;
  const bban = iban.slice(4);
  let format = bbanFormats.get(country);
  if (!format) bbanFormats.set(country, (format = new RegExp(spec.bban_regexp)));
  if (!format.test(bban)) return false;
  if (spec.bban_validation_func && !spec.bban_validation_func(bban)) return false;
  let remainder = 0;
  const rearranged = `${bban}${country}00`;
  for (let i = 0; i < rearranged.length; i++) {
    const c = rearranged.charCodeAt(i);
    // letters count as two digits: A = 10 … Z = 35
    remainder = c >= 0x41 ? (remainder * 100 + c - 55) % 97 : (remainder * 10 + c - 0x30) % 97;
  }
  return 98 - remainder === Number(checkDigits);
}

function checkForeignIban(iban: string): Check<string> {
  if (isValidForeignIban(iban)) return ok(iban);
  const { errorCodes } = validateIBAN(iban);
  if (errorCodes.includes(ValidationErrorsIBAN.NoIBANCountry)) return fail('invalid_format');
  if (errorCodes.includes(ValidationErrorsIBAN.WrongBBANLength)) {
    const chars = COUNTRY_SPECS[iban.slice(0, 2)]?.chars;
    return fail('invalid_length', chars ? String(chars) : undefined);
  }
  if (errorCodes.includes(ValidationErrorsIBAN.WrongBBANFormat)) return fail('invalid_format');
  if (errorCodes.includes(ValidationErrorsIBAN.ChecksumNotNumber)) return fail('invalid_format');
  return fail('invalid_checksum');
}

/**
 * IBAN of any country (ISO 13616: the country's length and format, mod-97 check digits, via ibantools),
 * stored compact and upper-case. Morocco is stricter than ISO: an MA IBAN is 'MA64' + a 24-digit RIB whose
 * own key is valid and whose bank code is not 000; a bare 24-digit RIB is accepted and becomes 'MA64' + RIB.
 * A numeric cell cannot hold a RIB (Excel keeps 15 digits): from 10^15 up it is `precision_lost`.
 */
export function normalizeIban(input: CellInput): Check<string> {
  let text: string;
  if (typeof input === 'string') {
    text = input;
    const c = text.charCodeAt(0);
    // 'I', 'R', 'i', 'r' or a space: maybe a typed "IBAN:" / "RIB :" prefix
    if ((c === 0x49 || c === 0x52 || c === 0x69 || c === 0x72 || c === 0x20) && IBAN_PREFIX.test(text)) {
      text = text.replace(IBAN_PREFIX, '');
    }
  } else {
    const n = cellNumber(input);
    if (n === undefined)
      return input === null || input === undefined ? fail('required') : fail('invalid_format');
    if (!Number.isFinite(n) || n < 0) return fail('invalid_format');
    if (!Number.isInteger(n) || n >= EXCEL_EXACT_LIMIT) return fail('precision_lost');
    text = numberToPlainString(n);
  }
  const compact = COMPACT.test(text) ? text : compactAccount(text);
  if (compact === null || compact === '') return unreadable(text);

  if (ALL_DIGITS.test(compact)) {
    if (compact.length !== RIB_LENGTH) return fail('invalid_length', String(RIB_LENGTH));
    return ribError(compact) ?? ok(`MA64${compact}`);
  }
  if (compact.length < 5) return fail('invalid_format');
  if (compact.charCodeAt(0) === 0x4d && compact.charCodeAt(1) === 0x41) {
    // 'MA'
    if (compact.length !== MOROCCAN_IBAN_LENGTH) return fail('invalid_length', String(MOROCCAN_IBAN_LENGTH));
    const rib = compact.slice(4);
    if (!ALL_DIGITS.test(compact.slice(2))) return fail('invalid_format');
    const error = ribError(rib);
    if (error) return error;
    // RIB ≡ 0 (mod 97) makes the ISO 13616 check digits 64 and nothing else
    return compact.slice(2, 4) === '64' ? ok(compact) : fail('invalid_checksum');
  }
  return checkForeignIban(compact);
}
