import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Client lists sorted the way people read them (issue 8).
 *
 * - Name and city sort on a stored key: accents removed, lower case, œ/æ spelled out, compared byte-wise
 *   (`COLLATE "C"`). "Électricité" then sorts between "Boulangerie" and "Épicerie", "Tétouan" before "Tunis",
 *   on PostgreSQL and on the embedded engine alike, with no dependency on the server's locale or ICU
 *   version (an ICU collation would tie index order to the ICU release: indexes to rebuild on upgrades).
 *   The key is a generated column, so every writer (form, import, SQL) keeps it right.
 * - Country (by its name in the user's language) and status (in lifecycle order) are ranked values: the API
 *   passes their order as an array. Each has an index (firm_id, value, name_sort, id), so a page is read
 *   value by value in rank order (see filterPage in clients.service.ts).
 * - client_search (the search side table) carries the same keys and client_search_page() takes the rank
 *   array, so searching and browsing sort identically.
 */
export class ClientSortKeys1764450000000 implements MigrationInterface {
  name = 'ClientSortKeys1764450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION sort_key(value text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT replace(replace(lower(regexp_replace(normalize(value, NFD), '[\\u0300-\\u036f]', '', 'g')),
                               'œ', 'oe'), 'æ', 'ae') COLLATE "C"
      $$`);
    await q.query(
      `ALTER TABLE client ADD COLUMN name_sort text COLLATE "C" GENERATED ALWAYS AS (sort_key(name)) STORED`,
    );
    await q.query(
      `ALTER TABLE client ADD COLUMN city_sort text COLLATE "C" GENERATED ALWAYS AS (sort_key(city)) STORED`,
    );
    await q.query(`DROP INDEX client_firm_name_idx`);
    await q.query(`DROP INDEX client_firm_status_idx`);
    await q.query(`DROP INDEX client_firm_country_idx`);
    await q.query(`CREATE INDEX client_firm_name_idx ON client (firm_id, name_sort, id)`);
    await q.query(`CREATE INDEX client_firm_city_idx ON client (firm_id, city_sort, name_sort, id)`);
    await q.query(`CREATE INDEX client_firm_status_idx ON client (firm_id, status, name_sort, id)`);
    await q.query(`CREATE INDEX client_firm_country_idx ON client (firm_id, country, name_sort, id)`);

    await q.query(`ALTER TABLE client_search ALTER COLUMN name_key TYPE text COLLATE "C"`);
    await q.query(`ALTER TABLE client_search ALTER COLUMN city_key TYPE text COLLATE "C"`);
    await q.query(`
      UPDATE client_search s SET name_key = c.name_sort, city_key = c.city_sort
        FROM client c WHERE c.id = s.client_id`);
    // AFTER trigger: NEW already carries the generated sort keys.
    await q.query(`
      CREATE OR REPLACE FUNCTION client_search_sync() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = public, pg_temp AS $$
      BEGIN
        INSERT INTO client_search (client_id, firm_id, search_text, name_key, city_key, country, status,
                                   share_documents, accounting_software_id, archived, created_at, updated_at)
        VALUES (NEW.id, NEW.firm_id, NEW.search_text, NEW.name_sort, NEW.city_sort, NEW.country, NEW.status,
                NEW.share_documents, NEW.accounting_software_id, NEW.archived_at IS NOT NULL, NEW.created_at,
                NEW.updated_at)
        ON CONFLICT (client_id) DO UPDATE SET
          search_text = EXCLUDED.search_text, name_key = EXCLUDED.name_key, city_key = EXCLUDED.city_key,
          country = EXCLUDED.country, status = EXCLUDED.status, share_documents = EXCLUDED.share_documents,
          accounting_software_id = EXCLUDED.accounting_software_id, archived = EXCLUDED.archived,
          updated_at = EXCLUDED.updated_at;
        RETURN NEW;
      END $$`);

    await q.query(
      `DROP FUNCTION client_search_page(text, text[], text[], boolean, uuid, boolean, text, boolean, int, int)`,
    );
    // `ranks`: the order of the values for sort = country or status (ignored otherwise). Ties and the other
    // sorts continue on the name key, then the id, so page boundaries are stable. A country's rank is read
    // from a 676-byte map (one byte per possible two-letter code, built once per call from `ranks`):
    // array_position over ~250 codes for each matching row cost 20+ ms on 16,000 matches, the map ~0.
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
    const signature = `client_search_page(text, text[], text[], boolean, uuid, boolean, text, boolean, int, int, text[])`;
    await q.query(`REVOKE ALL ON FUNCTION ${signature} FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ${signature} TO passerelle_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP FUNCTION client_search_page(text, text[], text[], boolean, uuid, boolean, text, boolean, int, int, text[])`,
    );
    await q.query(`
      CREATE FUNCTION client_search_page(pattern text, statuses text[], countries text[], share boolean,
                                         software uuid, archived boolean, sort text, descending boolean,
                                         page_limit int, page_offset int)
      RETURNS TABLE (client_id uuid, total bigint) LANGUAGE plpgsql STABLE SECURITY DEFINER
      SET search_path = public, pg_temp AS $$
      DECLARE
        sort_column text := CASE sort WHEN 'name' THEN 'name_key' WHEN 'city' THEN 'city_key'
          WHEN 'country' THEN 'country' WHEN 'status' THEN 'status' WHEN 'createdAt' THEN 'created_at'
          WHEN 'updatedAt' THEN 'updated_at' END;
        direction text := CASE WHEN descending THEN 'DESC' ELSE 'ASC' END;
      BEGIN
        IF sort_column IS NULL THEN RAISE EXCEPTION 'unknown sort %', sort; END IF;
        RETURN QUERY EXECUTE format(
          'SELECT s.client_id, count(*) OVER () FROM client_search s
            WHERE s.firm_id = app_current_firm() AND s.search_text LIKE $1 AND s.archived = $6
              AND ($2 IS NULL OR s.status = ANY ($2)) AND ($3 IS NULL OR s.country = ANY ($3))
              AND ($4 IS NULL OR s.share_documents = $4) AND ($5 IS NULL OR s.accounting_software_id = $5)
            ORDER BY s.%I %s, s.client_id %s LIMIT $7 OFFSET $8', sort_column, direction, direction)
        USING pattern, statuses, countries, share, software, archived, page_limit, page_offset;
      END $$`);
    const signature = `client_search_page(text, text[], text[], boolean, uuid, boolean, text, boolean, int, int)`;
    await q.query(`REVOKE ALL ON FUNCTION ${signature} FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ${signature} TO passerelle_app`);
    await q.query(`
      CREATE OR REPLACE FUNCTION client_search_sync() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = public, pg_temp AS $$
      BEGIN
        INSERT INTO client_search (client_id, firm_id, search_text, name_key, city_key, country, status,
                                   share_documents, accounting_software_id, archived, created_at, updated_at)
        VALUES (NEW.id, NEW.firm_id, NEW.search_text, lower(NEW.name), lower(NEW.city), NEW.country, NEW.status,
                NEW.share_documents, NEW.accounting_software_id, NEW.archived_at IS NOT NULL, NEW.created_at,
                NEW.updated_at)
        ON CONFLICT (client_id) DO UPDATE SET
          search_text = EXCLUDED.search_text, name_key = EXCLUDED.name_key, city_key = EXCLUDED.city_key,
          country = EXCLUDED.country, status = EXCLUDED.status, share_documents = EXCLUDED.share_documents,
          accounting_software_id = EXCLUDED.accounting_software_id, archived = EXCLUDED.archived,
          updated_at = EXCLUDED.updated_at;
        RETURN NEW;
      END $$`);
    await q.query(`DROP INDEX client_firm_name_idx, client_firm_city_idx, client_firm_status_idx,
                   client_firm_country_idx`);
    await q.query(`ALTER TABLE client DROP COLUMN name_sort, DROP COLUMN city_sort`);
    await q.query(`DROP FUNCTION sort_key(text)`);
    await q.query(`CREATE INDEX client_firm_name_idx ON client (firm_id, lower(name), id)`);
    await q.query(`CREATE INDEX client_firm_status_idx ON client (firm_id, status)`);
    await q.query(`CREATE INDEX client_firm_country_idx ON client (firm_id, country)`);
    await q.query(`ALTER TABLE client_search ALTER COLUMN name_key TYPE text COLLATE "default"`);
    await q.query(`ALTER TABLE client_search ALTER COLUMN city_key TYPE text COLLATE "default"`);
    await q.query(`
      UPDATE client_search s SET name_key = lower(c.name), city_key = lower(c.city)
        FROM client c WHERE c.id = s.client_id`);
  }
}
