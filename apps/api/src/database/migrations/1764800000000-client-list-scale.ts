import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Client lists at SaaS scale (issue 15): a 100,000-client firm inside a database of 2,000,000 clients over 200
 * firms. Every choice below was measured with EXPLAIN (ANALYZE, BUFFERS) on that generated database
 * (`npm run bench:clients -- --firms 200 --total 2000000`, PostgreSQL 15, 2 shared cores); figures in README
 * (Operations → Search).
 *
 * 1. The firm is in the trigram index path: GIN (firm_id, search_text gin_trgm_ops), firm_id through btree_gin.
 *    The former GIN (search_text) spanned every firm: "cedre" found 333,334 rows in 200 firms, and the bitmap
 *    heap scan read 58,107 pages to keep the firm's 16,495 (233 ms). GIN intersects the firm's posting list with
 *    the trigrams' inside the index: 63 index pages, 2,782 heap pages (the firm's own), 22 ms. Hash partitions of
 *    client_search by firm were rejected: a partition still holds several firms (a common term is found in all
 *    of them), the primary key and the upserts would have to carry firm_id, and each query pays for pruning —
 *    for a result the composite index gives exactly. With no trigram in the term (one or two characters) the
 *    index still narrows to the firm's posting list.
 * 2. Totals are counted up to a limit and reported as "more than" beyond it (10,000; 1,000 with a search term;
 *    further on deeper pages: apps/api/src/app/clients/list-total.ts). An exact count(*) of a 100,000-client firm
 *    read 4,732 pages (67 ms) on every page view; the capped one stops after 10,001 rows (10 ms).
 *    client_search_page() now counts up to the limit first; when the matches fit, it sorts them (at most the
 *    limit) and returns the page, in one call. When they do not, it returns only the capped count and the API
 *    reads the page in sort order from the client table's own indexes (led by the firm), the term as a filter:
 *    a term common enough to pass the limit usually fills a page after a few hundred index entries, where
 *    sorting every match costs more with every match (but see README: matches that all sort late make the walk
 *    long). So client_search needs no per-sort index (each would cost every import and every status change).
 *    Deep pages are read from the previous page's last key (keyset cursor) instead of an OFFSET: page 200 of
 *    "cedre" by name read 21,700 index entries with OFFSET 4,975, 25 from the cursor.
 * 3. Sorting by last change had no index (a top-N sort of the firm's 100,000 rows: 71–87 ms):
 *    client (firm_id, updated_at, id), read backwards for newest first. The archived clients (a few percent)
 *    were found by reading every client of the firm (54 ms for 1,031 of 100,000): a partial index holds only
 *    them, in name order, and costs nothing to imports (their clients are not archived).
 * 4. client_search's foreign key to client is replaced by a delete trigger: its rows are derived (written only
 *    by the trigger and client_search_fill_batch() from existing clients), and the per-row referential check —
 *    a key-share lock on the client row just inserted — was a sixth of an import's search fill. Backend CPU
 *    time of a 100,000-row import into the 2,000,000-client database (medians of 4 alternating rounds, same
 *    database): search fill 3.9 → 3.2 s, client rows 7.5 → 8.5 s (the updated_at index; rounds of one schema
 *    varied by ±1 s), in all 11.3 → 11.7 s.
 *
 * `CREATE INDEX IF NOT EXISTS`: on a large live database, build the three new indexes beforehand with
 * CREATE INDEX CONCURRENTLY under the same names (on 2,000,000 clients: GIN 27 s, the b-trees 1–3 s each);
 * the migration then only drops the old one.
 */
export class ClientListScale1764800000000 implements MigrationInterface {
  name = 'ClientListScale1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);
    await q.query(
      `CREATE INDEX IF NOT EXISTS client_search_firm_trgm_idx ON client_search USING gin (firm_id, search_text gin_trgm_ops)`,
    );
    await q.query(`DROP INDEX IF EXISTS client_search_trgm_idx`);
    await q.query(`CREATE INDEX IF NOT EXISTS client_firm_updated_idx ON client (firm_id, updated_at, id)`);
    await q.query(
      `CREATE INDEX IF NOT EXISTS client_firm_archived_idx ON client (firm_id, name_sort, id) WHERE archived_at IS NOT NULL`,
    );

    await q.query(`ALTER TABLE client_search DROP CONSTRAINT IF EXISTS client_search_client_id_fkey`);
    await q.query(`
      CREATE FUNCTION client_search_forget() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = public, pg_temp AS $$
      BEGIN
        DELETE FROM client_search WHERE client_id = OLD.id;
        RETURN OLD;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION client_search_forget() FROM PUBLIC`);
    await q.query(`
      CREATE TRIGGER client_search_forget AFTER DELETE ON client
      FOR EACH ROW EXECUTE FUNCTION client_search_forget()`);

