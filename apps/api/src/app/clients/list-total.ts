/**
 * Lists count their matches up to a limit and say "more than" beyond it (issue 15): an exact count of a
 * 100,000-client firm reads all its rows on every page view, and nobody needs to know it is 98,969 rather than
 * "more than 10,000" to find a client.
 */
export const COUNT_LIMIT = 10_000;

/**
 * With a search term: counting a match means reading its row to confirm the term (the trigram index only
 * proposes candidates), and past a thousand matches the term is one to refine, not to count. Measured on a
 * 100,000-client firm among 2,000,000 (load average 13): counting "cedre" to 10,001 read 1,682 heap pages
 * (16–18 ms), to 1,001 167 pages (5 ms).
 */
export const SEARCH_COUNT_LIMIT = 1_000;

/**
 * How far a page's total is counted: the first multiple of `base` beyond the page's last row, so a capped total
 * is always larger than what the pages so far have shown and "next page" stays possible (page 400 of 25 counts
 * up to 20,000). Deep pages count further, as they already read that far.
 */
export function countLimit(offset: number, pageSize: number, base = COUNT_LIMIT): number {
  return base * (Math.floor((offset + pageSize) / base) + 1);
}
