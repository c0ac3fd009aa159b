import fc from 'fast-check';
import { isValidIBAN } from 'ibantools';
import { isValidForeignIban, normalizeIban, normalizeIce, normalizeTaxId, splitRib } from './identifiers';
import { mod97 } from './text';

const digitString = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((d) => d.join(''));

/** Appends the two check digits that make the whole number a multiple of 97 (never 00). */
const withCheckDigits = (body: string) => body + String(97 - mod97(`${body}00`)).padStart(2, '0');

const validIce = digitString(13).map(withCheckDigits);
const validRib = digitString(22)
  .filter((body) => !body.startsWith('000'))
  .map(withCheckDigits);

/** Every string one digit substitution or one swap of two different adjacent digits away. */
const mutation = (valid: fc.Arbitrary<string>) =>
  valid.chain((value) =>
    fc.oneof(
      fc
        .tuple(fc.nat(value.length - 1), fc.integer({ min: 1, max: 9 }))
        .map(
          ([i, delta]) => value.slice(0, i) + String((Number(value[i]) + delta) % 10) + value.slice(i + 1),
        ),
      fc
        .nat(value.length - 2)
        .filter((i) => value[i] !== value[i + 1])
        .map((i) => value.slice(0, i) + value[i + 1] + value[i] + value.slice(i + 2)),
    ),
  );