    await q.query(`DROP FUNCTION ${OLD_SIGNATURE}`);
    // `count_limit`: the matches are counted up to count_limit + 1. When they fit, the page is returned with
    // the exact total (and, past the last page, one row with a NULL client_id carries the total). When they do
    // not, only that row is returned, with total = count_limit + 1: the caller reads the page elsewhere.
    // The firm is read once and bound as a value, so each call is planned for the actual firm (its share of
    // the index statistics) and the term. Sort expressions and the country rank map as in client-sort-keys.
    await q.query(CLIENT_SEARCH_PAGE_V2);
    await q.query(`REVOKE ALL ON FUNCTION ${NEW_SIGNATURE} FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ${NEW_SIGNATURE} TO passerelle_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION ${NEW_SIGNATURE}`);
    await q.query(`
      CREATE FUNCTION client_search_page(pattern text, statuses text[], countries text[], share boolean,
                                         software uuid, archived boolean, sort text, descending boolean,
                                         page_limit int, page_offset int, ranks text[])
      RETURNS TABLE (client_id uuid, total bigint) LANGUAGE plpgsql STABLE SECURITY DEFINER
      SET search_path = public, pg_temp AS $$
      DECLARE
        sort_expression text := CASE sort WHEN 'name' THEN 's.name_key' WHEN 'city' THEN 's.city_key'
          WHEN 'country' THEN
            'get_byte($10, least(675, greatest(0, (ascii(s.country) - 65) * 26 + ascii(substr(s.country, 2, 1)) - 65)))'
          WHEN 'status' THEN 'array_position($9, s.status::text)'
          WHEN 'createdAt' THEN 's.created_at' WHEN 'updatedAt' THEN 's.updated_at' END;
        direction text := CASE WHEN descending THEN 'DESC' ELSE 'ASC' END;
        country_ranks bytea := decode(repeat('ff', 676), 'hex');
      BEGIN
        IF sort_expression IS NULL THEN RAISE EXCEPTION 'unknown sort %', sort; END IF;
        IF sort = 'country' THEN
          FOR i IN 1 .. least(254, coalesce(array_length(ranks, 1), 0)) LOOP
            IF ranks[i] ~ '^[A-Z]{2}$' THEN
              country_ranks := set_byte(country_ranks,
                (ascii(ranks[i]) - 65) * 26 + ascii(substr(ranks[i], 2, 1)) - 65, i);
            END IF;
          END LOOP;
        END IF;
        RETURN QUERY EXECUTE format(
          'SELECT s.client_id, count(*) OVER () FROM client_search s
            WHERE s.firm_id = app_current_firm() AND s.search_text LIKE $1 AND s.archived = $6
              AND ($2 IS NULL OR s.status = ANY ($2)) AND ($3 IS NULL OR s.country = ANY ($3))
              AND ($4 IS NULL OR s.share_documents = $4) AND ($5 IS NULL OR s.accounting_software_id = $5)
            ORDER BY %s %s, s.name_key %s, s.client_id %s LIMIT $7 OFFSET $8',
          sort_expression, direction, direction, direction)
        USING pattern, statuses, countries, share, software, archived, page_limit, page_offset, ranks,
              country_ranks;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION ${OLD_SIGNATURE} FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ${OLD_SIGNATURE} TO passerelle_app`);

    await q.query(`DROP TRIGGER client_search_forget ON client`);
    await q.query(`DROP FUNCTION client_search_forget()`);
    await q.query(
      `DELETE FROM client_search s WHERE NOT EXISTS (SELECT 1 FROM client c WHERE c.id = s.client_id)`,
    );
    await q.query(`
      ALTER TABLE client_search ADD CONSTRAINT client_search_client_id_fkey
        FOREIGN KEY (client_id) REFERENCES client(id) ON DELETE CASCADE`);
    await q.query(`DROP INDEX IF EXISTS client_firm_updated_idx, client_firm_archived_idx`);
    await q.query(
      `CREATE INDEX IF NOT EXISTS client_search_trgm_idx ON client_search USING gin (search_text gin_trgm_ops)`,
    );
    await q.query(`DROP INDEX IF EXISTS client_search_firm_trgm_idx`);
  }
}

const OLD_SIGNATURE = `client_search_page(text, text[], text[], boolean, uuid, boolean, text, boolean, int, int, text[])`;
const NEW_SIGNATURE = `client_search_page(text, text[], text[], boolean, uuid, boolean, text, boolean, int, int, text[], int)`;

/** client_search_page() as this migration defines it (also what the next version's down() restores). */
export const CLIENT_SEARCH_PAGE_V2 = `
      CREATE FUNCTION client_search_page(pattern text, statuses text[], countries text[], share boolean,
                                         software uuid, archived boolean, sort text, descending boolean,
                                         page_limit int, page_offset int, ranks text[], count_limit int)
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
        -- for the name, city, country and status sorts, by id alone for the dates — or pages by number and
        -- pages by cursor would disagree on which client comes next.
        tie_break text := CASE WHEN sort IN ('createdAt', 'updatedAt') THEN '' ELSE 's.name_key ' || direction || ', ' END;
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
        RETURN QUERY EXECUTE format(
          'WITH m AS MATERIALIZED (
             SELECT s.client_id, s.name_key, s.city_key, s.country, s.status, s.created_at, s.updated_at
               FROM client_search s
              WHERE s.firm_id = $11 AND s.search_text LIKE $1 AND s.archived = $6
                AND ($2 IS NULL OR s.status = ANY ($2)) AND ($3 IS NULL OR s.country = ANY ($3))
                AND ($4 IS NULL OR s.share_documents = $4) AND ($5 IS NULL OR s.accounting_software_id = $5)
              LIMIT $12 + 1),
           n AS (SELECT count(*) AS total FROM m),
           p AS (SELECT s.* FROM m s WHERE (SELECT n.total FROM n) <= $12
                  ORDER BY %1$s %2$s, %3$s s.client_id %2$s LIMIT $7 OFFSET $8)
           SELECT s.client_id, n.total FROM n LEFT JOIN p s ON true
            ORDER BY %1$s %2$s, %3$s s.client_id %2$s',
          sort_expression, direction, tie_break)
        USING pattern, statuses, countries, share, software, archived, page_limit, page_offset, ranks,
              country_ranks, firm, count_limit;
      END $$`;
