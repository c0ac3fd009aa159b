import type { EntityManager } from 'typeorm';
import type { DraftColumns } from '../checking/check-run';

export interface WriteContext {
  firmId: string;
  userId: string | null;
  batchId: string;
  fileSha256: string;
}

/** The key that makes a row of a given file land once, however often it is imported. */
export function importKey(fileSha256: string, row: number): string {
  return `${fileSha256}:${row}`;
}

/**
 * Set-based client insertion for imports: one `INSERT … SELECT … FROM unnest(…)` per batch of rows (works
 * on PostgreSQL and through the embedded engine, where COPY does not), `ON CONFLICT DO NOTHING` on every
 * unique key (ICE, contact e-mail, import key) so a retried job or a re-uploaded file creates nothing twice,
 * and no audit row per client: a client's timeline reads "imported from <file>, row N" from its batch (the
 * batch itself is audited once). The client_search rows are not written per row: call `beginBulk` before
 * and `finishBulk` after.
 */
export const clientWriter = {
  /** Skips the per-row search trigger for the rest of this transaction's bulk insert. */
  async beginBulk(em: EntityManager): Promise<void> {
    await em.query(`SELECT set_config('app.bulk_client_insert', 'on', true)`);
  },

  /** Turns the trigger back on and fills client_search for the whole batch in one statement. */
  async finishBulk(em: EntityManager, batchId: string): Promise<number> {
    await em.query(`SELECT set_config('app.bulk_client_insert', 'off', true)`);
    const rows: { client_search_fill_batch: number }[] = await em.query(
      `SELECT client_search_fill_batch($1)`,
      [batchId],
    );
    return rows[0].client_search_fill_batch;
  },

  /**
   * Inserts the drafts (column by column); returns how many clients were created (rows that conflicted are
   * not). Only the count comes back: no per-row result for the API process to hold on to.
   */
  async insert(em: EntityManager, context: WriteContext, drafts: DraftColumns): Promise<number> {
    if (drafts.rows.length === 0) return 0;
    const created: { n: number }[] = await em.query(
      `WITH inserted AS (
       INSERT INTO client (firm_id, created_by, import_batch_id, import_key, name, address, postal_code, city, country,
                           ice, tax_id, iban, language, contact_name, contact_language, contact_email,
                           share_documents, accounting_software_id, search_text)
       SELECT $1, $2, $3, t.import_key, t.name, t.address, t.postal_code, t.city, t.country, t.ice, t.tax_id, t.iban,
              t.language, t.contact_name, t.contact_language, t.contact_email, t.share_documents,
              t.accounting_software_id, t.search_text
         FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],
                     $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::boolean[], $18::uuid[],
                     $19::text[])
           AS t(import_key, name, address, postal_code, city, country, ice, tax_id, iban, language, contact_name,
                contact_language, contact_email, share_documents, accounting_software_id, search_text)
       ON CONFLICT DO NOTHING
       RETURNING 1)
       SELECT count(*)::int AS n FROM inserted`,
      [
        context.firmId,
        context.userId,
        context.batchId,
        drafts.rows.map((row) => importKey(context.fileSha256, row)),
        drafts.name,
        drafts.address,
        drafts.postalCode,
        drafts.city,
        drafts.country,
        drafts.ice,
        drafts.taxId,
        drafts.iban,
        drafts.language,
        drafts.contactName,
        drafts.contactLanguage,
        drafts.contactEmail,
        drafts.shareDocuments,
        drafts.accountingSoftwareId,
        drafts.searchText,
      ],
    );
    return created[0].n;
  },
};
