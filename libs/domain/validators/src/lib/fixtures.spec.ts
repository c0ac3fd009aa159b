import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ErrorCode } from '@passerelle/domain-client';
import { CellInput, Check } from './cell';
import { resolveCountry } from './country';
import { normalizeEmail } from './email';
import { normalizeIban, normalizeIce, normalizeTaxId, splitRib } from './identifiers';
import { resolveLanguage } from './language';

/**
 * shared/ sits beside the repository in development and in this project's CI, and may gain samples: it wins.
 * Elsewhere (a contributor's fork) the copy committed next to this spec is used.
 */
const REPO_ROOT = resolve(__dirname, '../../../../..');
const SHARED_FIXTURES = resolve(REPO_ROOT, '../shared/fixtures/identifier-examples.json');
const FIXTURES = existsSync(SHARED_FIXTURES)
  ? SHARED_FIXTURES
  : resolve(__dirname, 'fixtures/identifier-examples.json');

interface Vector {
  field: string;
  input: CellInput;
  valid: boolean;
  expected:
    string | { iban: string; rib: string; bank: string; locality: string; account: string; key: string };
  note?: string;
}

const NORMALISERS: Record<string, (input: CellInput) => Check<string>> = {
  ICE: normalizeIce,
  IF: normalizeTaxId,
  RIB: normalizeIban,
  COUNTRY: resolveCountry,
  LANGUAGE: resolveLanguage,
  EMAIL: normalizeEmail,
};

/** The fixture's error kinds (FIELD_KIND) in our stable codes. */
const KINDS: Record<string, ErrorCode> = {
  EMPTY: 'required',
  PRECISION_LOST: 'precision_lost',
  CHECKSUM: 'invalid_checksum',
  KEY: 'invalid_checksum',
  LENGTH: 'invalid_length',
  FORMAT: 'invalid_format',
  LEADING_ZEROS_LOST: 'leading_zeros_lost',
  BANK_CODE: 'invalid_bank_code',
  COUNTRY_UNKNOWN: 'unknown_country',
  COUNTRY_AMBIGUOUS: 'ambiguous_country',
  LANG_UNKNOWN: 'unknown_language',
  LANG_UNSUPPORTED_CODE: 'unsupported_language',
  LANG_AMBIGUOUS: 'ambiguous_language',
  EMAIL_INVALID: 'invalid_email',
  EMAIL_MULTIPLE: 'multiple_emails',
};

function expectedCode(kind: string): ErrorCode {
  if (KINDS[kind]) return KINDS[kind];
  const suffix = Object.keys(KINDS).find((k) => kind.endsWith(`_${k}`));
  if (!suffix) throw new Error(`fixture error kind ${kind} has no mapping: add it to KINDS`);
  return KINDS[suffix];
}

const vectors: Vector[] = JSON.parse(readFileSync(FIXTURES, 'utf8')).vectors;

describe('shared identifier examples', () => {
  it('reads the identifier examples', () => {
    expect(existsSync(FIXTURES)).toBe(true);
    expect(vectors.length).toBeGreaterThan(50);
    expect(new Set(vectors.map((v) => v.field))).toEqual(new Set(Object.keys(NORMALISERS)));
  });

  it.each(vectors.map((v) => [v.field, JSON.stringify(v.input), v.note ?? '', v] as const))(
    '%s %s %s',
    (field, _input, _note, vector) => {
      const result = NORMALISERS[field](vector.input);
      if (vector.valid) {
        const expected = typeof vector.expected === 'string' ? vector.expected : vector.expected.iban;
        expect(result).toMatchObject({ ok: true, value: expected });
        if (typeof vector.expected !== 'string') {
          const { bank, locality, account, key, rib } = vector.expected;
          expect(result.ok && result.value.slice(4)).toBe(rib);
          expect(splitRib(rib)).toEqual({ bank, locality, account, key });
        }
      } else {
        expect(result).toMatchObject({ ok: false, code: expectedCode(vector.expected as string) });
      }
    },
  );
});
