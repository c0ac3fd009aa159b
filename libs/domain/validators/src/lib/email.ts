import isEmail from 'validator/lib/isEmail';
import isFQDN from 'validator/lib/isFQDN';
import type { IsEmailOptions } from 'validator/lib/isEmail';
import { CellInput, Check, fail, ok } from './cell';
import { isPlaceholder } from './text';

/**
 * validator.js options: a bare address (no display name), ASCII local part (invitations go through ordinary
 * SMTP, without SMTPUTF8), a real TLD, no IP-literal domain, RFC length limits.
 */
export const EMAIL_OPTIONS: Readonly<IsEmailOptions> = Object.freeze({
  allow_display_name: false,
  require_display_name: false,
  allow_utf8_local_part: false,
  require_tld: true,
  allow_ip_domain: false,
  ignore_max_length: false,
  domain_specific_validation: false,
  // quoted local parts ("john doe"@x.ma) are valid RFC 5322 but in a spreadsheet they are a CSV accident
  blacklisted_chars: '"',
});

const FQDN_OPTIONS = { require_tld: true, ignore_max_length: false, allow_underscores: false };
const ATOM = "[a-z\\d!#$%&'*+\\-/=?^_`{|}~]+";
const DOT_ATOM_LOCAL_PART = new RegExp(`^${ATOM}(?:\\.${ATOM})*$`, 'i');

// Character classes for the one-pass scan of everyday addresses.
const ATEXT = 1; // allowed in a dot-atom local part (RFC 5322 atext)
const DOMAIN_CHAR = 2; // letter, digit or hyphen
const CHAR_CLASSES = new Uint8Array(128);
for (const c of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-') {
  CHAR_CLASSES[c.charCodeAt(0)] = ATEXT | DOMAIN_CHAR;
}
for (const c of "!#$%&'*+/=?^_`{|}~") CHAR_CLASSES[c.charCodeAt(0)] |= ATEXT;

/**
 * Position of the '@' of an everyday address — dot-atom local part of at most 64 characters, a single '@',
 * a domain of ASCII letters, digits, hyphens and dots, 254 characters in all — or -1 for anything else.
 */
function simpleAddressAt(text: string): number {
  const length = text.length;
  if (length > 254) return -1;
  let at = -1;
  let previousDot = true; // a leading dot is not allowed
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e) {
      if (at < 0 && previousDot) return -1;
      previousDot = true;
    } else if (c === 0x40) {
      if (at >= 0 || previousDot || i > 64) return -1;
      at = i;
    } else if (c < 128 && (CHAR_CLASSES[c] & (at < 0 ? ATEXT : DOMAIN_CHAR)) !== 0) {
      previousDot = false;
    } else return -1;
  }
  return at;
}

interface DomainInfo {
  lowerCase: string;
  /** isFQDN with isEmail's options: what isEmail decides about the domain */
  valid: boolean;
  suggestion: string | undefined;
}
const domains = new Map<string, DomainInfo>();

/** What isEmail and the typo check say about an ASCII domain; remembered, as domains repeat across rows. */
function domainInfo(domain: string): DomainInfo {
  let info = domains.get(domain);
  if (!info) {
    const lowerCase = domain.toLowerCase();
    info = { lowerCase, valid: isFQDN(lowerCase, FQDN_OPTIONS), suggestion: suggestDomain(lowerCase) };
    if (domains.size >= 10_000) domains.clear();
    domains.set(domain, info);
  }
  return info;
}

/**
 * Exactly `isEmail(address, EMAIL_OPTIONS)`, faster: isEmail spends most of its time re-merging options and
 * measuring byte lengths; for the usual dot-atom local part (ASCII, so bytes = characters) the answer is
 * the length limits plus the domain's FQDN verdict, which repeats across rows and is remembered. Anything
 * unusual goes to isEmail itself. A property test keeps the two equal.
 */
export function isStrictEmail(address: string): boolean {
  const at = address.lastIndexOf('@');
  if (at > 0 && address.length <= 254 && at <= 64 && DOT_ATOM_LOCAL_PART.test(address.slice(0, at))) {
    return domainInfo(address.slice(at + 1)).valid;
  }
  // a copy: validator's option merge writes its defaults into the object it is given
  return isEmail(address, { ...EMAIL_OPTIONS });
}

