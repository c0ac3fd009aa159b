import { MigrationInterface, QueryRunner } from 'typeorm';
import { CLIENT_SEARCH_PAGE_V2 } from './1764800000000-client-list-scale';

/**
 * client_search_page(), third version (issue 15). Measured on the benchmark's 100,000-client firm among
 * 2,000,000 clients (200 firms), medians of 11 runs as the function's owner:
 *
 * 1. The matches are counted by a window over the capped scan instead of a materialized CTE holding every
 *    column of every match: "cedre" (16,495 matches) sorted by name, counted up to 20,000, 23.8 → 16.6 ms.
 *    The CTE copied seven columns of each match into a tuple store, counted them, then sorted them; the window
 *    buffers only the client and its sort key, and the top-N sort keeps the page.
 *    Past the last page (no row), the total is counted by a second statement — only then, and only when the
 *    page was not the first (an empty first page means no match at all).
 * 2. `trigram`: false for a term of one or two characters, which has no trigram. The trigram index would then
 *    be read whole (every firm's entries: "zq" 2.1 s); the term is instead tested on the firm's rows, which
 *    the firm's part of the same index yields ("zq", no match, 100,000 rows: 32 ms, where the same test on the
 *    client table's rows took 71 ms — client_search rows are a third of the size). `COLLATE "C"` keeps the
 *    LIKE off the index (an index serves only clauses of its own collation); search_text is folded lower-case
 *    letters and digits, so the byte-wise comparison is the same test.
 */
export class ClientSearchPageWindow1765300000000 implements MigrationInterface {
  name = 'ClientSearchPageWindow1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION ${V2_SIGNATURE}`);
    // `count_limit`: the matches are counted up to count_limit + 1. When they fit, the page comes with the exact
    // total; past the last page, one row with a NULL client_id carries it. When they do not fit, the rows carry
    // total = count_limit + 1 and the page is not one (it was sorted from the first count_limit + 1 matches
    // found): the caller reads the page elsewhere.
    // The firm is read once and bound as a value, so each call is planned for the actual firm (its share of
    // the index statistics) and the term. Sort expressions and the country rank map as in client-sort-keys.
    await q.query(`
      CREATE FUNCTION client_search_page(pattern text, statuses text[], countries text[], share boolean,
                                         software uuid, archived boolean, sort text, descending boolean,
                                         page_limit int, page_offset int, ranks text[], count_limit int,
                                         trigram boolean)
      RETURNS TABLE (client_id uuid, total bigint) LANGUAGE plpgsql STABLE SECURITY DEFINER
      SET search_path = public, pg_temp AS $$
      DECLARE
        firm uuid := app_current_firm();
        sort_expression text := CASE sort WHEN 'name' THEN 's.name_key' WHEN 'city' THEN 's.city_key'
          WHEN 'country' THEN
            'get_byte($10, least(675, greatest(0, (ascii(s.country) - 65) * 26 + ascii(substr(s.country, 2, 1)) - 65)))'
          WHEN 'status' THEN 'array_position($9, s.status::text)'
          WHEN 'createdAt' THEN 's.created_at' WHEN 'updatedAt' THEN 's.updated_at' END;
        direction text := CASE WHEN descending THEN 'DESC' ELSE 'ASC' END;
        -- Ties broken exactly as the client table's indexes and the keyset cursor do (list-cursor.ts): by name
        -- for the city, country and status sorts, by id alone for the name and the dates — or pages by number
        -- and pages by cursor would disagree on which client comes next. Only the keys are carried to the sort.
        tie_break boolean := sort IN ('city', 'country', 'status');
        term text := CASE WHEN trigram THEN 's.search_text LIKE $1' ELSE '(s.search_text COLLATE "C") LIKE $1' END;
        matches text;
        country_ranks bytea := decode(repeat('ff', 676), 'hex');
      BEGIN
        IF sort_expression IS NULL THEN RAISE EXCEPTION 'unknown sort %', sort; END IF;
        IF firm IS NULL THEN RETURN; END IF;
        IF sort = 'country' THEN
          FOR i IN 1 .. least(254, coalesce(array_length(ranks, 1), 0)) LOOP
            IF ranks[i] ~ '^[A-Z]{2}$' THEN
              country_ranks := set_byte(country_ranks,
                (ascii(ranks[i]) - 65) * 26 + ascii(substr(ranks[i], 2, 1)) - 65, i);
            END IF;
          END LOOP;
        END IF;
        matches := format(
          'FROM client_search s
            WHERE s.firm_id = $11 AND %s AND s.archived = $6
              AND ($2 IS NULL OR s.status = ANY ($2)) AND ($3 IS NULL OR s.country = ANY ($3))
              AND ($4 IS NULL OR s.share_documents = $4) AND ($5 IS NULL OR s.accounting_software_id = $5)
            LIMIT $12 + 1', term);
        RETURN QUERY EXECUTE format(
          'SELECT m.client_id, m.total
             FROM (SELECT f.*, count(*) OVER () AS total
                     FROM (SELECT s.client_id, %1$s AS sort_value %3$s %4$s) f) m
            ORDER BY m.sort_value %2$s, %5$s m.client_id %2$s LIMIT $7 OFFSET $8',
          sort_expression, direction, CASE WHEN tie_break THEN ', s.name_key' ELSE '' END, matches,
          CASE WHEN tie_break THEN 'm.name_key ' || direction || ',' ELSE '' END)
        USING pattern, statuses, countries, share, software, archived, page_limit, page_offset, ranks,
              country_ranks, firm, count_limit;
        IF NOT FOUND AND page_offset > 0 THEN
          RETURN QUERY EXECUTE format('SELECT NULL::uuid, count(*) FROM (SELECT 1 %s) f', matches)
          USING pattern, statuses, countries, share, software, archived, page_limit, page_offset, ranks,
                country_ranks, firm, count_limit;
        END IF;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION ${V3_SIGNATURE} FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ${V3_SIGNATURE} TO passerelle_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION ${V3_SIGNATURE}`);
    await q.query(CLIENT_SEARCH_PAGE_V2);
    await q.query(`REVOKE ALL ON FUNCTION ${V2_SIGNATURE} FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ${V2_SIGNATURE} TO passerelle_app`);
  }
}

const V2_SIGNATURE = `client_search_page(text, text[], text[], boolean, uuid, boolean, text, boolean, int, int, text[], int)`;
const V3_SIGNATURE = `client_search_page(text, text[], text[], boolean, uuid, boolean, text, boolean, int, int, text[], int, boolean)`;
