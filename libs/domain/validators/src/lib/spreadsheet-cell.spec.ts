import { csvField, csvRow, neutralizeFormula } from './spreadsheet-cell';

describe('spreadsheet cells', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+33 6 12', `'+33 6 12`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tcmd', `'\tcmd`],
    ['\rcmd', `'\rcmd`],
  ])('neutralises %j', (input, expected) => {
    expect(neutralizeFormula(input)).toBe(expected);
  });

  it('leaves ordinary text alone', () => {
    expect(neutralizeFormula('Facture 2026-11 = payée')).toBe('Facture 2026-11 = payée');
    expect(neutralizeFormula('')).toBe('');
  });

  it('quotes separators, quotes and line breaks, after neutralising', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('a;b')).toBe('a;b');
  });

  it('writes numbers as they are (a negative amount is not text typed by someone)', () => {
    expect(csvRow(['x', -12, null, undefined, 3.5])).toBe('x,-12,,,3.5');
  });
});