const PRINTABLE_ASCII = /^[!-~]+$/;
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const MAILTO = /^mailto:/i;
const LIST_SEPARATORS = /[\s,;]+/;
const EDGE_SEPARATORS = /^[,;\s]+|[,;\s]+$/g;
const WHITESPACE = /\s/;
const NON_ASCII = /[\u0080-\uffff]/;
const URL_SYNTAX = /[/?#:@[\]\\%\s]/;

const punycodeDomains = new Map<string, string | null>();

/** A domain with international characters in its ASCII (punycode) form, as browsers and Node compute it. */
function asciiDomain(domain: string): string | null {
  if (!NON_ASCII.test(domain)) return domain.toLowerCase();
  let ascii = punycodeDomains.get(domain);
  if (ascii === undefined) {
    ascii = null;
    if (!URL_SYNTAX.test(domain)) {
      try {
        const host = new URL(`http://${domain}`).hostname;
        if (!NON_ASCII.test(host)) ascii = host;
      } catch {
        // not a host name
      }
    }
    if (punycodeDomains.size >= 1_000) punycodeDomains.clear();
    punycodeDomains.set(domain, ascii);
  }
  return ascii;
}

/**
 * An e-mail address as it will be stored: invisible characters, surrounding spaces and a `mailto:` prefix
 * removed, domain lower-cased and converted to punycode, local part kept as typed; then validator.js
 * isEmail with EMAIL_OPTIONS. Several addresses in one cell are `multiple_emails`. A likely typo of a
 * common provider (gmail.con, hotmial.com) passes with a `possible_email_typo` warning whose hint is the
 * suggested address.
 */
export function normalizeEmail(input: CellInput): Check<string> {
  if (typeof input !== 'string')
    return input === null || input === undefined ? fail('required') : fail('invalid_email');
  const simpleAt = simpleAddressAt(input);
  if (simpleAt > 0) {
    const domain = input.slice(simpleAt + 1);
    const info = domainInfo(domain);
    if (!info.valid) return fail('invalid_email');
    const address = info.lowerCase === domain ? input : input.slice(0, simpleAt + 1) + info.lowerCase;
    return withSuggestion(address, simpleAt, info.suggestion);
  }
  if (isPlaceholder(input)) return fail('required');
  let text = input;
  if (!PRINTABLE_ASCII.test(text)) {
    text = text.replace(INVISIBLE, '').trim();
    if (!text) return fail('required');
  }
  if (MAILTO.test(text)) text = text.slice(7).split('?')[0];
  if (
    text.indexOf('@') !== text.lastIndexOf('@') ||
    WHITESPACE.test(text) ||
    text.includes(',') ||
    text.includes(';')
  ) {
    text = text.replace(EDGE_SEPARATORS, '');
    const parts = text.split(LIST_SEPARATORS);
    let addresses = 0;
    for (const part of parts) if (part.includes('@')) addresses++;
    if (addresses > 1) return fail('multiple_emails');
    if (parts.length > 1) return fail('invalid_email');
  }
  const at = text.lastIndexOf('@');
  // '@' in the local part or quotes: isEmail (with '"' blacklisted) would refuse them too
  if (at <= 0 || text.indexOf('@') !== at || text.includes('"')) return fail('invalid_email');
  const domain = asciiDomain(text.slice(at + 1));
  if (domain === null) return fail('invalid_email');
  const address = `${text.slice(0, at)}@${domain}`;
  if (!isStrictEmail(address)) return fail('invalid_email');
  return withSuggestion(address, at, suggestDomain(domain));
}

function withSuggestion(address: string, at: number, suggestion: string | undefined): Check<string> {
  return suggestion
    ? ok(address, [{ code: 'possible_email_typo', hint: `${address.slice(0, at)}@${suggestion}` }])
    : ok(address);
}

/** Providers whose misspellings are worth a warning; short or generic names (live, free, orange) are not. */
const COMMON_DOMAINS = [
  'gmail.com',
  'googlemail.com',
  'hotmail.com',
  'hotmail.fr',
  'outlook.com',
  'outlook.fr',
  'yahoo.com',
  'yahoo.fr',
  'icloud.com',
  'wanadoo.fr',
  'laposte.net',
  'protonmail.com',
  'menara.ma',
];
/** Real domains one edit away from a common one: never flagged. */
const LEGITIMATE_NEIGHBOURS = [
  'mail.com',
  'email.com',
  'ymail.com',
  'gmx.com',
  'hotmail.co.uk',
  'yahoo.co.uk',
];
/** Frequent mistakes further than one edit away. */
const KNOWN_TYPOS: Readonly<Record<string, string>> = {
  'gmail.fr': 'gmail.com',
  'gmail.ma': 'gmail.com',
  'gmial.fr': 'gmail.com',
  'hotmail.ma': 'hotmail.com',
};
/** Top-level domains that do not exist but are one keystroke from .com / .fr / .ma. */
const TLD_TYPOS: Readonly<Record<string, string>> = {
  con: 'com',
  cmo: 'com',
  ocm: 'com',
  vom: 'com',
  xom: 'com',
  comm: 'com',
  frr: 'fr',
  fe: 'fr',
  mma: 'ma',
};
const DOMAIN_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789.-';

let typoTable: Map<string, string> | undefined;

/** Every domain one insertion, deletion, substitution or adjacent swap away from a common domain. */
function buildTypoTable(): Map<string, string> {
  const table = new Map<string, string>();
  const clashes = new Set<string>();
  const exact = new Set([...COMMON_DOMAINS, ...LEGITIMATE_NEIGHBOURS]);
  const add = (variant: string, target: string) => {
    if (exact.has(variant) || clashes.has(variant)) return;
    const previous = table.get(variant);
    if (previous && previous !== target) {
      table.delete(variant);
      clashes.add(variant);
    } else table.set(variant, target);
  };
  for (const domain of COMMON_DOMAINS) {
    for (let i = 0; i <= domain.length; i++) {
      if (i < domain.length) add(domain.slice(0, i) + domain.slice(i + 1), domain);
      if (i < domain.length - 1)
        add(domain.slice(0, i) + domain[i + 1] + domain[i] + domain.slice(i + 2), domain);
      for (const c of DOMAIN_ALPHABET) {
        add(domain.slice(0, i) + c + domain.slice(i), domain);
        if (i < domain.length && c !== domain[i]) add(domain.slice(0, i) + c + domain.slice(i + 1), domain);
      }
    }
  }
  for (const [typo, domain] of Object.entries(KNOWN_TYPOS)) table.set(typo, domain);
  return table;
}

/** The domain the user probably meant, or undefined when the domain looks deliberate. */
export function suggestDomain(domain: string): string | undefined {
  typoTable ??= buildTypoTable();
  const known = typoTable.get(domain);
  if (known) return known;
  const dot = domain.lastIndexOf('.');
  const tld = TLD_TYPOS[domain.slice(dot + 1)];
  return tld ? `${domain.slice(0, dot + 1)}${tld}` : undefined;
}
