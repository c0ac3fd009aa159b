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

    // Accent- and case-insensitive substring search. LIKE is not LEAKPROOF, so under RLS PostgreSQL may not
    // use an index for it: the normalised text (search_text, computed by the API) is copied by a trigger to
    // client_search, a table without RLS that passerelle_app cannot read, and searched only through
    // client_ids_matching(), which filters on the transaction's firm itself.
    await q.query(`
      CREATE TABLE client_search (
        client_id uuid PRIMARY KEY REFERENCES client(id) ON DELETE CASCADE,
        firm_id uuid NOT NULL,
        search_text text NOT NULL
      )`);
    await q.query(
      `CREATE INDEX client_search_trgm_idx ON client_search USING gin (search_text gin_trgm_ops)`,
    );
    await q.query(`REVOKE ALL ON client_search FROM PUBLIC`);
    await q.query(`
      CREATE FUNCTION client_search_sync() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = public, pg_temp AS $$
      BEGIN
        INSERT INTO client_search (client_id, firm_id, search_text) VALUES (NEW.id, NEW.firm_id, NEW.search_text)
        ON CONFLICT (client_id) DO UPDATE SET search_text = EXCLUDED.search_text;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER client_search_sync AFTER INSERT OR UPDATE OF search_text ON client
      FOR EACH ROW EXECUTE FUNCTION client_search_sync()`);
    // Dynamic SQL: planned with the actual pattern each call, so the trigram index is used when it pays.
    await q.query(`
      CREATE FUNCTION client_ids_matching(pattern text) RETURNS SETOF uuid LANGUAGE plpgsql STABLE SECURITY DEFINER
      SET search_path = public, pg_temp AS $$
      BEGIN
        RETURN QUERY EXECUTE
          'SELECT client_id FROM client_search WHERE firm_id = app_current_firm() AND search_text LIKE $1'
          USING pattern;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION client_ids_matching(text) FROM PUBLIC`);
    await q.query(`REVOKE ALL ON FUNCTION client_search_sync() FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION client_ids_matching(text) TO passerelle_app`);

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
    await q.query(`DROP FUNCTION IF EXISTS client_ids_matching(text)`);
    await q.query(`DROP FUNCTION IF EXISTS client_search_sync()`);
  }
}
