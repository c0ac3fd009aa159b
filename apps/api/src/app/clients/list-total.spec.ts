import { COUNT_LIMIT, SEARCH_COUNT_LIMIT, countLimit } from './list-total';

describe('countLimit', () => {
  it('counts to 10,000 on the first pages', () => {
    expect(countLimit(0, 25)).toBe(10_000);
    expect(countLimit(9950, 25)).toBe(10_000);
  });

  it('always counts beyond the last row of the page, so a capped total leaves a next page', () => {
    expect(countLimit(9975, 25)).toBe(20_000); // page 400 ends on row 10,000
    expect(countLimit(9800, 200)).toBe(20_000);
    expect(countLimit(19_999_800, 200)).toBe(20_010_000); // the deepest page the API accepts
    for (const [offset, size] of [
      [0, 1],
      [9999, 1],
      [12_345, 100],
      [39_975, 25],
    ])
      expect(countLimit(offset, size)).toBeGreaterThan(offset + size);
  });

  it('is a multiple of COUNT_LIMIT ("more than 20 000", not "more than 20 025")', () => {
    expect(countLimit(12_345, 100) % COUNT_LIMIT).toBe(0);
  });

  it('counts a search in thousands', () => {
    expect(countLimit(0, 25, SEARCH_COUNT_LIMIT)).toBe(1000);
    expect(countLimit(975, 25, SEARCH_COUNT_LIMIT)).toBe(2000);
    expect(countLimit(4975, 25, SEARCH_COUNT_LIMIT)).toBe(6000);
  });
});