describe('normalizeIce', () => {
  it.each([
    ['001561191000066', '001561191000066'],
    ['001.561.191.000.066', '001561191000066'],
    ['001-561191-0000-66', '001561191000066'],
    ['\u200f001561191000066\u200f', '001561191000066'],
    ['۰۰۱۵۶۱۱۹۱۰۰۰۰۶۶', '001561191000066'],
    ['001\u202f561\u202f191\u202f000\u202f066', '001561191000066'],
  ])('accepts %j as %s', (input, expected) => {
    expect(normalizeIce(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    [null, 'required'],
    [undefined, 'required'],
    ['', 'required'],
    ['   ', 'required'],
    ['ICE001561191000066', 'invalid_format'],
    ['001561191O00066', 'invalid_format'],
    ['001/561/191/000/066', 'invalid_format'],
    ['00156119100006', 'invalid_length'],
    ['0015611910000660', 'invalid_length'],
    ['001561191000067', 'invalid_checksum'],
    ['1.56119E+14', 'precision_lost'],
    ['1,56119100006612E+20', 'precision_lost'],
    [true, 'invalid_format'],
  ])('refuses %j with %s', (input, code) => {
    expect(normalizeIce(input)).toMatchObject({ ok: false, code });
  });

  it('refuses check digits 00 even when the number is a multiple of 97', () => {
    // 97 × 1,000,000,000,000 ends in 00 and is a multiple of 97
    const multiple = String(97 * 1e12).padStart(15, '0');
    expect(Number(multiple) % 97).toBe(0);
    expect(multiple.endsWith('00')).toBe(true);
    expect(normalizeIce(multiple)).toMatchObject({ ok: false, code: 'invalid_checksum' });
  });

  it('refuses an ICE made only of zeros, typed or as a numeric cell', () => {
    expect(normalizeIce('000000000000000')).toEqual({ ok: false, code: 'all_zeros' });
    expect(normalizeIce('000 000 000 000 000')).toEqual({ ok: false, code: 'all_zeros' });
    expect(normalizeIce('٠٠٠٠٠٠٠٠٠٠٠٠٠٠٠')).toEqual({ ok: false, code: 'all_zeros' });
    expect(normalizeIce(0)).toEqual({ ok: false, code: 'all_zeros' });
  });

  it.each(['N/A', '#N/A', 'néant', '-', '?'])('reads the placeholder %j as an empty cell', (input) => {
    expect(normalizeIce(input)).toEqual({ ok: false, code: 'required' });
    expect(normalizeTaxId(input)).toEqual({ ok: false, code: 'required' });
    expect(normalizeIban(input)).toEqual({ ok: false, code: 'required' });
  });

  it('accepts a 15-digit numeric cell as is', () => {
    expect(normalizeIce(123456789000111)).toEqual({ ok: true, value: '123456789000111' });
    expect(normalizeIce({ kind: 'number', value: 123456789000111 })).toEqual({
      ok: true,
      value: '123456789000111',
    });
  });

  it('left-pads a numeric cell that lost its leading zeros, with a warning', () => {
    expect(normalizeIce(1561191000066)).toEqual({
      ok: true,
      value: '001561191000066',
      warnings: [{ code: 'leading_zeros_restored', hint: '001561191000066' }],
    });
  });

  it('never pads text', () => {
    expect(normalizeIce('1561191000066')).toMatchObject({ ok: false, code: 'invalid_length' });
  });

  it('refuses numeric cells that cannot be exact', () => {
    expect(normalizeIce(1561191000066123)).toMatchObject({ ok: false, code: 'precision_lost' });
    expect(normalizeIce(156119100006612000000)).toMatchObject({ ok: false, code: 'precision_lost' });
    expect(normalizeIce(1561191000066.5)).toMatchObject({ ok: false, code: 'precision_lost' });
    expect(normalizeIce(-1561191000066)).toMatchObject({ ok: false, code: 'invalid_format' });
    expect(normalizeIce(Number.NaN)).toMatchObject({ ok: false, code: 'invalid_format' });
  });

  it('reports a wrong check on a padded numeric cell without a warning', () => {
    expect(normalizeIce(1561191000067)).toEqual({ ok: false, code: 'invalid_checksum' });
  });

  it('accepts every generated valid ICE, as text and as a numeric cell', () => {
    fc.assert(
      fc.property(validIce, (ice) => {
        expect(normalizeIce(ice)).toEqual({ ok: true, value: ice });
        expect(normalizeIce(Number(ice))).toMatchObject({ ok: true, value: ice });
      }),
    );
  });

  it('refuses every single-digit change and every swap of two different adjacent digits', () => {
    fc.assert(
      fc.property(mutation(validIce), (wrong) => {
        expect(normalizeIce(wrong)).toMatchObject({ ok: false, code: 'invalid_checksum' });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('normalizeTaxId', () => {
  it.each([
    ['1234567', '1234567'],
    ['12345678', '12345678'],
    ['0123456', '0123456'],
    [' 12 345 678 ', '12345678'],
    ['١٢٣٤٥٦٧', '1234567'],
    [1234567, '1234567'],
    [{ kind: 'number', value: 12345678 } as const, '12345678'],
  ])('accepts %j as %s', (input, expected) => {
    expect(normalizeTaxId(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    [null, 'required'],
    ['', 'required'],
    ['123456', 'invalid_length'],
    ['123456789', 'invalid_length'],
    ['IF 1234567', 'invalid_format'],
    ['1234567A', 'invalid_format'],
    [123456, 'leading_zeros_lost'],
    [12, 'leading_zeros_lost'],
    [123456789, 'invalid_length'],
    [1234567.5, 'invalid_format'],
    ['0000000', 'all_zeros'],
    ['00000000', 'all_zeros'],
    ['000 00 00', 'all_zeros'],
    ['۰۰۰۰۰۰۰', 'all_zeros'],
    ['000000', 'invalid_length'],
  ])('refuses %j with %s', (input, code) => {
    expect(normalizeTaxId(input)).toMatchObject({ ok: false, code });
  });

  it('says a row of zeros is no number at all', () => {
    expect(normalizeTaxId('0000000')).toEqual({ ok: false, code: 'all_zeros' });
  });
});

describe('normalizeIban', () => {
  it.each([
    ['011519000001205000534921', 'MA64011519000001205000534921'],
    ['MA64011519000001205000534921', 'MA64011519000001205000534921'],
    ['ma64 0115 1900 0001 2050 0053 4921', 'MA64011519000001205000534921'],
    ['IBAN : MA64 0115 1900 0001 2050 0053 4921', 'MA64011519000001205000534921'],
    ['RIB: 011 519 0000012050005349 21', 'MA64011519000001205000534921'],
    ['٠١١٥١٩٠٠٠٠٠١٢٠٥٠٠٠٥٣٤٩٢١', 'MA64011519000001205000534921'],
    ['FR76 3000 6000 0112 3456 7890 189', 'FR7630006000011234567890189'],
    ['de89-3704-0044-0532-0130-00', 'DE89370400440532013000'],
    ['GB29 NWBK 6016 1331 9268 19', 'GB29NWBK60161331926819'],
  ])('accepts %j as %s', (input, expected) => {
    expect(normalizeIban(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    [null, 'required'],
    ['  ', 'required'],
    ['MA65011519000001205000534921', 'invalid_checksum'],
    ['011519000001205000534922', 'invalid_checksum'],
    ['000519000001205000534921', 'invalid_bank_code'],
    ['01151900000120500053492', 'invalid_length'],
    ['MA6401151900000120500053492', 'invalid_length'],
    ['MA64O11519000001205000534921', 'invalid_format'],
    ['FR7630006000011234567890188', 'invalid_checksum'],
    ['FR76300060000112345678901', 'invalid_length'],
    ['XX7630006000011234567890189', 'invalid_format'],
    ['US12345678', 'invalid_format'],
    ['FR76#3000', 'invalid_format'],
    ['1.81000780000201E+21', 'precision_lost'],
    [1.81000780000201e21, 'precision_lost'],
    [{ kind: 'number', value: 1810007800002011 } as const, 'precision_lost'],
    [12345, 'invalid_length'],
  ])('refuses %j with %s', (input, code) => {
    expect(normalizeIban(input)).toMatchObject({ ok: false, code });
  });

  it('gives the expected length of a foreign IBAN as hint', () => {
    expect(normalizeIban('FR763000600001123456789018')).toEqual({
      ok: false,
      code: 'invalid_length',
      hint: '27',
    });
    expect(normalizeIban('0115190000012050005349')).toEqual({
      ok: false,
      code: 'invalid_length',
      hint: '24',
    });
  });

  it('splits a RIB into bank, locality, account and key', () => {
    expect(splitRib('011519000001205000534921')).toEqual({
      bank: '011',
      locality: '519',
      account: '0000012050005349',
      key: '21',
    });
  });

  it('accepts every generated valid RIB, bare and as an IBAN', () => {
    fc.assert(
      fc.property(validRib, (rib) => {
        expect(normalizeIban(rib)).toEqual({ ok: true, value: `MA64${rib}` });
        expect(normalizeIban(`MA64${rib}`)).toEqual({ ok: true, value: `MA64${rib}` });
        expect(isValidIBAN(`MA64${rib}`)).toBe(true);
      }),
    );
  });

  it('refuses every single-digit change and every swap of two different adjacent digits of a RIB', () => {
    fc.assert(
      fc.property(mutation(validRib), (wrong) => {
        expect(normalizeIban(wrong).ok).toBe(false);
        expect(normalizeIban(`MA64${wrong}`).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('validates foreign IBANs exactly as ibantools does', () => {
    const countries = [
      'FR',
      'DE',
      'BE',
      'ES',
      'GB',
      'IT',
      'NL',
      'CH',
      'PT',
      'TN',
      'SN',
      'MA',
      'XX',
      'NO',
      'SA',
    ];
    const alphabet = fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''));
    const ibanLike = fc
      .tuple(fc.constantFrom(...countries), fc.array(alphabet, { minLength: 2, maxLength: 32 }))
      .map(([country, rest]) => country + rest.join(''));
    const wellFormed = fc
      .tuple(fc.constantFrom('FR', 'BE', 'ES', 'IT', 'NO', 'DE'), digitString(30))
      .map(([country, digits]) => {
        const bban = digits.slice(0, { FR: 23, BE: 12, ES: 20, IT: 23, NO: 11, DE: 18 }[country]);
        const remainder = mod97(
          bban + String(country.charCodeAt(0) - 55) + String(country.charCodeAt(1) - 55) + '00',
        );
        return `${country}${String(98 - remainder).padStart(2, '0')}${bban}`;
      });
    expect(fc.sample(wellFormed, 100).filter((iban) => isValidIBAN(iban)).length).toBeGreaterThan(10);
    fc.assert(
      fc.property(fc.oneof(ibanLike, wellFormed), (iban) => {
        expect(isValidForeignIban(iban)).toBe(isValidIBAN(iban));
      }),
      { numRuns: 5000 },
    );
  });
});
