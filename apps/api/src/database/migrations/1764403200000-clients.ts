import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Clients and accounting-software configurations (issue 4). Both are tenant tables: RLS enabled and forced.
 * A client's configuration must belong to the same firm: enforced by a composite foreign key, because
 * foreign-key checks do not go through RLS.
 */
export class Clients1764403200000 implements MigrationInterface {
  name = 'Clients1764403200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE TABLE accounting_software_config (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        firm_id uuid NOT NULL REFERENCES firm(id) ON DELETE CASCADE,
        label varchar(80) NOT NULL,
        product varchar(40) NOT NULL,
        delivery_method varchar(16) NOT NULL CHECK (delivery_method IN ('email', 'export')),
        delivery_email varchar(254),
        export_format varchar(8) CHECK (export_format IN ('csv', 'xlsx')),
        export_frequency varchar(16) CHECK (export_frequency IN ('daily', 'weekly', 'monthly')),
        is_default boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT accounting_software_delivery_target CHECK (
          (delivery_method = 'email' AND delivery_email IS NOT NULL)
          OR (delivery_method = 'export' AND export_format IS NOT NULL AND export_frequency IS NOT NULL)
        ),
        CONSTRAINT accounting_software_config_firm_id_key UNIQUE (firm_id, id)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX accounting_software_config_label_key ON accounting_software_config (firm_id, lower(label))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX accounting_software_config_default_key ON accounting_software_config (firm_id) WHERE is_default`,
    );

    await q.query(`
      CREATE TABLE client (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        firm_id uuid NOT NULL REFERENCES firm(id) ON DELETE CASCADE,
        name varchar(160) NOT NULL,
        address varchar(200) NOT NULL,
        postal_code varchar(12) NOT NULL,
        city varchar(100) NOT NULL,
        country char(2) NOT NULL,
        ice char(15),
        tax_id varchar(8),
        iban varchar(34),
        language varchar(3) NOT NULL,
        contact_name varchar(160) NOT NULL,
        contact_language varchar(3) NOT NULL,
        contact_email varchar(254),
        share_documents boolean NOT NULL DEFAULT false,
        accounting_software_id uuid,
        status varchar(24) NOT NULL DEFAULT 'not_invited' CHECK (status IN
          ('not_invited', 'invited', 'active', 'invitation_failed', 'invitation_expired', 'deactivated')),
        archived_at timestamptz,
        search_text text NOT NULL,
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT client_accounting_software_fk FOREIGN KEY (firm_id, accounting_software_id)
          REFERENCES accounting_software_config (firm_id, id) ON DELETE RESTRICT
      )`);
    await q.query(`CREATE UNIQUE INDEX client_ice_key ON client (firm_id, ice) WHERE ice IS NOT NULL`);
    await q.query(
      `CREATE UNIQUE INDEX client_contact_email_key ON client (firm_id, lower(contact_email)) WHERE contact_email IS NOT NULL`,
    );
    await q.query(`CREATE INDEX client_firm_name_idx ON client (firm_id, lower(name), id)`);
    await q.query(`CREATE INDEX client_firm_created_idx ON client (firm_id, created_at DESC, id)`);
    await q.query(`CREATE INDEX client_firm_status_idx ON client (firm_id, status)`);
    await q.query(`CREATE INDEX client_firm_country_idx ON client (firm_id, country)`);
    await q.query(`CREATE INDEX client_accounting_software_idx ON client (firm_id, accounting_software_id)`);

    // Filters people combine (active + sharing…) are correlated: without these statistics the planner walks
    // the name index through every row looking for 25 matches that do not exist.
    await q.query(
      `CREATE STATISTICS client_filter_stats (dependencies, mcv) ON status, share_documents, country FROM client`,
    );

    // Accent- and case-insensitive substring search. LIKE is not LEAKPROOF, so under RLS PostgreSQL will not
    // use an index for it. A trigger therefore keeps client_search — the normalised text (computed by the API)
    // plus the columns lists filter and sort on — in a table WITHOUT RLS that passerelle_app cannot read;
    // it is queried only through client_search_page(), which filters on the transaction's firm itself.
    await q.query(`
      CREATE TABLE client_search (
        client_id uuid PRIMARY KEY REFERENCES client(id) ON DELETE CASCADE,
        firm_id uuid NOT NULL,
        search_text text NOT NULL,
        name_key text NOT NULL,
        city_key text NOT NULL,
        country char(2) NOT NULL,
        status varchar(24) NOT NULL,
        share_documents boolean NOT NULL,
        accounting_software_id uuid,
        archived boolean NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX client_search_trgm_idx ON client_search USING gin (search_text gin_trgm_ops)`,
    );
    await q.query(`REVOKE ALL ON client_search FROM PUBLIC`);
    await q.query(`
      CREATE FUNCTION client_search_sync() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
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
    await q.query(`
      CREATE TRIGGER client_search_sync AFTER INSERT OR UPDATE ON client
      FOR EACH ROW EXECUTE FUNCTION client_search_sync()`);
    // One page of a search, with the total: dynamic SQL so each call is planned with its actual pattern and
    // filters. The sort column comes from a fixed list; every value is a bound parameter.
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
    await q.query(
      `REVOKE ALL ON FUNCTION client_search_page(text, text[], text[], boolean, uuid, boolean, text, boolean, int, int) FROM PUBLIC`,
    );
    await q.query(`REVOKE ALL ON FUNCTION client_search_sync() FROM PUBLIC`);
    await q.query(
      `GRANT EXECUTE ON FUNCTION client_search_page(text, text[], text[], boolean, uuid, boolean, text, boolean, int, int) TO passerelle_app`,
    );

    for (const table of ['accounting_software_config', 'client']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO passerelle_app`);
      await q.query(`
        CREATE POLICY ${table}_tenant ON ${table}
        USING (firm_id = app_current_firm()) WITH CHECK (firm_id = app_current_firm())`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS client_search, client, accounting_software_config`);
    await q.query(
      `DROP FUNCTION IF EXISTS client_search_page(text, text[], text[], boolean, uuid, boolean, text, boolean, int, int)`,
    );
    await q.query(`DROP FUNCTION IF EXISTS client_search_sync()`);
  }
}
