import type { ParsedMail } from 'mailparser';
import { randomBytes } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { ApiClient } from './test-app';
import { moroccanClient } from './clients';

/** The database as its owner (a superuser here): to age rows, count across firms, seed many clients fast. */
export async function adminDb(): Promise<PgClient> {
  const db = new PgClient({ connectionString: process.env['INT_DATABASE_URL'] });
  await db.connect();
  return db;
}

/** The invitation link's token in an e-mail (text version), or throws. */
export function tokenOf(mail: ParsedMail): string {
  const match = /\/invitation\/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/.exec(mail.text ?? '');
  if (!match) throw new Error(`no invitation link in "${mail.subject}"`);
  return match[1];
}

export function recipient(mail: ParsedMail): string {
  const to = mail.to && !Array.isArray(mail.to) ? mail.to : undefined;
  return to?.value[0]?.address ?? '';
}

/** A client through the API; returns its id and contact address. */
export async function createClient(
  staff: ApiClient,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; email: string; name: string }> {
  const res = await staff.post('/api/clients', moroccanClient(overrides));
  if (res.status !== 201) throw new Error(`client not created: ${res.status} ${JSON.stringify(res.body)}`);
  const client = res.body.client as { id: string; contactEmail: string; name: string };
  return { id: client.id, email: client.contactEmail, name: client.name };
}

/**
 * `count` not-invited clients of a firm, written straight to the table (seconds instead of minutes). Their
 * names are `Bulk <tag> <n>`, so searching `Bulk <tag>` finds them all (search_text as lookupKey makes it).
 */
export async function insertClients(
  db: PgClient,
  firmId: string,
  count: number,
  language = 'fr',
): Promise<{ ids: string[]; tag: string }> {
  const tag = randomBytes(4).toString('hex');
  const rows: { id: string }[] = (
    await db.query(
      `INSERT INTO client (firm_id, name, address, postal_code, city, country, language, contact_name,
                           contact_language, contact_email, search_text)
       SELECT $1, 'Bulk ' || $2 || ' ' || g, '1 rue du Test', '20000', 'Casablanca', 'MA', 'fr', 'Contact ' || g,
              $3, 'bulk-' || $2 || '-' || g || '@example.ma', 'bulk' || $2 || g
         FROM generate_series(1, $4) AS g
       RETURNING id`,
      [firmId, tag, language, count],
    )
  ).rows;
  return { ids: rows.map((row) => row.id), tag };
}

/** How many e-mails each address received (duplicates are counts above 1). */
export function countByRecipient(mails: readonly ParsedMail[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const mail of mails) counts.set(recipient(mail), (counts.get(recipient(mail)) ?? 0) + 1);
  return counts;
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false>,
  what: string,
  ms = 30_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
